"""Load one ``lexicons/<lang>.yaml`` into a compiled lexicon, through the plan cache.

When the plan of the file is cached, no pattern is compiled at start (each compiles on its
first use, ``lazy_regex``); any problem with the file becomes one ValueError line naming it.
Within one process, a lexicon file whose bytes were loaded before is not loaded again: a
``Lexicon`` is immutable, so labelers built from the same bytes share it (and the patterns
any of them compiled), the way ``re`` shares compiled patterns.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from wederhoor.labelers.byte_keyed import ByteKeyed
from wederhoor.labelers.lexicon_compiler import plan_lexicon, plan_sources
from wederhoor.labelers.lexicon_lint import duplicate_keys
from wederhoor.labelers.lexicon_spec import Lexicon, lexicon_from_plan
from wederhoor.labelers.plan_cache import plan_file, read_plan, write_plan

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~10x


_COMPILED: ByteKeyed[Lexicon] = ByteKeyed()  # by language and the file's bytes


def load_lexicon(path: Path) -> Lexicon:
    """Read and compile one ``<lang>.yaml``; any problem becomes a one-line ValueError."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ValueError(f"cannot read lexicon {path}: {exc.strerror or exc}") from None
    return _COMPILED.get(path.stem, raw, lambda: _compile(path, raw))


def forget_compiled() -> None:
    """Drop the lexicons compiled in this process (the next load compiles, or reads its plan)."""
    _COMPILED.clear()


def _compile(path: Path, raw: bytes) -> Lexicon:
    """The lexicon of the bytes ``raw`` of ``path``, from its cached plan when there is one."""
    cached = plan_file(path.stem, raw, plan_sources())
    plan = read_plan(cached)
    fresh = plan is None
    data = parse_lexicon(path, raw) if plan is None else {}
    try:
        if plan is None:
            plan = plan_lexicon(path.stem, data)
        lexicon = lexicon_from_plan(plan, check=fresh)
    except (KeyError, TypeError, ValueError, re.error) as exc:
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ValueError(f"malformed lexicon {path}: {msg}") from None
    if fresh and cached is not None:
        write_plan(cached, plan)
    return lexicon


def parse_lexicon(path: Path, raw: bytes) -> dict:
    """The YAML mapping of a lexicon file (bytes ``raw`` read from ``path``)."""
    try:
        text = raw.decode("utf-8")
        data = yaml.load(text, Loader=_YAML_LOADER)  # a safe loader
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ValueError(f"cannot read lexicon {path}: {first}") from None
    if not isinstance(data, dict) or not isinstance(data.get("functions"), dict):
        raise ValueError(f"malformed lexicon {path}: expected a mapping with 'functions'")
    # YAML keeps the last of two keys of one name: a second function named like the first
    # would silently replace it
    twice = duplicate_keys(text, loader=_YAML_LOADER)
    if twice:
        raise ValueError(f"malformed lexicon {path}: {twice[0]}")
    return data
