"""logger=mlflow writes params, metrics and artifacts to a local SQLite store (optional extra).

Skipped unless mlflow is installed (`make mlflow-install`); the default install leaves it out.
"""

from __future__ import annotations

from pathlib import Path

import pytest


def test_mlflow_logger_records_a_run(tmp_path: Path) -> None:
    mlflow = pytest.importorskip("mlflow")
    from wederhoor.tracking.loggers import MlflowLogger

    run_dir = tmp_path / "run"
    run_dir.mkdir()
    (run_dir / "metrics.json").write_text("{}", encoding="utf-8")
    uri = f"sqlite:///{tmp_path}/mlflow.db"
    record = {
        "metrics": {"macro_f1": 0.5, "accuracy": 0.6, "kappa": 0.3,
                    "per_class": {"denial": {"f1": 0.4}}},
        "seconds": {"train": 1.5},
    }
    MlflowLogger(uri, str(tmp_path / "artifacts"), "test").log_run(run_dir, {"model": "nb"},
                                                                   record)
    mlflow.set_tracking_uri(uri)
    [run] = mlflow.search_runs(experiment_names=["test"], output_format="list")
    assert run.data.params == {"model": "nb"}
    assert run.data.metrics["macro_f1"] == 0.5 and run.data.metrics["f1_denial"] == 0.4
    artifacts = [a.path for a in mlflow.MlflowClient().list_artifacts(run.info.run_id)]
    assert "metrics.json" in artifacts
    assert (tmp_path / "artifacts").is_dir()
