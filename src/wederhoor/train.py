"""``python -m wederhoor.train``: run one experiment (or a sweep with -m) into its run folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from omegaconf import DictConfig

from wederhoor.cli import hydra_app
from wederhoor.errors import UserError


def _params(overrides: list[str]) -> dict[str, str]:
    return dict(o.lstrip("+~").split("=", 1) for o in overrides if "=" in o)


@hydra_app("train")
def main(cfg: DictConfig) -> float:
    from hydra.core.hydra_config import HydraConfig
    from hydra.utils import instantiate

    from wederhoor.experiment import run_experiment
    from wederhoor.outputs import write_json
    from wederhoor.summary import format_results

    hydra_cfg = HydraConfig.get()
    run_dir = Path(hydra_cfg.runtime.output_dir)
    model_name = hydra_cfg.runtime.choices.get("model") or "model"
    try:
        logger = instantiate(cfg.logger)
        record: dict[str, Any] = run_experiment(cfg, run_dir, model_name)
        logger.log_run(run_dir, _params(list(hydra_cfg.overrides.task)), record)
    except (UserError, Exception) as exc:
        write_json({"status": "failed", "name": cfg.get("name"), "error": str(exc),
                    "error_type": type(exc).__name__}, run_dir / "metrics.json")
        raise
    print(format_results(record, str(run_dir)))
    return float(record["metrics"]["macro_f1"])


if __name__ == "__main__":
    main()
