"""Read a training run folder as data: its config builds objects only through an allowlist.

``predict`` is pointed at run folders that may come from someone else. Hydra's
``instantiate`` would call any ``_target_`` in ``.hydra/config.yaml`` (``pandas.read_pickle``
runs code), so nothing read from a run folder is instantiated: the segmenter is built from the
project's own classes, with plain-typed arguments checked one by one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from wederhoor.errors import UserError

# Every segmenter a run may name, with the arguments it may pass and their allowed types.
SEGMENTERS: dict[str, dict[str, tuple[type, ...]]] = {
    "wederhoor.pipeline.segmenters.SyntokSegmenter": {
        "abbreviations": (str, type(None)),
        "repair": (bool,),
        "headline_max_chars": (int,),
        "fast_path": (bool,),
    },
    "wederhoor.pipeline.segmenters.LineSegmenter": {},
    "wederhoor.pipeline.segmenters.NoSegmenter": {},
}


def is_run_folder(path: Path) -> bool:
    """A folder a training run wrote: Hydra's ``.hydra/`` or the run's ``metrics.json``."""
    return (path / ".hydra").is_dir() or (path / "metrics.json").is_file()


def enclosing_run(path: str | Path) -> Path | None:
    """The run folder that ``path`` is, or lies in; None when it is outside every run.

    Run folders belong to the train that made them: other commands read them, never write
    into them, so a leaderboard or a prediction file can never replace what a run recorded.
    """
    target = Path(path).expanduser().resolve()
    return next((p for p in (target, *target.parents) if is_run_folder(p)), None)


def refuse_run_folder(path: str | Path, option: str) -> None:
    """Refuse ``option``=``path`` when it is in a run folder, naming a path beside it."""
    run = enclosing_run(path)
    if run is None:
        return
    inside = Path(path).expanduser().resolve().relative_to(run)
    name = "-".join((run.name, *inside.parts)) if inside.parts else f"{run.name}-output"
    marker = ".hydra/" if (run / ".hydra").is_dir() else "metrics.json"
    where = f"is in the run folder {run}" if inside.parts else "is a run folder"
    raise UserError(f"{option}={path} {where} (it holds {marker}), which only its own train "
                    f"writes; choose a path outside it, e.g. {option}={run.parent / name}")


def load_run_config(run_dir: Path) -> dict[str, Any]:
    """The run's saved config as plain data (no interpolation is resolved)."""
    import yaml

    path = run_dir / ".hydra" / "config.yaml"
    if not path.is_file():
        raise UserError(f"{run_dir} has no .hydra/config.yaml; pass run= a training run folder")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise UserError(f"{path} is not readable YAML ({' '.join(str(exc).split())[:120]}); "
                        "is it a training run folder?") from None
    if not isinstance(data, dict):
        raise UserError(f"{path} is not a run config (expected a mapping)")
    return data


def _plain(value: Any, allowed: tuple[type, ...], where: str) -> Any:
    if isinstance(value, bool) and bool not in allowed:
        raise UserError(f"{where} must be {_names(allowed)}, not {value!r}")
    if not isinstance(value, allowed):
        raise UserError(f"{where} must be {_names(allowed)}, not {type(value).__name__}; "
                        "the run config was changed by hand, refusing it")
    return value


def _names(types: tuple[type, ...]) -> str:
    return " or ".join("null" if t is type(None) else t.__name__ for t in types)


def build_segmenter(run_dir: Path, config: dict[str, Any]) -> Any:
    """The run's segmenter, built only from an allowlisted class and plain arguments."""
    import importlib

    node = config.get("segmenter")
    where = f"{run_dir / '.hydra' / 'config.yaml'}: segmenter"
    if not isinstance(node, dict):
        raise UserError(f"{where} is missing or not a mapping; refusing this run folder")
    target = node.get("_target_")
    if target not in SEGMENTERS:
        raise UserError(f"{where}._target_ {target!r} is not one of the project's segmenters "
                        f"({', '.join(sorted(SEGMENTERS))}); refusing to build it")
    allowed = SEGMENTERS[target]
    kwargs = {}
    for key, value in node.items():
        if key == "_target_":
            continue
        if key not in allowed:
            raise UserError(f"{where}.{key} is not an option of {target}; refusing this run "
                            "folder")
        kwargs[key] = _plain(value, allowed[key], f"{where}.{key}")
    module, name = target.rsplit(".", 1)
    return getattr(importlib.import_module(module), name)(**kwargs)


def trained_languages(run_dir: Path, default: str) -> set[str]:
    """The languages of the sentences the run's model was fit on (metrics.json), or the
    run's ``lang`` when an older run did not record them; empty when that is ``auto`` too
    (detected per document: nothing says which languages the model saw)."""
    import json

    from wederhoor.io.language import AUTO

    fallback = set() if default == AUTO else {default}
    try:
        record = json.loads((run_dir / "metrics.json").read_text(encoding="utf-8"))
        langs = record["counts"]["train_languages"]
    except (OSError, ValueError, KeyError, TypeError):
        return fallback
    return {str(k) for k in langs} if isinstance(langs, dict) and langs else fallback


def run_language(run_dir: Path, config: dict[str, Any]) -> str:
    """The language the run was trained for (its ``lang`` option; ``auto`` = detected per
    document, which is then what ``predict`` does too unless told ``lang=``)."""
    from wederhoor.io.language import AUTO, languages

    lang = config.get("lang", "nl")
    if lang not in (*languages(), AUTO):
        raise UserError(f"{run_dir / '.hydra' / 'config.yaml'}: lang {lang!r} is not one of "
                        f"{', '.join((*languages(), AUTO))}; refusing this run folder")
    return lang
