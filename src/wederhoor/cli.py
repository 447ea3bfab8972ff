"""Shared entry-point plumbing for the Hydra stage commands.

Hydra reports config mistakes over several lines and lets task exceptions print tracebacks; a
researcher needs one line that names the option or file and what to do. This module checks the
command-line overrides before Hydra runs and turns UserError (and missing mandatory options)
into that one line with a non-zero exit code.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

from omegaconf import DictConfig, OmegaConf
from omegaconf.errors import MissingMandatoryValue

from wederhoor.errors import UserError
from wederhoor.io.options import check_parallel_jobs, check_shared_options

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent.parent  # src/wederhoor -> the repository, when run from a clone
# A clone (or an editable install) uses the repository's conf/; a built wheel carries a copy
# as wederhoor/conf and then treats the working directory as the project root (seeds/,
# experiments/).
CONF_DIR = _CHECKOUT / "conf" if (_CHECKOUT / "conf").is_dir() else _PACKAGE / "conf"
PROJECT_ROOT = _CHECKOUT if CONF_DIR == _CHECKOUT / "conf" else Path.cwd()
EXIT_USER_ERROR = 2
EXIT_INTERRUPTED = 130  # what a shell reports for a command stopped by Ctrl-C


def register_resolvers() -> None:
    """Let configs name the project root, so default paths work from any working directory."""
    if not OmegaConf.has_resolver("project_root"):
        OmegaConf.register_new_resolver("project_root", lambda: str(PROJECT_ROOT))


def fail(message: str) -> NoReturn:
    """Print one line to stderr and exit with the user-error code."""
    sys.stderr.write(f"wederhoor: {message}\n")
    sys.stderr.flush()
    raise SystemExit(EXIT_USER_ERROR)


def _one_line(text: object) -> str:
    lines = [ln.strip() for ln in str(text).split("Config search path:")[0].splitlines()]
    keep = [ln for ln in lines if ln and not ln.startswith("Set the environment variable")]
    return " ".join(keep)


def _missing_config(exc: Exception) -> str | None:
    """Hydra's "Could not find 'model/nosuch'" as the group, the value and the choices (its
    own message lists them over many lines, then where it searched)."""
    missing = getattr(exc, "missing_cfg_file", None)
    if not missing or "/" not in str(missing):
        return None
    group, _, name = str(missing).rpartition("/")
    options = getattr(exc, "options", None)
    if not options:
        return f"{group}={name}: no such {group} config (conf/{group}/{name}.yaml)"
    return f"{group}={name}: no such {group} config; choose one of: {', '.join(options)}"


def _compose(config_name: str, overrides: list[str], conf_dir: Path, shown: list[str]
             ) -> DictConfig:
    """The config with ``overrides``, or one line on the mistake (``shown``: the command line
    the message quotes)."""
    from hydra import compose, initialize_config_dir
    from hydra.core.global_hydra import GlobalHydra

    GlobalHydra.instance().clear()
    try:
        with initialize_config_dir(str(conf_dir), version_base="1.3"):
            return compose(config_name=config_name, overrides=overrides,
                           return_hydra_config=True)
    except Exception as exc:  # noqa: BLE001 - any compose failure is a config mistake
        missing = _missing_config(exc)
        if missing:
            fail(f"{missing} (see `make help`)")
        options = ", ".join(shown) if shown else "(none)"
        cause = exc.__cause__  # "Error merging override x=abc" says why only here
        why = f": {_one_line(str(cause).split('full_key:')[0])}" if cause else ""
        fail(f"config error: {_one_line(exc)}{why} [overrides: {options}]."
             f"{quoting_hint(shown)} See `make help`.")
    finally:
        GlobalHydra.instance().clear()


def check_overrides(config_name: str, argv: list[str],
                    conf_dir: Path = CONF_DIR) -> DictConfig | None:
    """Compose the config once with the user's overrides and report a bad one in one line;
    return it (with its ``hydra`` node) for further checks, None when flags were given."""
    if any(a in ("-m", "--multirun") or a.startswith("-") for a in argv):
        return None  # flags (--help, --cfg, multirun sweeps) are Hydra's own business
    return _compose(config_name, argv, conf_dir, argv)


def _swept(arg: str) -> tuple[str, list[str]] | None:
    """An override as its key and every value it sweeps over (one for a plain override);
    None when it cannot be read or expanded here (Hydra reports it, or expands it itself)."""
    from hydra.core.override_parser.overrides_parser import OverridesParser

    try:
        override = OverridesParser.create().parse_overrides([arg])[0]
        if not override.is_sweep_override():
            return arg, []
        return override.get_key_element(), list(override.sweep_string_iterator())
    except Exception:  # noqa: BLE001 - glob() and the like need Hydra's config loader
        return None


def _variants(sweeps: list[tuple[str, list[str]]]) -> list[list[str]]:
    """Command lines that give every swept value once: the first value of each sweep, then
    each further value of one sweep at a time (not the whole grid)."""
    def line(values: dict[int, str]) -> list[str]:
        return [key if not options else f"{key}={values.get(i, options[0])}"
                for i, (key, options) in enumerate(sweeps)]

    lines = [line({})]
    for i, (_, options) in enumerate(sweeps):
        lines += [line({i: value}) for value in options[1:]]
    return lines


def sweep_jobs(config_name: str, argv: list[str], conf_dir: Path = CONF_DIR
               ) -> list[DictConfig]:
    """For a sweep (``-m``): one composed config per swept value, each checked like a single
    run's (``experiment=nosuch``, ``cv=nosuch`` and ``seed=abc`` in one line, before Hydra
    makes the sweep folder); the experiment's own ``hydra.sweeper.params`` are expanded too.
    Empty for other command lines, or ones with flags this cannot follow."""
    rest = [a for a in argv if a not in ("-m", "--multirun")]
    if len(rest) == len(argv) or any(a.startswith("-") for a in rest):
        return []
    parsed = [_swept(a) for a in rest]
    sweeps = [s for s in parsed if s is not None]
    if len(sweeps) < len(parsed):
        return []
    first = _compose(config_name, _variants(sweeps)[0], conf_dir, rest)
    given = {key.split("=", 1)[0].lstrip("+~") for key, _ in sweeps}
    params = OmegaConf.select(first, "hydra.sweeper.params") or {}
    extra = [_swept(f"{k}={v}") for k, v in params.items() if str(k) not in given]
    sweeps += [s for s in extra if s is not None]
    return [_compose(config_name, line, conf_dir, rest) for line in _variants(sweeps)]


def quoting_hint(argv: list[str]) -> str:
    """How to quote a value Hydra's override grammar cannot read bare (spaces, accents)."""
    for arg in argv:
        key, _, value = arg.partition("=")
        if value and not (value[0] == value[-1] and value[0] in "'\"") and (
                any(c.isspace() or ord(c) > 127 for c in value)):
            return (f" Values with spaces or accents need quotes that reach Hydra: "
                    f"write \"{key}='{value}'\" (single quotes inside double quotes).")
    return ""


def refuse_options(argv: list[str], refused: dict[str, str]) -> None:
    """One line for an option this command lacks but a user may well try (Hydra would read
    ``model=`` as a config group and suggest ``+model=``, which the command then ignores)."""
    for arg in argv:
        key = arg.split("=", 1)[0].lstrip("+~").split(".", 1)[0]
        if "=" in arg and key in refused:
            fail(refused[key])


def require(cfg: DictConfig, *keys: str) -> None:
    """Name a missing mandatory option (``???`` in the config) and how to pass it."""
    for key in keys:
        if OmegaConf.is_missing(cfg, key):
            fail(f"missing option '{key}': pass {key}=... on the command line")


def check_before_hydra(argv: list[str], composed: DictConfig | None,
                       before: Callable[[list[str], DictConfig | None], None] | None) -> None:
    """Checks that must end before Hydra writes anything (a train's run folder): the shared
    options of the composed config, then the command's own ``before``."""
    try:
        if composed is not None:
            check_shared_options(composed)
            check_parallel_jobs(composed)
        if before is not None:
            before(argv, composed)
    except UserError as exc:
        fail(str(exc))


def hydra_app(
    config_name: str, conf_dir: Path = CONF_DIR, refused: dict[str, str] | None = None,
    before: Callable[[list[str], DictConfig | None], None] | None = None,
) -> Callable[[Callable[[DictConfig], Any]], Callable[[], Any]]:
    """Wrap a task function as a Hydra app whose user errors are one line and exit code 2.

    ``refused``: options the command does not take, each with the line that says what to use.
    ``before`` sees the command line and the composed config (None with flags) before Hydra
    writes anything; a UserError it raises is reported like the task's.
    """

    def decorate(task: Callable[[DictConfig], Any]) -> Callable[[], Any]:
        import hydra
        from hydra.errors import InstantiationException

        @functools.wraps(task)
        def guarded(cfg: DictConfig) -> Any:
            try:
                check_shared_options(cfg)
                return task(cfg)
            except UserError as exc:
                fail(str(exc))
            except InstantiationException as exc:
                cause = exc.__cause__
                if isinstance(cause, UserError):
                    fail(str(cause))  # the object's own line says what to do
                if not isinstance(cause, (ValueError, OSError)):
                    raise
                key = getattr(exc, "full_key", None) or str(exc).rsplit("full_key:", 1)[-1]
                fail(f"cannot build '{key.strip()}' from its config: {_one_line(cause)}")
            except MissingMandatoryValue as exc:
                key = getattr(exc, "full_key", "") or "?"
                fail(f"missing option '{key}': pass {key}=... on the command line")
            except BrokenPipeError:  # the reader of our output left (`| head`): stop quietly
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, sys.stdout.fileno())
                raise SystemExit(1) from None
            except KeyboardInterrupt:
                sys.stderr.write("wederhoor: interrupted; outputs already written are "
                                 "complete, nothing half-written is left\n")
                raise SystemExit(EXIT_INTERRUPTED) from None

        app = hydra.main(version_base="1.3", config_path=str(conf_dir), config_name=config_name)(
            guarded
        )

        def main() -> Any:
            from wederhoor.pipeline.workers import stop_on_sigterm

            stop_on_sigterm()
            register_resolvers()
            os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            refuse_options(sys.argv[1:], refused or {})
            composed = check_overrides(config_name, sys.argv[1:], conf_dir)
            jobs: list[DictConfig | None] = [*sweep_jobs(config_name, sys.argv[1:], conf_dir)]
            for job in jobs or [composed]:
                check_before_hydra(sys.argv[1:], job, before)
            return app()

        return main

    return decorate
