"""Save and load fitted pipelines with skops, which refuses to run code from the file.

A run saves every model it scored that was fitted on all its training rows: the main model
(``model=``) as model.skops, each ``also.NAME`` model as model-NAME.skops; metrics.json lists
them (``saved_models``), and ``predict`` picks one by name.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

from wederhoor.errors import UserError, info
from wederhoor.io.outputs import atomic_write

MODEL_FILE = "model.skops"
MAIN = "main"  # the run's own model (model=), always model.skops
BEST = "best"  # predict's default: the saved model with the highest macro-F1 of the run
_NAME = re.compile(r"[A-Za-z0-9_-]+")  # also.NAME: safe as part of a file name
TRUSTED_TYPES_FILE = (Path(__file__).resolve().parent.parent / "resources"
                      / "trusted_model_types.yaml")


def trusted_types() -> frozenset[str]:
    """The exact type names (never a prefix, never a function) a model file may hold beyond
    skops' own defaults: those the project's model configs produce."""
    import yaml

    return frozenset(yaml.safe_load(TRUSTED_TYPES_FILE.read_text(encoding="utf-8"))["types"])


def model_file(name: str = MAIN) -> str:
    """The file a saved model of this name lives in, inside its run folder."""
    return MODEL_FILE if name == MAIN else f"model-{name}.skops"


def check_model_name(name: str, where: str) -> None:
    """Refuse a name that cannot be a file name part or that predict reserves."""
    if name in (MAIN, BEST) or not _NAME.fullmatch(name):
        raise UserError(f"{where}: a model's name must be letters, digits, _ or - and neither "
                        f"'{MAIN}' nor '{BEST}' (predict's saved_model= reserves them); rename it")


def save_model(model: Any, run_dir: str | Path, name: str = MAIN) -> Path:
    """Save with skops, deflate-compressed (a TF-IDF vocabulary is tens of MB uncompressed) at
    the fastest level: about 5% larger than zlib's default, in half the time (a run saves
    several models)."""
    import zipfile

    import skops.io as sio

    return atomic_write(Path(run_dir) / model_file(name), lambda tmp: sio.dump(
        model, tmp, compression=zipfile.ZIP_DEFLATED, compresslevel=1))


def _check_run_dir(run_dir: str | Path) -> None:
    if not Path(run_dir).is_dir():
        raise UserError(f"run folder not found: {run_dir}; pass run=experiments/runs/<run>")


def load_model(run_dir: str | Path, name: str = MAIN) -> Any:
    """Load a run's model, trusting skops' defaults and the project's own exact types only."""
    import skops.io as sio

    _check_run_dir(run_dir)
    if name != MAIN:
        check_model_name(name, "saved_model")
    path = Path(run_dir) / model_file(name)
    if not path.is_file():
        raise UserError(f"no {path.name} in {run_dir}; is it a finished training run folder?")
    try:
        untrusted = sio.get_untrusted_types(file=path)
    except Exception as exc:  # noqa: BLE001
        raise UserError(f"{path} is not a readable skops model file: {exc}") from None
    refused = sorted(set(untrusted) - trusted_types())
    if refused:
        raise UserError(f"{path} holds {refused[0]}, which no model of this project uses"
                        f"{f' (and {len(refused) - 1} more)' if len(refused) > 1 else ''}; "
                        "refusing to load it, as it could run code")
    return sio.load(path, trusted=untrusted)


def run_record(run_dir: str | Path) -> dict[str, Any] | None:
    """A run's metrics.json, or None when it is missing or unreadable (a train killed before
    it finished writes none). A run whose train failed is refused: its folder holds no
    finished model."""
    _check_run_dir(run_dir)
    try:
        record = json.loads((Path(run_dir) / "metrics.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict):
        return None
    status = record.get("status", "ok")  # runs from before the status was written are ok
    if status != "ok":
        error = (str(record.get("error") or "no error recorded").strip().splitlines()
                 or [""])[0]
        raise UserError(f"run={run_dir}: its train did not finish (metrics.json says status "
                        f"{status!r}: {error[:200]}), so it has no model to predict with; "
                        "pass run= a run whose metrics.json says status ok")
    return record


def _on_disk(run_dir: Path) -> dict[str, dict[str, Any]]:
    """The saved models a run folder holds, by file name alone (no metrics.json to list
    them): main first, then by name."""
    names = sorted(p.name[len("model-"):-len(".skops")]
                   for p in run_dir.glob("model-*.skops"))
    return {MAIN: {"file": MODEL_FILE},
            **{n: {"file": model_file(n)} for n in names if _NAME.fullmatch(n)}}


def saved_models(run_dir: str | Path) -> dict[str, dict[str, Any]]:
    """The models a run saved, by name, with what metrics.json says of them (``model``,
    ``train_labels``, ``macro_f1``). A run from before models were saved by name has its main
    model only; a run without a readable metrics.json has the model files it holds,
    unscored."""
    record = run_record(run_dir)
    if record is None:
        return _on_disk(Path(run_dir))
    listed = record.get("saved_models")
    if isinstance(listed, dict) and listed:  # main first, then by name
        names = sorted((str(k) for k in listed if k == MAIN or _NAME.fullmatch(str(k))),
                       key=lambda name: (name != MAIN, name))
        return {name: (listed[name] if isinstance(listed[name], dict) else {})
                for name in names}
    metrics = record.get("metrics")
    return {MAIN: {"file": MODEL_FILE, "model": record.get("model"),
                   "train_labels": record.get("train_labels"),
                   "macro_f1": metrics.get("macro_f1") if isinstance(metrics, dict) else None}}


def _score(entry: dict[str, Any]) -> float:
    value = entry.get("macro_f1")
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    return -math.inf


def best_model(saved: dict[str, dict[str, Any]]) -> str:
    """The saved model with the highest pooled macro-F1; the main model on a tie."""
    return max(saved, key=lambda name: (_score(saved[name]), name == MAIN))


def chosen_model(run: Any, runs_dir: Any, choice: Any
                 ) -> tuple[Path, dict[str, dict[str, Any]], str]:
    """The run folder ``run=`` names, its saved models (a run whose train failed is refused)
    and the name of the one ``saved_model=choice`` picks: what predict and estimate start
    from."""
    run_dir = resolve_run(run, runs_dir)
    saved = saved_models(run_dir)
    return run_dir, saved, choose_model(saved, choice, run_dir.name)


def choose_model(saved: dict[str, dict[str, Any]], choice: Any, run_name: str) -> str:
    """The name of the saved model ``saved_model=choice`` means (``best``: the best-scoring)."""
    choice = str(choice)
    if choice == BEST:
        return best_model(saved)
    if choice not in saved:
        raise UserError(f"saved_model={choice}: run {run_name} saved no model of that name; "
                        f"it saved {', '.join(saved)} (or pass saved_model={BEST})")
    return choice


def describe(name: str, entry: dict[str, Any]) -> str:
    """``hybrid_logreg (trained on gold, macro-F1 0.828)``, as far as metrics.json says."""
    parts = [str(entry["model"])] if entry.get("model") and entry["model"] != name else []
    if entry.get("train_labels"):
        parts.append(f"trained on {entry['train_labels']}")
    if _score(entry) > -math.inf:
        parts.append(f"macro-F1 {_score(entry):.3f}")
    return f"{name} ({', '.join(parts)})" if parts else name


LATEST = "latest"  # predict's run=latest: the run in the runs folder that finished last


def resolve_run(run: Any, runs_dir: str | Path) -> Path:
    """The run folder ``run=`` names: ``latest`` (the run that finished last) or a path."""
    if str(run) == LATEST:
        found = latest_run(runs_dir)
        info(f"run={LATEST}: {found}")
        return found
    return Path(run)


def latest_run(runs_dir: str | Path) -> Path:
    """The training run in ``runs_dir`` that finished last: a folder that holds model.skops and
    a metrics.json saying status ok, the newest metrics.json winning (a folder's name need not
    be its start time: ``rerun-of-...``, ``hydra.run.dir=...``). A run still training, stopped
    or failed is passed over, because its model is not the one its metrics describe. Only the
    newest metrics.json files are read, until one says ok."""
    folder = Path(runs_dir)
    dirs = [p for p in folder.iterdir() if p.is_dir()] if folder.is_dir() else []
    written = sorted((((p / "metrics.json").stat().st_mtime, p.name, p) for p in dirs
                      if (p / MODEL_FILE).is_file() and (p / "metrics.json").is_file()),
                     reverse=True)
    for _, _, run_dir in written:
        try:
            if run_record(run_dir) is not None:
                return run_dir
        except UserError:  # its train failed
            continue
    raise UserError(f"run={LATEST}: no finished training run in {folder} (a folder with "
                    f"{MODEL_FILE} and a metrics.json saying status ok); run `make run` "
                    "first, or pass run=<a run folder>")
