"""Option values and the files options name: one line naming the option and a good value,
before any work (the new-user audit's tracebacks and silently accepted values). The commands
run in-process (``run_in_process``): each case stops before any split, label or training."""

from __future__ import annotations

from pathlib import Path

import pytest
from omegaconf import OmegaConf

from tests.clitools import SEED_DOC, assert_one_line_error, run_in_process
from wederhoor.cli import CONF_DIR
from wederhoor.errors import UserError
from wederhoor.io.options import check_shared_options, flag, one_of, whole_number, whole_numbers

PRIMARY = sorted(p.stem for p in CONF_DIR.glob("*.yaml"))


def _files(tmp: Path) -> dict[str, Path]:
    """The hostile files the cases point options at."""
    folder = tmp / "a-folder"
    folder.mkdir()
    semi = tmp / "semi.csv"
    semi.write_text("doc_id;text\na;Hij ontkent het; zegt zijn advocaat, echt waar.\n",
                    encoding="utf-8")
    no_pred = tmp / "no-pred.csv"
    no_pred.write_text("doc_id,sent_id,text,gold\nx,1,Hallo.,neutral\n", encoding="utf-8")
    semi_gold = tmp / "semi-gold.csv"
    semi_gold.write_text("doc_id;text;label\nx;Hallo, wereld.;neutral\n", encoding="utf-8")
    malformed, latin = tmp / "seg-malformed", tmp / "seg-latin"
    malformed.mkdir()
    latin.mkdir()
    (malformed / "nl.jsonl").write_text('{"id": "x", "text": "Een.", "sentences": ["Een."]}\n',
                                        encoding="utf-8")
    (latin / "nl.jsonl").write_bytes('{"id": "x", "lang": "nl", "text": "Café.", '
                                     '"sentences": ["Café."]}\n'.encode("latin-1"))
    return {"FOLDER": folder, "SEMI": semi, "NOPRED": no_pred, "SEMIGOLD": semi_gold,
            "MALFORMED": malformed, "LATIN": latin, "TMP": tmp}


CASES = [  # (command, arguments, what the one line must hold)
    ("split", ["input=seeds/docs", "output={TMP}/o.csv", "workers=abc"],
     ["workers='abc'", "workers=2"]),
    ("label", ["input=seeds/docs", "output={TMP}/o.csv", "workers=-1"], ["workers=-1"]),
    ("label", [f"input={SEED_DOC}", "output={TMP}/o", "stream=maybe"],
     ["stream='maybe'", "stream=true or stream=false"]),
    ("predict", ["run={TMP}", "input=seeds/docs", "output={TMP}/o.csv", "workers=abc"],
     ["workers='abc'"]),
    ("gold_check", ["show=abc"], ["show='abc'", "show=20"]),
    ("gold_check", ["workers=abc"], ["workers='abc'"]),
    ("label_report", ["workers=abc", "output={TMP}/r.md"], ["workers='abc'"]),
    ("label_report", ["tune_split=nosuch", "output={TMP}/r.md"],
     ["tune_split='nosuch'", "dev, test"]),
    ("label_report", ["eval_split=tset", "output={TMP}/r.md"], ["eval_split='tset'", "dev, test"]),
    ("label_report", ["output={TMP}"], ["output=", "existing folder", ".md"]),
    ("train", ["workers=abc", "hydra.run.dir={TMP}/run"], ["workers='abc'"]),
    ("train", ["cv.k=abc", "hydra.run.dir={TMP}/run"], ["cv.k='abc'", "cv.k=5"]),
    ("train", ["cv.k=1", "hydra.run.dir={TMP}/run"], ["cv.k=1", "at least 2", "cv.k=5"]),
    ("train", ["cache=maybe", "hydra.run.dir={TMP}/run"], ["cache='maybe'"]),
    ("train", ["cache_max_gb=abc", "hydra.run.dir={TMP}/run"], ["cache_max_gb='abc'"]),
    ("train", ["train_labels=bronze", "hydra.run.dir={TMP}/run"],
     ["train_labels='bronze'", "gold, silver"]),
    ("train", ["data=custom", "data.input={TMP}/nope", "hydra.run.dir={TMP}/run",
               "cache_dir={TMP}/cache"],
     ["data.input=PATH", "{TMP}/nope"]),
    ("train", ["data.meta={FOLDER}", "hydra.run.dir={TMP}/run", "cache_dir={TMP}/cache"],
     ["data.meta=", "is a folder"]),
    ("compare", ["n_boot=abc", "dir={TMP}"], ["n_boot='abc'", "n_boot=1000"]),
    ("compare", ["seed=abc", "dir={TMP}"], ["seed='abc'", "seed=42"]),
    ("compare", ["allow_mixed=maybe", "dir={TMP}"], ["allow_mixed='maybe'"]),
    ("segeval", ["max_errors=abc"], ["max_errors='abc'", "max_errors=10"]),
    ("segeval", ["gold={MALFORMED}"], ["nl.jsonl line 1", "lacks lang"]),
    ("segeval", ["gold={LATIN}"], ["nl.jsonl", "not UTF-8"]),
    ("bench.runner", ["sizes=abc", "output={TMP}/b"], ["sizes='abc'", "sizes=[1000,10000]"]),
    ("bench.runner", ["sizes=[10,abc]", "output={TMP}/b"], ["sizes item 'abc'"]),
    ("agreement", ["lang=xx", "output={TMP}/a.csv"], ["lang='xx'", "auto", "nl"]),
    ("agreement", ["predictions={NOPRED}", "output={TMP}/a.csv"],
     ["no-pred.csv", "no 'silver' or 'predicted*' column", "predictions="]),
    ("agreement", ["other={TMP}/missing.csv", "output={TMP}/a.csv"],
     ["missing.csv", "not found", "other="]),
    ("agreement", ["other={FOLDER}", "output={TMP}/a.csv"], ["other=", "is a folder"]),
    ("agreement", ["data.gold={FOLDER}", "output={TMP}/a.csv"], ["data.gold=", "is a folder"]),
    ("agreement", ["reference={TMP}/nope.csv", "output={TMP}/a.csv"],
     ["nope.csv", "not found", "reference="]),
    ("gold_check", ["data.gold={FOLDER}"], ["data.gold=", "is a folder"]),
    ("gold_check", ["data.gold={SEMIGOLD}"], ["semi-gold.csv", "';'", "','"]),
    ("split", ["input=seeds/docs", "output={TMP}/o.csv", "meta={FOLDER}"],
     ["meta=", "is a folder"]),
    ("label", ["input={SEMI}", "output={TMP}/o.csv"], ["semi.csv", "seems to use ';'", "','"]),
    ("train", ["model=nosuch"], ["model=nosuch", "choose one of", "tfidf_logreg"]),
    ("split", ["input=x", "output=y", "segmenter=magic"], ["segmenter=magic", "syntok"]),
]


@pytest.mark.parametrize(("command", "args", "needles"), CASES,
                         ids=[f"{c}-{'-'.join(a)[:40]}" for c, a, _ in CASES])
def test_bad_option_is_one_line_before_any_work(tmp_path: Path, command: str, args: list[str],
                                                needles: list[str]) -> None:
    files = _files(tmp_path)

    def filled(text: str) -> str:
        for name, path in files.items():
            text = text.replace(f"{{{name}}}", str(path))
        return text

    done = run_in_process(command, *[filled(a) for a in args])
    assert done.returncode == 2, done
    assert_one_line_error(done, *[filled(n) for n in needles])
    assert "Config search path" not in done.stderr
    assert not (tmp_path / "o.csv").exists() and not (tmp_path / "run" / "model.skops").exists()


@pytest.mark.parametrize("name", PRIMARY)
def test_every_command_passes_its_own_defaults(cfg_factory, name: str) -> None:
    cfg = cfg_factory(name)
    check_shared_options(cfg)  # no default may trip the checks every command runs


def test_helpers_return_typed_values() -> None:
    cfg = OmegaConf.create({"workers": 3, "sizes": [10, 20], "stream": False, "cv": {"k": 5},
                            "split": "dev", "flagged": "yes", "ratio": 2.5, "on": True})
    assert whole_number(cfg, "workers") == 3
    assert whole_number(cfg, "cv.k", minimum=2) == 5
    assert whole_numbers(cfg, "sizes") == [10, 20]
    assert flag(cfg, "stream") is False
    assert one_of(cfg, "split", ["dev", "test"]) == "dev"
    for call, needle in ((lambda: flag(cfg, "flagged"), "flagged='yes'"),
                         (lambda: whole_number(cfg, "ratio"), "ratio=2.5"),
                         (lambda: whole_number(cfg, "on"), "on=True"),  # a bool is no number
                         (lambda: whole_number(cfg, "cv.k", minimum=6), "at least 6"),
                         (lambda: one_of(cfg, "split", ["test"]), "use one of: test")):
        with pytest.raises(UserError, match=needle):
            call()


def test_metadata_without_lang_or_split_is_warned_about_once(tmp_path: Path) -> None:
    meta = tmp_path / "meta.csv"
    meta.write_text("doc_id,source\nsky-ecc-2021-03,krant\n", encoding="utf-8")
    out = tmp_path / "o.csv"
    done = run_in_process("split", f"input={SEED_DOC}", f"output={out}", f"meta={meta}")
    assert done.returncode == 0, done.stderr
    warnings = [ln for ln in done.stderr.splitlines() if "warning" in ln]
    assert len(warnings) == 1 and str(meta) in warnings[0] and "'lang'" in warnings[0]
    assert out.is_file()
