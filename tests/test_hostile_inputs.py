"""Hostile and careless inputs: no code runs from a run folder, no input is clobbered, and
every bad input gets one line (issue: trust). Each test would fail on the code before it."""

from __future__ import annotations

import json
import os
import pickle
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml
from hydra.utils import instantiate

from tests.clitools import (
    SEED_DOC,
    SEEDS,
    STAND_IN_EMBEDDINGS,
    assert_one_line_error,
    run_in_process,
)
from wederhoor.cli import CONF_DIR, PROJECT_ROOT
from wederhoor.errors import UserError
from wederhoor.modeling.models import model_input

MODEL_CONFIGS = sorted(p.stem for p in (CONF_DIR / "model").glob("*.yaml"))
TEXTS = ["De burgemeester ontkent alle beschuldigingen.", "Het parket vervolgt de directeur.",
         "Het regent in Damme.", "The mayor denies the charges.",
         "The firm is accused of fraud.", "The bridge opens in May."] * 3
LABELS = ["denial", "accusation", "neutral"] * 6
HONEST_SEGMENTER = {"_target_": "wederhoor.pipeline.segmenters.SyntokSegmenter",
                    "abbreviations": None, "repair": True, "headline_max_chars": 150}


class _Touch:
    """Unpickling this creates ``path``: the marker that proves code ran."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self):  # noqa: ANN204 - pickle protocol
        return (open, (str(self.path), "w"))


_FITTED: dict[str, object] = {}  # model config -> fitted on TEXTS, once per test process


def _fitted(cfg_factory, name: str):  # noqa: ANN001, ANN202
    """The model of ``model=name`` fitted on TEXTS; tests save and load it, never refit it."""
    if name not in _FITTED:
        model = instantiate(cfg_factory("train", [f"model={name}", STAND_IN_EMBEDDINGS]).model)
        _FITTED[name] = model.fit(_input(model, TEXTS), LABELS)
    return _FITTED[name]


def _input(model, texts: list[str]):  # noqa: ANN001, ANN202
    """The texts as the model reads them (a table of three-sentence documents, or texts)."""
    table = pd.DataFrame({"text": texts, "doc_id": [f"d{i // 3}" for i in range(len(texts))],
                          "lang": "nl"})
    return model_input(model, table)


def _run_folder(folder: Path, model, segmenter: object = None) -> Path:  # noqa: ANN001
    from wederhoor.io.model_files import save_model

    (folder / ".hydra").mkdir(parents=True)
    config = {"lang": "nl", "segmenter": segmenter or HONEST_SEGMENTER}
    (folder / ".hydra" / "config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    save_model(model, folder)
    return folder


def _evil_pipeline(model, payload: Path):  # noqa: ANN001, ANN202
    """The issue's chain: full_like -> min -> numpy.load(allow_pickle=True) -> payload."""
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import FunctionTransformer

    steps = [(n, FunctionTransformer(validate=False).fit(TEXTS)) for n in ("fill", "pick", "load")]
    evil = Pipeline([*steps, ("model", model)])  # every step fitted: the model already is
    return evil.set_params(fill__func=np.full_like, fill__kw_args={"fill_value": str(payload)},
                           pick__func=np.min, load__func=np.load,
                           load__kw_args={"allow_pickle": True})


@pytest.mark.parametrize("name", MODEL_CONFIGS)
def test_run_folder_attacks_never_run_code(cfg_factory, tmp_path: Path, name: str) -> None:
    from wederhoor.io.model_files import load_model
    from wederhoor.io.run_folder import build_segmenter, load_run_config

    marker = tmp_path / "PWNED"
    pkl = tmp_path / "evil.pkl"
    pkl.write_bytes(pickle.dumps(_Touch(marker)))
    npy = tmp_path / "evil.npy"
    np.save(npy, np.array([_Touch(marker)], dtype=object), allow_pickle=True)
    model = _fitted(cfg_factory, name)

    honest = _run_folder(tmp_path / "honest", model)
    x = _input(model, TEXTS[:3])
    assert list(load_model(honest).predict(x)) == list(model.predict(x))
    assert build_segmenter(honest, load_run_config(honest)).split("Een. Twee.") == \
        ["Een.", "Twee."]

    attacks = [
        {"_target_": "pandas.read_pickle", "filepath_or_buffer": str(pkl)},
        {**HONEST_SEGMENTER, "headline_max_chars": {"_target_": "pandas.read_pickle",
                                                    "filepath_or_buffer": str(pkl)}},
        {"_target_": "numpy.load", "file": str(npy), "allow_pickle": True},
    ]
    for i, segmenter in enumerate(attacks):
        folder = _run_folder(tmp_path / f"seg{i}", model, segmenter)
        with pytest.raises(UserError, match="segmenter"):
            build_segmenter(folder, load_run_config(folder))
    evil = _run_folder(tmp_path / "skops", _evil_pipeline(model, npy))
    with pytest.raises(UserError, match="numpy"):
        load_model(evil)
    assert not marker.exists()


def test_trusted_types_are_exactly_what_shipped_models_need(cfg_factory, tmp_path: Path) -> None:
    import importlib

    import skops.io as sio

    from wederhoor.io.model_files import trusted_types

    needed: set[str] = set()
    for name in MODEL_CONFIGS:
        path = _run_folder(tmp_path / name, _fitted(cfg_factory, name)) / "model.skops"
        needed |= set(sio.get_untrusted_types(file=path))
        assert zipfile.ZipFile(path).infolist()[0].compress_type == zipfile.ZIP_DEFLATED
    assert needed == set(trusted_types())
    for name in trusted_types():
        module, attr = name.rsplit(".", 1)
        assert isinstance(getattr(importlib.import_module(module), attr), type), name


def test_predict_cli_refuses_hostile_run_folder(cfg_factory, tmp_path: Path) -> None:
    marker = tmp_path / "PWNED"
    pkl = tmp_path / "evil.pkl"
    pkl.write_bytes(pickle.dumps(_Touch(marker)))
    folder = _run_folder(tmp_path / "run", _fitted(cfg_factory, "nb"),
                         {"_target_": "pandas.read_pickle", "filepath_or_buffer": str(pkl)})
    done = run_in_process("predict", f"run={folder}", f"input={SEED_DOC}",
                          f"output={tmp_path}/p.csv")
    assert done.returncode == 2
    assert_one_line_error(done, "pandas.read_pickle", "refusing")
    assert not marker.exists() and not (tmp_path / "p.csv").exists()


@pytest.mark.slow  # a whole command run (about 5 s); make test-slow and CI run it
def test_predict_warns_on_language_and_keeps_input_language(cfg_factory, tmp_path: Path) -> None:
    folder = _run_folder(tmp_path / "run", _fitted(cfg_factory, "nb"))
    (folder / "metrics.json").write_text(json.dumps({"counts": {"train_languages": {"nl": 9}}}))
    table = tmp_path / "in.csv"
    pd.DataFrame({"id": ["a"], "text": ["The mayor denies it."], "lang": ["en"]}).to_csv(
        table, index=False)
    out = tmp_path / "p.csv"
    done = run_in_process("predict", f"run={folder}", f"input={table}", f"output={out}")
    assert done.returncode == 0, done.stderr
    assert "trained on nl text" in done.stderr and "holds en text" in done.stderr
    assert pd.read_csv(out)["lang"].tolist() == ["en"]
    quiet = run_in_process("predict", f"run={folder}", f"input={SEED_DOC}", f"output={out}")
    assert quiet.returncode == 0 and "warning" not in quiet.stderr


@pytest.mark.parametrize("stage", ["split", pytest.param("label", marks=pytest.mark.slow)])
def test_output_equal_to_input_is_refused(tmp_path: Path, stage: str) -> None:
    table = tmp_path / "in.csv"
    pd.DataFrame({"id": ["a"], "text": ["Een zin. Nog een."]}).to_csv(table, index=False)
    before = table.read_bytes()
    link = tmp_path / "link.csv"
    link.symlink_to(table)
    for output in (table, link, tmp_path / "." / "in.csv"):
        assert_one_line_error(run_in_process(stage, f"input={table}", f"output={output}"),
                              "would overwrite the input")
    assert table.read_bytes() == before
    # a stream folder that holds the input would be replaced with it
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("Een zin.\n", encoding="utf-8")
    done = run_in_process(stage, f"input={folder}", f"output={folder}", "stream=true")
    assert_one_line_error(done, "would overwrite the input")
    assert (folder / "a.txt").read_text(encoding="utf-8") == "Een zin.\n"


def test_shards_into_a_used_folder_replace_old_shards(tmp_path: Path) -> None:
    big = tmp_path / "big.jsonl"
    big.write_text("".join(json.dumps({"id": f"d{i}", "text": f"Zin {i}. Nog een zin."}) + "\n"
                           for i in range(30)), encoding="utf-8")
    small = tmp_path / "small.jsonl"
    small.write_text(json.dumps({"id": "x", "text": "Een zin."}) + "\n", encoding="utf-8")
    out = tmp_path / "shards"
    from wederhoor.pipeline.engine import run_into_folder
    from wederhoor.pipeline.segmenters import SyntokSegmenter

    run_into_folder(str(big), "nl", None, SyntokSegmenter(), None, out, 1)
    # batch_docs is fixed for the command; here many shards come from a second write
    (out / "part-000099.parquet").write_bytes((out / "part-000000.parquet").read_bytes())
    run_into_folder(str(small), "nl", None, SyntokSegmenter(), None, out, 1)
    rows = pd.concat(pd.read_parquet(p) for p in sorted(out.glob("*.parquet")))
    assert rows["doc_id"].tolist() == ["x"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]

    other = tmp_path / "mine"
    other.mkdir()
    (other / "notes.txt").write_text("keep me", encoding="utf-8")
    assert_one_line_error(run_in_process("split", f"input={small}", f"output={other}",
                                         "stream=true"),
                          "holds other files")
    assert (other / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_stale_temporaries_are_cleaned_live_ones_kept(tmp_path: Path) -> None:
    from wederhoor.io.outputs import write_text

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    stale = tmp_path / f".out.csv.wederhoor-{dead}-abc.tmp"
    stale.write_text("half")
    stale_dir = tmp_path / f".out.csv.wederhoor-{dead}-def.tmp"
    stale_dir.mkdir()
    live = tmp_path / f".out.csv.wederhoor-{os.getpid()}-ghi.tmp"
    live.write_text("busy")
    write_text("done", tmp_path / "out.csv")
    assert not stale.exists() and not stale_dir.exists() and live.exists()


def _interrupt(tmp_path: Path, sig: int) -> tuple[subprocess.CompletedProcess, list[int]]:
    """Start a parallel label run, send ``sig`` once workers start; return the workers."""
    big = tmp_path / "big.jsonl"
    line = json.dumps({"text": "De burgemeester ontkent alles. Het parket vervolgt hem. " * 40})
    big.write_text("\n".join([line] * 4000) + "\n", encoding="utf-8")
    env = {**os.environ, "HF_DATASETS_OFFLINE": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "wederhoor.label", f"input={big}",
                             f"output={tmp_path}/out", "stream=true", "workers=2"],
                            cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    children: list[int] = []
    deadline = time.time() + 60
    while time.time() < deadline and len(children) < 2:
        time.sleep(0.2)
        children = _children(proc.pid)
    assert len(children) >= 2, "the workers never started"
    time.sleep(1.0)
    if sig == signal.SIGINT:
        os.killpg(proc.pid, sig)  # Ctrl-C in a terminal reaches the whole process group
    else:
        os.kill(proc.pid, sig)  # a scheduler signals the job's process
    out, err = proc.communicate(timeout=60)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err), children


def _children(pid: int) -> list[int]:
    found = []
    for task in Path("/proc").glob("[0-9]*"):
        try:
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(task.name))
    return found


def _gone(pids: list[int], timeout: float = 15) -> bool:
    deadline = time.time() + timeout
    while time.time() < deadline:
        alive = [p for p in pids if Path(f"/proc/{p}").exists()
                 and "Z" not in Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1][:3]]
        if not alive:
            return True
        time.sleep(0.2)
    return False


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_killed_run_takes_its_workers_along(tmp_path: Path, sig: int) -> None:
    done, workers = _interrupt(tmp_path, sig)
    assert _gone(workers), f"workers {workers} outlived their parent"
    if sig != signal.SIGKILL:
        assert done.returncode == 130, done.stderr
        assert "Traceback" not in done.stderr
        said = [ln for ln in done.stderr.splitlines() if ln.startswith("wederhoor:")]
        assert len(said) == 1 and "interrupted" in said[0], done.stderr
        assert not (tmp_path / "out").exists()
        assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_duplicate_document_ids_stay_apart_in_both_paths(tmp_path: Path) -> None:
    from wederhoor.io.documents import iter_documents, load_documents

    table = tmp_path / "dup.csv"
    pd.DataFrame({"id": ["a", "b", "a", "a"],
                  "text": ["Een.", "Twee.", "Drie.", "Vier."]}).to_csv(table, index=False)
    loaded = load_documents(str(table))["doc_id"]
    streamed = [i for batch in iter_documents(str(table), batch_size=1) for i in
                batch["doc_id"]]
    assert loaded == streamed == ["a", "b", "a#2", "a#3"]
    done = run_in_process("split", f"input={table}", f"output={tmp_path}/o.csv")
    assert "repeat the doc_id" in done.stderr
    frame = pd.read_csv(tmp_path / "o.csv")
    assert frame["sent_id"].tolist() == [1, 1, 1, 1]


def test_altered_cache_entry_is_recomputed(tmp_path: Path) -> None:
    from wederhoor.pipeline.cache import StageCache

    cache = StageCache(tmp_path)
    folder = cache.begin_shards("shards", "k")
    (folder / "part-000000.parquet").write_bytes(b"PAR1 aaaa bbbb PAR1")
    cache.commit_shards("shards", "k", folder, {"shards": ["part-000000.parquet"], "rows": 2})
    assert cache.manifest("shards", "k", verify=True) is not None
    shard = tmp_path / "shards-k" / "part-000000.parquet"
    raw = shard.read_bytes()
    shard.write_bytes(raw.replace(b"bbbb", b"cccc"))  # same size, other content
    assert shard.stat().st_size == len(raw)
    assert cache.manifest("shards", "k", verify=True) is None
    assert not (tmp_path / "shards-k").exists()


def test_outputs_honour_the_umask(tmp_path: Path) -> None:
    from wederhoor.io.outputs import write_text

    old = os.umask(0o022)
    try:
        write_text("x", tmp_path / "a.txt")
        assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o644
    finally:
        os.umask(old)
    done = run_in_process("split", f"input={SEED_DOC}", f"output={tmp_path}/s.csv")
    assert done.returncode == 0
    assert (tmp_path / "s.csv").stat().st_mode & 0o044 == 0o044


def test_date_header_on_its_own_line(tmp_path: Path) -> None:
    doc = tmp_path / "d.txt"
    doc.write_text("date 2024-05\nKop zonder punt\nEen zin. Nog een zin.\n", encoding="utf-8")
    done = run_in_process("split", f"input={doc}", f"output={tmp_path}/o.csv")
    assert done.returncode == 0, done.stderr
    frame = pd.read_csv(tmp_path / "o.csv")
    assert frame["text"].tolist() == ["Kop zonder punt", "Een zin.", "Nog een zin."]
    assert set(frame["date"]) == {"2024-05"}


def _write_bad(tmp_path: Path, kind: str) -> Path:
    if kind == "utf16":
        path = tmp_path / "u16.txt"
        path.write_bytes("De burgemeester ontkent.".encode("utf-16"))
    elif kind == "docx":
        path = tmp_path / "report.txt"
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("word/document.xml", "<w/>")
    elif kind == "csv-zip":
        path = tmp_path / "table.csv"
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("x.csv", "text\nx\n")
    elif kind == "parquet-ints":
        path = tmp_path / "ints.parquet"
        pd.DataFrame({"text": [1, 2, 3]}).to_parquet(path)
    elif kind == "csv-numbers":
        path = tmp_path / "nums.csv"
        path.write_text("text\n1\n2.5\n", encoding="utf-8")
    elif kind == "jsonl-mixed":
        path = tmp_path / "mixed.jsonl"
        path.write_text('{"text": "Een zin."}\n{"text": 5}\n{"text": ["a"]}\n', encoding="utf-8")
    else:
        raise AssertionError(kind)
    return path


@pytest.mark.parametrize(("kind", "needles"), [
    ("utf16", ("u16.txt", "UTF-16", "iconv -f UTF-16")),
    ("docx", ("report.txt", "ZIP archive or an Office document")),
    ("csv-zip", ("table.csv", "ZIP archive")),
])
def test_encoding_hints_fit_the_file(tmp_path: Path, kind: str, needles: tuple) -> None:
    path = _write_bad(tmp_path, kind)
    done = run_in_process("split", f"input={path}", f"output={tmp_path}/o.csv")
    assert_one_line_error(done, *needles)
    assert "latin1" not in done.stderr


@pytest.mark.parametrize("kind", ["parquet-ints", "csv-numbers", "jsonl-mixed"])
@pytest.mark.parametrize("stream", ["false", "true"])
def test_text_column_that_is_not_strings(tmp_path: Path, kind: str, stream: str) -> None:
    path = _write_bad(tmp_path, kind)
    out = tmp_path / ("o" if stream == "true" else "o.csv")
    done = run_in_process("split", f"input={path}", f"output={out}", f"stream={stream}")
    assert_one_line_error(done, path.name, "'text' column", "not text")
    assert not out.exists() or not any(out.iterdir())


def test_broken_jsonl_line_is_named_when_streaming(tmp_path: Path) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"text": "Een."}\n{"text": "Twee."}\n{"text": oops}\n', encoding="utf-8")
    assert_one_line_error(run_in_process("split", f"input={broken}", f"output={tmp_path}/o",
                                         "stream=true"), "broken.jsonl", "line 3")
    assert not (tmp_path / "o").exists() or not any((tmp_path / "o").iterdir())


def test_output_that_is_a_folder_or_not_writable(tmp_path: Path) -> None:
    folder = tmp_path / "existing"
    folder.mkdir()
    assert_one_line_error(run_in_process("split", f"input={SEED_DOC}", f"output={folder}"),
                          "existing folder")
    assert_one_line_error(run_in_process("split", f"input={SEED_DOC}",
                                         "output=/proc/wederhoor/o.csv"),
                          "/proc")


def test_unreadable_input_and_read_only_output(tmp_path: Path, monkeypatch) -> None:
    """Permissions cannot be tested for real as root (CI runs as root): the operating system's
    refusals are simulated where the code meets them."""
    from wederhoor.io.documents import load_documents
    from wederhoor.io.outputs import check_output

    secret = tmp_path / "secret.txt"
    secret.write_text("Een zin.\n", encoding="utf-8")
    real_open = Path.open

    def refuse(self: Path, *args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        if self == secret:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(UserError, match=r"cannot read .*secret.txt: Permission denied"):
        load_documents(str(secret))
    locked = tmp_path / "locked"
    locked.mkdir()
    monkeypatch.setattr(os, "access", lambda path, mode: Path(path) != locked)
    with pytest.raises(UserError, match="locked is not writable"):
        check_output(locked / "sub" / "o.csv", [secret], SEEDS)


@pytest.mark.parametrize(("args", "needles"), [  # two cases in make test, two slow
    (["model.classifier.C=abc"], ("C",)),
    pytest.param(["model.classifier.C=-1"], ("C",), marks=pytest.mark.slow),
    (["seed=x"], ("seed",)),
    pytest.param(["+model.classifier.CC=1"], ("CC",), marks=pytest.mark.slow),
])
def test_wrong_model_options_fail_before_any_work(tmp_path: Path, args: list[str],
                                                  needles: tuple) -> None:
    done = run_in_process("train", f"paths.experiments={tmp_path}", "cache=false", *args)
    assert_one_line_error(done, *needles)
    assert "split" not in done.stderr and "reusing" not in done.stderr


def test_path_with_spaces_gets_a_quoting_hint(tmp_path: Path) -> None:
    folder = tmp_path / "mijn map"
    folder.mkdir()
    doc = folder / "één.txt"
    doc.write_text("Een zin.\n", encoding="utf-8")
    done = run_in_process("split", f"input={doc}", f"output={tmp_path}/o.csv")
    assert_one_line_error(done, "input='")
    quoted = run_in_process("split", f"input='{doc}'", f"output={tmp_path}/o.csv")
    assert quoted.returncode == 0, quoted.stderr


def test_nothing_in_seeds_changes(tmp_path: Path) -> None:
    before = {p: p.read_bytes() for p in SEEDS.rglob("*") if p.is_file()}
    for stage in ("split", "label"):
        run_in_process(stage, f"input={SEEDS / 'corpus.csv'}", f"output={SEEDS / 'corpus.csv'}")
        run_in_process(stage, f"input={SEED_DOC}", f"output={SEEDS}", "stream=true")
    assert {p: p.read_bytes() for p in SEEDS.rglob("*") if p.is_file()} == before


def test_named_models_of_a_run_are_trusted_no_more_than_its_main_model(
        cfg_factory, tmp_path: Path) -> None:
    from wederhoor.io.model_files import choose_model, load_model, save_model, saved_models

    marker = tmp_path / "PWNED"
    npy = tmp_path / "evil.npy"
    np.save(npy, np.array([_Touch(marker)], dtype=object), allow_pickle=True)
    model = _fitted(cfg_factory, "nb")
    folder = _run_folder(tmp_path / "run", model)
    save_model(_evil_pipeline(model, npy), folder, "hybrid_logreg")
    (tmp_path / "outside.skops").write_bytes((folder / "model.skops").read_bytes())
    listed = {"main": {"file": "model.skops"}, "hybrid_logreg": {"file": "x"},
              "../outside": {"file": "../outside.skops"}}
    (folder / "metrics.json").write_text(json.dumps({"saved_models": listed}), encoding="utf-8")
    saved = saved_models(folder)
    assert set(saved) == {"main", "hybrid_logreg"}  # a name that leaves the folder is dropped
    with pytest.raises(UserError, match="numpy"):
        load_model(folder, choose_model(saved, "hybrid_logreg", folder.name))
    with pytest.raises(UserError, match="saved no model of that name; it saved main, "
                                        "hybrid_logreg"):
        choose_model(saved, "../outside", folder.name)
    with pytest.raises(UserError, match="a model's name must be"):
        load_model(folder, "../outside")
    assert not marker.exists()


def _parquet_bytes(tmp_path: Path) -> bytes:
    good = tmp_path / "good.parquet"
    pd.DataFrame({"doc_id": ["a", "b"], "text": ["Hij ontkent.", "Zij zwijgt."]}).to_parquet(good)
    return good.read_bytes()


@pytest.mark.parametrize(("kind", "needle"), [
    ("empty", "is empty (0 bytes)"),
    ("csv", "give it the .csv extension"),
    ("jsonl", "give it the .jsonl extension"),
    ("garbage", "not Parquet's"),
    ("truncated", "not a complete Parquet file"),
])
def test_a_broken_parquet_input_is_named_in_one_line(tmp_path: Path, kind: str,
                                                     needle: str) -> None:
    """Every engine path (split, label, predict, stream=true) opens the input through
    ``run_engine``: a .parquet it cannot open is refused before any work, not with pyarrow's
    traceback from the progress bar's row count or the first batch."""
    from wederhoor.io.documents import input_path
    from wederhoor.pipeline.engine import run_engine
    from wederhoor.pipeline.segmenters import SyntokSegmenter

    path = tmp_path / "in.parquet"
    path.write_bytes({"empty": b"",
                      "csv": b"doc_id,text\na,Hij ontkent.\n",
                      "jsonl": b'{"text": "Hij ontkent."}\n',
                      "garbage": b"\x00\x01\x02\x03\xff" * 20,
                      "truncated": _parquet_bytes(tmp_path)[:300]}[kind])
    with pytest.raises(UserError) as err:
        run_engine(str(path), "auto", None, SyntokSegmenter(), None, tmp_path / "out", 1)
    assert str(path) in str(err.value) and needle in str(err.value)
    assert "\n" not in str(err.value)
    assert not (tmp_path / "out").exists()  # refused before the engine made its folder
    with pytest.raises(UserError, match="in.parquet"):  # train's check before any work
        input_path(str(path), "data.input")


def test_a_truncated_parquet_gives_one_line_and_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "cut.parquet"
    path.write_bytes(_parquet_bytes(tmp_path)[:300])
    done = run_in_process("label", f"input={path}", f"output={tmp_path}/shards", "stream=true")
    assert done.returncode == 2
    assert_one_line_error(done, "cut.parquet", "not a complete Parquet file")
