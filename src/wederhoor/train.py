"""``python -m wederhoor.train``: run one experiment (or a sweep with -m) into its run folder."""

from __future__ import annotations

import gc
import shlex
from pathlib import Path
from typing import Any

from omegaconf import DictConfig

from wederhoor.cli import PROJECT_ROOT, hydra_app


def _params(overrides: list[str]) -> dict[str, str]:
    return dict(o.lstrip("+~").split("=", 1) for o in overrides if "=" in o)


def repeat_commands(run_dir: Path, overrides: list[str], runs_root: Path) -> dict[str, str]:
    """Two ways to repeat this run: its overrides on today's conf/, or its saved config."""
    args = " ".join(shlex.quote(o) for o in overrides)
    target = runs_root / f"rerun-of-{run_dir.name}"
    return {
        "command": f"python -m wederhoor.train {args}".strip(),
        "rerun_command": (f"python -m wederhoor.train --config-dir "
                          f"{shlex.quote(str(run_dir / '.hydra'))} --config-name config "
                          f"hydra.run.dir={shlex.quote(str(target))}"),
    }


def model_label(cfg: DictConfig, choice: str | None) -> str:
    """The model's config name, or its parts when run from a saved config (no choices)."""
    if choice:
        return choice
    parts = [cfg.model.get(k, {}).get("_target_", "?").rsplit(".", 1)[-1]
             for k in ("vectorizer", "classifier")]
    return "+".join(parts)


def before_run(argv: list[str], cfg: DictConfig | None) -> None:
    """Before Hydra creates the run folder: train's own options (each job's, in a sweep),
    then the folder itself: never one that holds a run, never in seeds/."""
    from wederhoor.io import new_run
    from wederhoor.train_options import check_train_options

    if cfg is not None:
        check_train_options(cfg)
    new_run.refuse_used_run_dir(argv, cfg, PROJECT_ROOT / "seeds")


@hydra_app("train", before=before_run)
def main(cfg: DictConfig) -> float:
    from hydra.core.hydra_config import HydraConfig

    from wederhoor.evaluation.summary import format_results
    from wederhoor.experiment import build_components, run_experiment
    from wederhoor.io.new_run import discard_failed_run, kept_names
    from wederhoor.io.outputs import write_json
    from wederhoor.tracking.provenance import command_line
    from wederhoor.train_options import build_node

    hydra_cfg = HydraConfig.get()
    run_dir = Path(hydra_cfg.runtime.output_dir)
    overrides = list(hydra_cfg.overrides.task)
    kept = kept_names(run_dir, f"{hydra_cfg.job.name}.log")
    try:
        parts = build_components(cfg)  # every other group, built once and passed down
        logger = build_node(cfg.logger, "logger", "conf/logger/")
        # what is imported and built so far lives until the process ends: the cyclic garbage
        # collector stops walking it again at each full collection (0.2-0.3 s of make run)
        gc.freeze()
        commands = {**repeat_commands(run_dir, overrides, Path(cfg.paths.experiments) / "runs"),
                    "typed_command": command_line()}
        record: dict[str, Any] = run_experiment(
            cfg, run_dir, model_label(cfg, hydra_cfg.runtime.choices.get("model")), commands,
            parts)
        logger.log_run(run_dir, _params(overrides), record)
    except (Exception, KeyboardInterrupt) as exc:
        # a failed run leaves no folder for compare or predict to pick up; should removing
        # it fail, its metrics.json says so
        if not discard_failed_run(run_dir, kept) and not isinstance(exc, KeyboardInterrupt):
            write_json({"status": "failed", "name": cfg.get("name"), "error": str(exc),
                        "error_type": type(exc).__name__}, run_dir / "metrics.json")
        raise
    print(format_results(record, str(run_dir)))
    return float(record["metrics"]["macro_f1"])


if __name__ == "__main__":
    main()
