"""Option values from the command line, checked before any work starts.

Hydra passes ``workers=abc`` or ``stream=maybe`` through as strings; used as they come, they
end as a traceback deep inside a stage (sometimes after minutes of work), or, worse, are taken
as true. Each helper here reads one option, returns it with the type the command needs, or
raises one line that names the option and shows a good value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from omegaconf import DictConfig, ListConfig, OmegaConf

from wederhoor.errors import UserError

# Options that mean the same in every command that has them: (smallest value, good example).
SHARED_WHOLE_NUMBERS = {"workers": (0, "workers=2 (0 = every core)"), "seed": (0, "seed=42")}
SHARED_NUMBERS = {"cache_max_gb": (0, "cache_max_gb=20")}
SHARED_FLAGS = ("stream", "cache", "allow_mixed")


def _value(cfg: DictConfig, key: str) -> Any:
    return OmegaConf.select(cfg, key, throw_on_missing=True)


def _is_whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _checked(shown: str, value: Any, whole: bool, minimum: float, example: str) -> None:
    """``shown`` names the value in the message: ``workers='abc'``, ``sizes item 'abc'``."""
    kind = "a whole number" if whole else "a number"
    fits = _is_whole(value) if whole else (
        isinstance(value, (int, float)) and not isinstance(value, bool))
    if not fits:
        raise UserError(f"{shown} is not {kind}; pass e.g. {example}")
    if value < minimum:
        raise UserError(f"{shown} is too small (at least {minimum}); pass e.g. {example}")


def whole_number(cfg: DictConfig, key: str, minimum: int = 0, example: str | None = None
                 ) -> int:
    """``cfg[key]`` (a dotted key) as an int of at least ``minimum``."""
    value = _value(cfg, key)
    _checked(f"{key}={value!r}", value, True, minimum, example or f"{key}={max(minimum, 1)}")
    return int(value)


def whole_numbers(cfg: DictConfig, key: str, minimum: int = 1, example: str | None = None
                  ) -> list[int]:
    """``cfg[key]``, a list option such as ``sizes=[1000,10000]``, as ints of at least
    ``minimum``."""
    value = _value(cfg, key)
    example = example or f"'{key}=[{max(minimum, 1)}]'"
    if not isinstance(value, (ListConfig, list)):
        raise UserError(f"{key}={value!r} is not a list of whole numbers; pass e.g. {example}")
    for item in value:
        _checked(f"{key} item {item!r}", item, True, minimum, example)
    return [int(item) for item in value]


def _share_item(shown: str, value: Any, example: str, below_one: bool = False) -> None:
    """One share: a number above 0 and at most 1 (below 1 with ``below_one``)."""
    _checked(shown, value, False, 0, example)
    if not (0 < value < 1 if below_one else 0 < value <= 1):
        raise UserError(f"{shown} is not a share above 0 and "
                        f"{'below' if below_one else 'at most'} 1; pass e.g. {example}")


def shares(cfg: DictConfig, key: str, example: str) -> list[float]:
    """``cfg[key]``, a list option such as ``coverage=[0.25,0.5]``, as shares above 0 and at
    most 1, in rising order without repeats."""
    value = _value(cfg, key)
    if not isinstance(value, (ListConfig, list)):
        raise UserError(f"{key}={value!r} is not a list of shares; pass e.g. {example}")
    for item in value:
        _share_item(f"{key} item {item!r}", item, example)
    return sorted({float(item) for item in value})


def share_or_null(cfg: DictConfig, key: str, example: str) -> float | None:
    """``cfg[key]`` as one share above 0 and below 1 (``plan_width=0.1``), or None for
    null."""
    value = _value(cfg, key)
    if value is None:
        return None
    _share_item(f"{key}={value!r}", value, f"{example}, or {key}=null", below_one=True)
    return float(value)


def flag(cfg: DictConfig, key: str) -> bool:
    """``cfg[key]`` as a bool: only true or false (``stream=maybe`` is not taken as true)."""
    value = _value(cfg, key)
    if not isinstance(value, bool):
        raise UserError(f"{key}={value!r} is not true or false; pass {key}=true or "
                        f"{key}=false")
    return value


def one_of(cfg: DictConfig, key: str, allowed: Iterable[str], where: str = "") -> str:
    """``cfg[key]`` when it is one of ``allowed``; ``where`` says where the values come from."""
    value = _value(cfg, key)
    choices = sorted(str(a) for a in allowed)
    if str(value) not in choices:
        source = f" ({where})" if where else ""
        raise UserError(f"{key}={value!r} is not allowed; use one of: "
                        f"{', '.join(choices) or 'none'}{source}")
    return str(value)


def pattern_option(value: Any, option: str, hint: str) -> re.Pattern[str] | None:
    """A regular-expression option compiled (None or empty: no pattern), or one line naming
    ``option`` and saying what to write (``hint``), before the work that would use it."""
    if not value:
        return None
    try:
        return re.compile(str(value))
    except re.error as exc:
        raise UserError(f"{option}={value!r} is not a regular expression ({exc}); "
                        f"{hint}") from None


def check_split_options(cfg: DictConfig, options: Iterable[str], needs: str) -> None:
    """``data.meta`` gives each document a part (its ``split`` column), and each of
    ``options`` names a part it has (a typo would work on no document); ``needs`` says which
    command needs the split."""
    from pathlib import Path

    from wederhoor.io.documents import read_meta

    meta = read_meta(Path(cfg.data.meta), quiet=True) if cfg.data.get("meta") else None
    if meta is None or "split" not in meta.columns:
        raise UserError(f"{needs} needs a split per document: set data.meta=PATH to a CSV "
                        "with doc_id and split columns")
    parts = set(meta["split"]) - {""}
    for option in options:
        one_of(cfg, option, parts, f"the split column of {cfg.data.meta}")


def check_shared_options(cfg: DictConfig) -> None:
    """The options many commands share (workers, seed, cache, stream, ...), each checked
    when the command has it, before the command does anything."""
    for key, (minimum, example) in SHARED_WHOLE_NUMBERS.items():
        if key in cfg:
            whole_number(cfg, key, minimum, example)
    for key, (low, example) in SHARED_NUMBERS.items():
        if key in cfg and cfg[key] is not None:
            _checked(f"{key}={cfg[key]!r}", cfg[key], False, low, example)
    for key in SHARED_FLAGS:
        if key in cfg:
            flag(cfg, key)


def check_parallel_jobs(cfg: DictConfig) -> None:
    """``hydra.launcher.n_jobs`` of a parallel sweep (``make sweep JOBS=``): a whole number
    other than 0 (joblib: -1 = every core), checked before the sweep starts."""
    launcher = OmegaConf.select(cfg, "hydra.launcher")
    if not isinstance(launcher, DictConfig) or "n_jobs" not in launcher:
        return
    value = launcher.n_jobs
    if value is not None and (not _is_whole(value) or value == 0):
        raise UserError(f"hydra.launcher.n_jobs={value!r} is not a number of parallel jobs; "
                        "pass a whole number of at least 1 (make sweep JOBS=2), or -1 for "
                        "every core")
