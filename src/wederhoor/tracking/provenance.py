"""What a run needs to be repeated: package versions, git state, data fingerprint, command."""

from __future__ import annotations

import hashlib
import shlex
import subprocess
import sys
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

PACKAGES = ("wederhoor", "scikit-learn", "pandas", "datasets", "hydra-core", "omegaconf",
            "syntok", "skops", "numpy", "pyarrow")


def installed_versions(names: Iterable[str]) -> dict[str, str]:
    """Installed version of each package ("not installed" when missing)."""
    versions = {}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def package_versions() -> dict[str, str]:
    return {"python": sys.version.split()[0], **installed_versions(PACKAGES)}


def git_state(root: Path) -> dict[str, object]:
    """The commit and whether the work tree differed from it (``dirty``); None outside git."""

    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(["git", "-C", str(root), *args], capture_output=True,
                                  text=True, timeout=10, check=True)
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout.strip()

    commit = git("rev-parse", "HEAD")
    status = git("status", "--porcelain", "--untracked-files=no") if commit else None
    return {"commit": commit, "dirty": bool(status) if status is not None else None}


def fingerprint(*columns: Iterable[str], extra_files: Iterable[str | Path] = ()) -> str:
    """A short hash of the corpus content (and gold file), to tell corpora apart across runs."""
    digest = hashlib.blake2b(digest_size=12)
    for column in columns:
        for value in column:
            digest.update(str(value).encode("utf-8"))
            digest.update(b"\x1f")
        digest.update(b"\x1e")
    for file in extra_files:
        if file and Path(file).is_file():
            digest.update(Path(file).read_bytes())
    return digest.hexdigest()


def command_line() -> str:
    """The command as typed, so a run can be repeated by copy and paste."""
    return " ".join(shlex.quote(a) for a in [Path(sys.executable).name, "-m",
                                              _module_name(), *sys.argv[1:]])


def _module_name() -> str:
    main = sys.modules.get("__main__")
    spec = getattr(main, "__spec__", None)
    return spec.name if spec and spec.name else Path(sys.argv[0]).stem
