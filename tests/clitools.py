"""Running the stage commands as a user would, and checking their errors.

``run_in_process`` calls a command's ``main()`` with its command line in the test's own
process: the same entry point, argument parsing, error handling and exit code, without an
interpreter start-up per call (about 1.5 s on a slow machine, most of a small command's time).
``run`` starts a real subprocess, for what only a separate process shows: a closed pipe, a
signal, the working directory, the environment.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from wederhoor.cli import PROJECT_ROOT

SEEDS = PROJECT_ROOT / "seeds"
SEED_DOC = SEEDS / "docs" / "sky-ecc-2021-03.txt"
# The fast suite builds the e5 models with the meaningless stand-in encoder, so it needs no
# optional package; the real encoder has its own slow test (tests/test_embeddings.py).
STAND_IN_EMBEDDINGS = "embeddings.encoder=hash"


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


def small_seeds(folder: Path, per_split: int = 12) -> list[str]:
    """Copy a few dev and test documents of seeds/ (both languages) into ``folder``.

    Returns the ``data.*`` overrides that point a run at the copy: CLI tests check what the
    command does, not the corpus size, and the full corpus is covered by in-process tests.
    """
    import pandas as pd

    meta = pd.read_csv(SEEDS / "corpus.csv", keep_default_na=False)
    meta = meta[~meta["doc_id"].str.startswith("en-rnh-")]
    picked = pd.concat([group.head(per_split // 2)
                        for _, group in meta.groupby(["split", "lang"])])
    docs, corpus = _copy_documents(picked, folder)
    gold = pd.read_csv(SEEDS / "gold.csv", keep_default_na=False)
    gold[gold["doc_id"].isin(picked["doc_id"])].to_csv(folder / "gold.csv", index=False)
    return [f"data.input={docs}", f"data.gold={folder / 'gold.csv'}", f"data.meta={corpus}"]


def seed_sample(folder: Path, documents: int) -> tuple[Path, Path]:
    """Copy ``documents`` seed documents, spread evenly over corpus.csv (both languages, every
    kind of text), and their corpus.csv rows into ``folder``: the documents' folder and the
    metadata file. A fixed count, so a test's cost does not grow with the corpus."""
    import pandas as pd

    meta = pd.read_csv(SEEDS / "corpus.csv", keep_default_na=False)
    step = max(1, len(meta) // documents)
    return _copy_documents(meta.iloc[::step].head(documents), folder)


def _copy_documents(meta: Any, folder: Path) -> tuple[Path, Path]:
    """The documents of ``meta`` (corpus.csv rows) copied to ``folder``/docs, and the rows
    to ``folder``/corpus.csv."""
    docs = folder / "docs"
    docs.mkdir(parents=True)
    for doc_id in meta["doc_id"]:
        (docs / f"{doc_id}.txt").write_bytes((SEEDS / "docs" / f"{doc_id}.txt").read_bytes())
    meta.to_csv(folder / "corpus.csv", index=False)
    return docs, folder / "corpus.csv"


def run_in_process(module: str, *args: str) -> subprocess.CompletedProcess:
    """Like ``run``, but the command's ``main()`` in this process with ``args`` as its command
    line: no interpreter start-up. Hydra's global state and the SIGTERM handler are restored
    afterwards, so calls do not leak into each other."""
    import importlib
    import io
    import signal
    from contextlib import redirect_stderr, redirect_stdout

    from hydra.core.global_hydra import GlobalHydra

    main = importlib.import_module(f"wederhoor.{module}").main
    out, err = io.StringIO(), io.StringIO()
    argv, sigterm = sys.argv, signal.getsignal(signal.SIGTERM)  # main() installs its own
    sys.argv = [f"wederhoor.{module}", *args]
    code: int | str | None = 0
    try:
        with redirect_stdout(out), redirect_stderr(err):
            main()
    except SystemExit as exc:
        code = exc.code
    finally:
        sys.argv = argv
        signal.signal(signal.SIGTERM, sigterm)
        GlobalHydra.instance().clear()
    return subprocess.CompletedProcess(sys.argv, code, out.getvalue(), err.getvalue())


def saved_run(folder: Path, cfg_factory: Any, configs: tuple[str, str] = ("nb", "majority")
              ) -> Path:
    """A run folder as train leaves it: config, metrics and two fitted models (by default
    naive Bayes as the main model, a constant predictor by name)."""
    import yaml
    from hydra.utils import instantiate

    from wederhoor.io.model_files import save_model
    from wederhoor.modeling.models import SMOKE_LABELS, SMOKE_TEXTS

    (folder / ".hydra").mkdir(parents=True)
    segmenter = {"_target_": "wederhoor.pipeline.segmenters.SyntokSegmenter"}
    (folder / ".hydra" / "config.yaml").write_text(
        yaml.safe_dump({"lang": "auto", "segmenter": segmenter}), encoding="utf-8")
    for name, config in (("main", configs[0]), ("majority", configs[1])):
        model = instantiate(cfg_factory("train", [f"model={config}"]).model)
        save_model(model.fit(list(SMOKE_TEXTS), list(SMOKE_LABELS)), folder, name)
    saved = {"main": {"file": "model.skops", "model": configs[0], "train_labels": "gold",
                      "macro_f1": 0.5},
             "majority": {"file": "model-majority.skops", "train_labels": "gold",
                          "macro_f1": 0.2}}
    (folder / "metrics.json").write_text(json.dumps({"status": "ok", "saved_models": saved}),
                                         encoding="utf-8")
    return folder
