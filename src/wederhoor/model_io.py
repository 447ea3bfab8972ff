"""Save and load fitted pipelines with skops, which refuses to run code from the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from wederhoor.errors import UserError
from wederhoor.outputs import atomic_write

MODEL_FILE = "model.skops"
TRUSTED_PREFIXES = ("sklearn.", "numpy.", "scipy.", "builtins.", "collections.", "wederhoor.")


def save_model(model: Any, run_dir: str | Path) -> Path:
    import skops.io as sio

    return atomic_write(Path(run_dir) / MODEL_FILE, lambda tmp: sio.dump(model, tmp))


def load_model(run_dir: str | Path) -> Any:
    """Load a run's model, trusting only scikit-learn/numpy/scipy types (never arbitrary code)."""
    import skops.io as sio

    path = Path(run_dir) / MODEL_FILE
    if not Path(run_dir).is_dir():
        raise UserError(f"run folder not found: {run_dir}; pass model=experiments/runs/<run>")
    if not path.is_file():
        raise UserError(f"no {MODEL_FILE} in {run_dir}; is it a finished training run folder?")
    try:
        untrusted = sio.get_untrusted_types(file=path)
    except Exception as exc:  # noqa: BLE001
        raise UserError(f"{path} is not a readable skops model file: {exc}") from None
    refused = [t for t in untrusted if not t.startswith(TRUSTED_PREFIXES)]
    if refused:
        raise UserError(f"{path} contains types outside scikit-learn/numpy/scipy "
                        f"({', '.join(refused)}); refusing to load it")
    return sio.load(path, trusted=untrusted)
