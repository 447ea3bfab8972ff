"""Where a run's record goes besides its own folder (config group ``logger``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from wederhoor.errors import UserError

NOT_INSTALLED = ("logger=mlflow needs the optional extra: run `make mlflow-install` (or use "
                 "logger=files)")


class FilesLogger:
    """The default: the run folder's files are the whole record; nothing else to do."""

    def log_run(self, run_dir: Path, params: dict[str, str], record: dict[str, Any]) -> None:
        return None


class MlflowLogger:
    """Also log params, metrics and the run folder's files to a local MLflow store (optional)."""

    def __init__(self, tracking_uri: str, artifacts: str, experiment: str = "wederhoor") -> None:
        import importlib.util

        if importlib.util.find_spec("mlflow") is None:  # known now, not after the whole run
            raise UserError(NOT_INSTALLED)
        self.tracking_uri = tracking_uri
        self.artifacts = artifacts  # MLflow's default is ./mlruns in whatever folder you are in
        self.experiment = experiment

    def log_run(self, run_dir: Path, params: dict[str, str], record: dict[str, Any]) -> None:
        try:
            import mlflow
        except ImportError:
            raise UserError(NOT_INSTALLED) from None
        mlflow.set_tracking_uri(self.tracking_uri)
        if mlflow.get_experiment_by_name(self.experiment) is None:
            Path(self.artifacts).mkdir(parents=True, exist_ok=True)
            mlflow.create_experiment(self.experiment,
                                     artifact_location=Path(self.artifacts).resolve().as_uri())
        mlflow.set_experiment(self.experiment)
        metrics = record["metrics"]
        flat = {"macro_f1": metrics["macro_f1"], "accuracy": metrics["accuracy"]}
        if metrics["kappa"] == metrics["kappa"]:  # not NaN
            flat["kappa"] = metrics["kappa"]
        for label, values in metrics["per_class"].items():
            flat[f"f1_{label}"] = values["f1"]
        for stage, seconds in record["seconds"].items():
            flat[f"seconds_{stage}"] = seconds
        with mlflow.start_run(run_name=Path(run_dir).name):
            mlflow.log_params(params)
            mlflow.log_metrics(flat)
            mlflow.log_artifacts(str(run_dir))
