"""Running the stage commands in a subprocess, as a user would, and checking their errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from wederhoor.cli import PROJECT_ROOT

SEEDS = PROJECT_ROOT / "seeds"
SEED_DOC = SEEDS / "docs" / "sky-ecc-2021-03.txt"


def run(module: str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "HF_DATASETS_OFFLINE": "1", "HYDRA_FULL_ERROR": ""}
    env.pop("HYDRA_FULL_ERROR")
    return subprocess.run([sys.executable, "-m", f"wederhoor.{module}", *args],
                          capture_output=True, text=True, cwd=cwd or PROJECT_ROOT, env=env,
                          timeout=300)


def assert_one_line_error(done: subprocess.CompletedProcess, *needles: str) -> None:
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    lines = [ln for ln in done.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, done.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
