"""A built wheel works on its own: configs inside, console scripts, the four stages elsewhere."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from wederhoor.cli import PROJECT_ROOT

SEEDS = PROJECT_ROOT / "seeds"


@pytest.mark.slow
def test_wheel_runs_the_four_stages_from_another_folder(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                    "--no-build-isolation", "-w", str(wheels), str(PROJECT_ROOT)],
                   check=True, capture_output=True, timeout=300)
    [wheel] = wheels.glob("wederhoor-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "wederhoor/conf/train.yaml" in names and "wederhoor/conf/model/nb.yaml" in names
    assert "wederhoor/labelers/lexicons/context/nl.yaml" in names
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target",
                    str(site), str(wheel)], check=True, capture_output=True, timeout=300)
    work = tmp_path / "elsewhere"
    corpus = work / "corpus"
    corpus.mkdir(parents=True)
    for doc in sorted((SEEDS / "docs").glob("nl-a-*.txt"))[:12]:
        shutil.copy(doc, corpus / doc.name)
    env = {**os.environ, "PYTHONPATH": str(site), "HF_DATASETS_OFFLINE": "1"}

    def stage(*args: str) -> subprocess.CompletedProcess:
        done = subprocess.run(list(args), cwd=work, env=env, capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == 0, done.stderr
        return done

    where = stage(sys.executable, "-c", "import wederhoor.cli as c; print(c.CONF_DIR)")
    assert where.stdout.strip() == str(site / "wederhoor" / "conf")
    stage(sys.executable, "-m", "wederhoor.split", "input=corpus", "output=s.csv")
    stage(sys.executable, "-m", "wederhoor.label", "input=s.csv", "output=l.csv")
    trained = stage(str(site / "bin" / "wederhoor-train"), "data=custom", "data.input=corpus",
                    "model=nb")
    run_dir = trained.stdout.strip().splitlines()[-1].split("run folder: ", 1)[1]
    assert Path(run_dir).parent == work / "experiments" / "runs"
    stage(str(site / "bin" / "wederhoor-predict"), f"run={run_dir}", "input=s.csv",
          "output=p.csv")
    assert (work / "p.csv").read_text(encoding="utf-8").count("\n") == \
        (work / "s.csv").read_text(encoding="utf-8").count("\n")


def test_every_shipped_folder_is_a_listed_package() -> None:
    """A folder missing from pyproject's list would be left out of the wheel (or warned about)."""
    import tomllib

    setup = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(setup["packages"])
    found = set()
    for prefix, root in (("wederhoor", PROJECT_ROOT / "src" / "wederhoor"),
                         ("wederhoor.conf", PROJECT_ROOT / "conf")):
        for folder in [root, *root.rglob("*")]:
            if folder.is_dir() and any(f.suffix in (".py", ".yaml") for f in folder.iterdir()):
                parts = folder.relative_to(root).parts
                found.add(".".join((prefix, *parts)))
    assert found == listed


def test_make_help_lists_every_documented_target() -> None:
    """Each Makefile target with a ``## text`` shows in ``make help`` (the default goal)."""
    import re

    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    documented = re.findall(r"^([^\s:#.$][^\s:]*):[^\n]*## ", makefile, flags=re.M)
    assert {"run", "test", "e5-install", "run-e5"} <= set(documented)
    shown = subprocess.run(["make", "-s", "help"], cwd=PROJECT_ROOT, capture_output=True,
                           text=True, check=True, timeout=60).stdout
    listed = set(re.findall(r"^  make (\S+)", shown, flags=re.M))
    assert listed == set(documented)
