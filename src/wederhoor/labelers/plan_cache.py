"""On-disk cache of lexicon plans, so that a labeler starts by compiling regexes only.

Reading the YAML, expanding macros, shaping tries and reading pattern heads give the same
pattern strings (the "plan") every time for the same lexicon file and the same compiler code.
A plan is therefore kept as JSON in a folder of this user's own in the temp dir, keyed by the
file's bytes, the Python version and the source of the modules that make plans: a changed
lexicon or compiler is a new key, never a stale plan.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

PLAN_VERSION = "1"
#: Plans kept per language (several lexicon folders may share a language).
PLANS_KEPT = 6
_SOURCE_DIGESTS: dict[tuple[Path, ...], str] = {}  # read once per process


def plan_dir() -> Path | None:
    """Where plans are kept: ``$WEDERHOOR_LEXICON_CACHE`` ("off" disables), else a folder of
    this user's own in the temp dir (never in the package or the data)."""
    setting = os.environ.get("WEDERHOOR_LEXICON_CACHE")
    if setting is not None:
        return None if setting.strip().lower() in ("", "off", "0", "false") else Path(setting)
    uid = os.getuid() if hasattr(os, "getuid") else "user"
    return Path(tempfile.gettempdir()) / f"wederhoor-{uid}" / "lexicon-plans"


def _source_digest(sources: tuple[Path, ...]) -> str | None:
    digest = _SOURCE_DIGESTS.get(sources)
    if digest is None:
        h = hashlib.blake2b()
        try:
            for path in sources:
                h.update(path.read_bytes())
        except OSError:
            return None
        digest = _SOURCE_DIGESTS[sources] = h.hexdigest()
    return digest


def plan_file(lang: str, raw: bytes, sources: Sequence[Path]) -> Path | None:
    """The cache file of the plan of lexicon bytes ``raw`` made by the code in ``sources``;
    None when the cache is off or the sources cannot be read."""
    folder = plan_dir()
    if folder is None:
        return None
    code = _source_digest(tuple(sources))
    if code is None:
        return None
    digest = hashlib.blake2b(digest_size=16)
    for part in (PLAN_VERSION, sys.version, code, lang):
        digest.update(part.encode("utf-8") + b"\x00")
    digest.update(raw)
    return folder / f"{lang}-{digest.hexdigest()}.json"


def read_plan(path: Path | None) -> dict | None:
    """A plan written earlier by this user, or None (missing, unreadable, someone else's)."""
    if path is None:
        return None
    try:
        if hasattr(os, "getuid") and path.stat().st_uid != os.getuid():
            return None
        plan = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return plan if isinstance(plan, dict) and "functions" in plan else None


def write_plan(path: Path, plan: dict) -> None:
    """Store a plan atomically; a cache that cannot be written is simply not used."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(plan), encoding="utf-8")
        tmp.replace(path)
        # keep the newest few plans per language (each edit of a lexicon makes a new one)
        old = sorted(path.parent.glob(path.name.split("-")[0] + "-*.json"),
                     key=lambda p: p.stat().st_mtime, reverse=True)[PLANS_KEPT:]
        for stale in old:
            stale.unlink(missing_ok=True)
    except OSError:
        return
