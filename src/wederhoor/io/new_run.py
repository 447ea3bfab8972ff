"""The folder a train writes into: never one that already holds a run, never inside seeds/,
and none left behind by a train that failed.

Hydra creates the run folder and writes ``.hydra/`` into it before the task starts, so the
check runs on the command line first (``refuse_used_run_dir``); it also notes what an
explicitly named folder held, so that the clean-up after a failure (``discard_failed_run``)
removes only what this command added.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from omegaconf import DictConfig, OmegaConf

from wederhoor.errors import UserError
from wederhoor.io.outputs import refuse_protected
from wederhoor.io.run_folder import is_run_folder

NOT_RUNNING = frozenset({"--help", "-h", "--hydra-help", "--cfg", "-c", "--info", "-i",
                         "--shell-completion", "-sc"})  # flags with which Hydra runs no job
# Folders named on the command line that existed before Hydra ran: what each held then.
_EXISTING: dict[Path, frozenset[str]] = {}


def _literal(argv: list[str], key: str) -> str | None:
    """The last ``key=value`` on the command line, unquoted as Hydra reads it."""
    from hydra.core.override_parser.overrides_parser import OverridesParser

    parser = OverridesParser.create()
    value = None
    for arg in argv:
        if arg.startswith("-") or "=" not in arg:
            continue  # flags and their arguments (--config-dir FOLDER) are not overrides
        try:
            override = parser.parse_overrides([arg])[0]
        except Exception:  # noqa: BLE001 - Hydra reports a malformed override itself
            continue
        if override.key_or_group.lstrip("+~") == key:
            value = str(override.value())
    return None if value is None or "${" in value else value


def _free_name(folder: Path) -> Path:
    n = 2
    while folder.with_name(f"{folder.name}-{n}").exists():
        n += 1
    return folder.with_name(f"{folder.name}-{n}")


def _holds_sweep(folder: Path) -> bool:
    return (folder / "multirun.yaml").exists() or is_run_folder(folder) or any(
        p.is_dir() and is_run_folder(p) for p in folder.iterdir())


def refuse_used_run_dir(argv: list[str], cfg: DictConfig | None, seeds: Path) -> None:
    """Before Hydra writes anything: refuse a run (or sweep) folder that already holds a run,
    is a file, or lies in ``seeds``. ``cfg`` is the composed config when there is one."""
    if NOT_RUNNING.intersection(a.split("=", 1)[0] for a in argv):
        return
    sweep = "-m" in argv or "--multirun" in argv
    key = "hydra.sweep.dir" if sweep else "hydra.run.dir"
    if cfg is not None:
        try:
            value: str | None = str(OmegaConf.select(cfg, key))
            seeds = Path(str(OmegaConf.select(cfg, "paths.seeds") or seeds))
        except Exception as exc:  # noqa: BLE001 - Hydra would print a traceback
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise UserError(f"{key} cannot be resolved ({first}); pass a plain folder, e.g. "
                            f"{key}=experiments/runs/mine") from None
    else:
        value = _literal(argv, key)
    if value is None:
        return  # Hydra's own stamped folder: new by construction
    folder = Path(value).expanduser()
    refuse_protected(folder, seeds)
    if folder.exists() and not folder.is_dir():
        raise UserError(f"{key}={value} is a file; pick a new folder for the run")
    if folder.is_dir() and (_holds_sweep(folder) if sweep else is_run_folder(folder)):
        raise UserError(f"{key}={value} already holds a {'sweep' if sweep else 'run'}, "
                        f"which is never overwritten; pick a new folder, e.g. "
                        f"{key}={_free_name(folder)}")
    if folder.is_dir():
        _EXISTING[folder.resolve()] = frozenset(p.name for p in folder.iterdir())


def kept_names(run_dir: Path, log_name: str) -> frozenset[str]:
    """At the start of a train's task: what its folder held that this train must never
    remove. Hydra has just written ``.hydra/`` and the job's log there; a folder named on the
    command line is known from before Hydra ran (``refuse_used_run_dir``)."""
    before = _EXISTING.get(run_dir.resolve())
    if before is not None:
        return before
    try:
        return frozenset({p.name for p in run_dir.iterdir()} - {".hydra", log_name})
    except OSError:
        return frozenset()


def discard_failed_run(run_dir: Path, kept: frozenset[str]) -> bool:
    """After a failed train: remove everything it and Hydra added to its folder (``kept``:
    the names it held before, ``kept_names``), and the folder unless it existed before, so
    no half-finished run is left for ``compare`` or ``predict`` to pick up. Returns whether
    nothing the train added is left."""
    try:
        for path in run_dir.iterdir():
            if path.name in kept:
                continue
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
        if not kept and run_dir.resolve() not in _EXISTING:
            run_dir.rmdir()  # empty now; fails (and keeps it) if anything appeared meanwhile
    except OSError:
        return False
    return True
