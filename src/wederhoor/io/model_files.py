"""Save and load fitted pipelines with skops, which refuses to run code from the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from wederhoor.errors import UserError
from wederhoor.io.outputs import atomic_write

MODEL_FILE = "model.skops"
TRUSTED_TYPES_FILE = (Path(__file__).resolve().parent.parent / "resources"
                      / "trusted_model_types.yaml")


def trusted_types() -> frozenset[str]:
    """The exact type names (never a prefix, never a function) a model file may hold beyond
    skops' own defaults: those the project's model configs produce."""
    import yaml

    return frozenset(yaml.safe_load(TRUSTED_TYPES_FILE.read_text(encoding="utf-8"))["types"])


def save_model(model: Any, run_dir: str | Path) -> Path:
    """Save with skops, deflate-compressed (a TF-IDF vocabulary is tens of MB uncompressed)."""
    import zipfile

    import skops.io as sio

    return atomic_write(Path(run_dir) / MODEL_FILE,
                        lambda tmp: sio.dump(model, tmp, compression=zipfile.ZIP_DEFLATED))


def load_model(run_dir: str | Path) -> Any:
    """Load a run's model, trusting skops' defaults and the project's own exact types only."""
    import skops.io as sio

    path = Path(run_dir) / MODEL_FILE
    if not Path(run_dir).is_dir():
        raise UserError(f"run folder not found: {run_dir}; pass run=experiments/runs/<run>")
    if not path.is_file():
        raise UserError(f"no {MODEL_FILE} in {run_dir}; is it a finished training run folder?")
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
