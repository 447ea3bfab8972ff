"""Language per document: detected when the input does not say (lang=auto, the default),
forced by lang=nl/en for documents without their own, the same in the in-memory and the
streaming path, and accurate on the seed corpus."""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd
import pytest

from tests.clitools import SEEDS, assert_one_line_error, run_in_process
from wederhoor.errors import UserError
from wederhoor.io.documents import iter_documents, load_documents
from wederhoor.io.language import check_lang_option, fill_languages, guess_language

DUTCH = [
    "Burgemeester ontkent fraude met subsidies",
    "Het parket van Gent vervolgt de zaakvoerder van Bouwbedrijf Maes voor valsheid.",
    "Oud-wethouder Jan de Vries (63) staat in 2024 terecht in Zwolle.",
    "Hij zegt dat hij niets met de zaak te maken heeft.",
    # headlines without one listed word: the letters decide (ij, uu, sch, cht)
    "Kabinet wil huurprijzen bevriezen",
    "Schiphol schrapt honderden vluchten",
    "ROTTERDAM - Havenbedrijf Rotterdam verwacht in 2025 een daling van de overslag met 4,5 "
    "procent. Directeur Boudewijn Siemons zei donderdag dat vooral de handel met China en de "
    "Verenigde Staten onder druk staat. 'We zien dat rederijen hun schepen omleiden,' aldus "
    "Siemons. De haven verwerkte vorig jaar 436,8 miljoen ton goederen.",
    "Rechtbank: ex-topman van Vestia moet 12 miljoen euro terugbetalen\n\nDe voormalige "
    "bestuursvoorzitter van woningcorporatie Vestia, Erik S., moet ruim 12 miljoen euro aan "
    "schade vergoeden. Dat heeft de rechtbank in Den Haag woensdag bepaald. S. ontkende "
    "tijdens de zitting dat hij wist van de riskante derivatendeals.",
]
ENGLISH = [
    "Mayor denies misusing $40,000 in council funds",
    "LONDON (Reuters) - Shares of Kestrel Foods fell 12% after the regulator said it had "
    "misled investors.",
    "She said the company would appeal the ruling.",
    "Prosecutors accuse the firm's director of fraud.",
    # headlines without one listed word: the letters decide (sh, th, y)
    "Shipping giant Maersk cuts 10,000 jobs",
    "Heavy rains flood Yorkshire towns",
    "AMSTERDAM, March 3 (Reuters) - Dutch chipmaker ASML said on Tuesday its quarterly profit "
    "rose 18% to 2.1 billion euros, beating forecasts. Chief executive Christophe Fouquet "
    "told analysts that demand from China had held up better than expected.",
    "Ex-Vestia boss ordered to repay 12 million euros\n\nA court in The Hague ruled on "
    "Wednesday that Erik S., the former chief of Dutch housing association Vestia, must pay "
    "back more than 12 million euros. He denied during the hearing that he knew of the "
    "risky derivatives deals.",
]


@pytest.mark.parametrize("text", DUTCH)
def test_dutch_texts_are_dutch(text: str) -> None:
    # default="en": a Dutch answer comes from the text, not from the fallback
    assert guess_language(text, default="en") == "nl"


@pytest.mark.parametrize("text", ENGLISH)
def test_english_texts_are_english(text: str) -> None:
    assert guess_language(text) == "en"


def test_no_known_words_falls_back_to_the_default() -> None:
    assert guess_language("12:45 — 2024") == "nl"  # the packaged fallback
    assert guess_language("12:45 — 2024", default="en") == "en"
    assert guess_language("") == "nl"


def test_only_the_opening_is_read() -> None:
    english = "The minister said that the report was not finished. " * 60  # > 3000 chars
    assert guess_language(english + "Dit is de rest van het verhaal, en die is lang. " * 2000) \
        == "en"


def test_given_language_wins_then_forced_then_detected() -> None:
    texts = ["The man and the dog.", "De man en de hond.", "The man and the dog."]
    given = ["nl", None, ""]
    assert fill_languages(given, texts, "auto") == ["nl", "nl", "en"]
    assert fill_languages(given, texts, "en") == ["nl", "en", "en"]
    assert fill_languages(None, texts, "auto") == ["en", "nl", "en"]


@pytest.mark.parametrize("lang", ["fr", "AUTO", "", "dutch"])
def test_unknown_lang_option_is_refused(lang: str) -> None:
    with pytest.raises(UserError, match="is not a language option; use lang=auto"):
        check_lang_option(lang)
    for ok in ("auto", "nl", "en"):
        check_lang_option(ok)


def test_lang_column_and_metadata_win_in_both_paths(tmp_path: Path) -> None:
    table = tmp_path / "docs.csv"
    pd.DataFrame({"doc_id": ["a", "b", "c"],
                  "text": ["The court said so.", "De rechter zei het.", "He denies it."],
                  "lang": ["nl", "", ""]}).to_csv(table, index=False)
    meta = tmp_path / "meta.csv"
    meta.write_text("doc_id,lang\nc,nl\n", encoding="utf-8")
    for lang, want in [("auto", ["nl", "nl", "nl"]), ("en", ["nl", "en", "nl"])]:
        loaded = load_documents(str(table), lang, str(meta))["lang"]
        streamed = [v for b in iter_documents(str(table), lang, str(meta), batch_size=2)
                    for v in b["lang"]]
        assert loaded == streamed == want, lang
    without_meta = load_documents(str(table), "auto")["lang"]
    assert without_meta == ["nl", "nl", "en"]


@pytest.fixture(scope="module")
def seed_corpus() -> pd.DataFrame:
    """doc_id, lang (from the metadata) and text of every seed document."""
    meta = pd.read_csv(SEEDS / "corpus.csv", keep_default_na=False)
    meta["text"] = [(SEEDS / "docs" / f"{d}.txt").read_text(encoding="utf-8")
                    for d in meta["doc_id"]]
    return meta


def test_detector_agrees_with_the_corpus_metadata(seed_corpus: pd.DataFrame) -> None:
    right = [guess_language(t) == lang
             for t, lang in zip(seed_corpus["text"], seed_corpus["lang"], strict=True)]
    assert len(right) > 500  # the whole corpus, stand-alone headlines included
    assert sum(right) / len(right) >= 0.97, f"{sum(right)}/{len(right)}"


def test_detector_is_cheap(seed_corpus: pd.DataFrame) -> None:
    texts = list(seed_corpus["text"])
    guess_language(texts[0])  # word lists read once
    start = time.perf_counter()
    for text in texts:
        guess_language(text)
    per_doc = (time.perf_counter() - start) / len(texts)
    assert per_doc < 1e-3, f"{per_doc * 1e3:.3f} ms per document"


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "en.txt").write_text("Prosecutors accuse the firm's director of fraud. "
                                   "The company denies any wrongdoing.\n", encoding="utf-8")
    (folder / "nl.txt").write_text("Het OM verdenkt de directeur van Bakkerij Kroes van "
                                   "fraude. Hij ontkent alles.\n", encoding="utf-8")
    return folder


def _labels(out: Path) -> pd.DataFrame:
    frame = pd.read_csv(out, keep_default_na=False)
    return frame.sort_values(["doc_id", "sent_id"]).reset_index(drop=True)


@pytest.mark.slow  # a whole command run (about 5 s); make test-slow and CI run it
def test_mixed_folder_gets_each_documents_language_in_both_paths(mixed: Path,
                                                                 tmp_path: Path) -> None:
    out = tmp_path / "labels.csv"
    done = run_in_process("label", f"input={mixed}", f"output={out}")
    assert done.returncode == 0, done.stderr
    frame = _labels(out)
    assert dict(zip(frame["doc_id"], frame["lang"], strict=False)) == {"en": "en", "nl": "nl"}
    # with the Dutch rules this sentence is neutral: the label shows the language was used
    english = frame[frame["doc_id"] == "en"]
    assert list(english["label"]) == ["accusation", "denial"]
    assert list(frame[frame["doc_id"] == "nl"]["label"]) == ["accusation", "denial"]

    shards = tmp_path / "shards"
    done = run_in_process("label", f"input={mixed}", f"output={shards}", "stream=true")
    assert done.returncode == 0, done.stderr
    streamed = pd.concat(pd.read_parquet(p) for p in sorted(shards.glob("*.parquet")))
    streamed = streamed.sort_values(["doc_id", "sent_id"]).reset_index(drop=True)
    cols = ["doc_id", "sent_id", "lang", "label"]
    assert streamed[cols].to_dict("records") == frame[cols].to_dict("records")


def test_forced_language_wins_only_for_documents_without_their_own(mixed: Path,
                                                                   tmp_path: Path) -> None:
    (mixed / "nl2.txt").write_text("De burgemeester zegt dat hij van niets wist.\n",
                                   encoding="utf-8")
    meta = tmp_path / "meta.csv"
    meta.write_text("doc_id,lang\nnl,nl\n", encoding="utf-8")
    out = tmp_path / "labels.csv"
    done = run_in_process("label", f"input={mixed}", f"output={out}", f"meta={meta}", "lang=en")
    assert done.returncode == 0, done.stderr
    frame = _labels(out)
    assert dict(zip(frame["doc_id"], frame["lang"], strict=False)) == \
        {"en": "en", "nl": "nl", "nl2": "en"}


@pytest.mark.parametrize("extra", [[], ["stream=true"]])
def test_unknown_lang_is_one_line_in_both_paths(mixed: Path, tmp_path: Path,
                                                extra: list[str]) -> None:
    out = tmp_path / ("shards" if extra else "labels.csv")
    assert_one_line_error(run_in_process("label", f"input={mixed}", f"output={out}", "lang=fr",
                                         *extra),
                          "lang='fr'", "lang=auto")
    assert not out.exists()


ENGLISH_DOC = ["Business", "Updated 14:02 GMT", "Shares of Brightwater fell on Wednesday.",
               "The company denied the claims.", "Markets"]


@pytest.mark.parametrize("batch_size", [2, 2000])
def test_a_sentence_table_gets_each_documents_language_as_a_folder_does(
        tmp_path: Path, batch_size: int) -> None:
    """No lang column, lang=auto: a document's short lines (a section name, a timestamp),
    which alone read as Dutch, get the language of their whole document, as the same
    document as a .txt file gets; interleaved with a Dutch document, and cut by batches."""
    assert {guess_language(t) for t in ("Business", "Updated 14:02 GMT", "Markets")} == {"nl"}
    dutch = ["Het OM vervolgt de directeur.", "Hij ontkent alles."]
    rows = [("en1", i + 1, t) for i, t in enumerate(ENGLISH_DOC)]
    rows += [("nl1", i + 1, t) for i, t in enumerate(dutch)]
    rows = rows[::2] + rows[1::2]  # the rows of both documents apart
    table = tmp_path / "sents.csv"
    pd.DataFrame(rows, columns=["doc_id", "sent_id", "text"]).to_csv(table, index=False)
    langs: dict[str, set[str]] = {}
    for batch in iter_documents(str(table), batch_size=batch_size):
        for doc, lang in zip(batch["doc_id"], batch["lang"], strict=True):
            langs.setdefault(doc, set()).add(lang)
    assert langs == {"en1": {"en"}, "nl1": {"nl"}}
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "en1.txt").write_text("\n".join(ENGLISH_DOC) + "\n", encoding="utf-8")
    (folder / "nl1.txt").write_text("\n".join(dutch) + "\n", encoding="utf-8")
    assert load_documents(str(folder))["lang"] == ["en", "nl"]


def test_a_language_named_by_one_row_is_its_documents() -> None:
    from wederhoor.io.language import fill_document_languages

    texts = ["Business", "Het OM vervolgt hem.", "Markets", "De man en de hond."]
    docs = ["a", "a", "b", "b"]
    assert fill_document_languages(["", "en", "", ""], texts, docs, "auto") == [
        "en", "en", "nl", "nl"]
    assert fill_document_languages(None, texts, docs, "en") == ["en"] * 4
    assert fill_document_languages(["nl", "", "", "en"], texts, docs, "auto") == [
        "nl", "nl", "en", "en"]


class _TwoLanguages:
    """A labeler with rules for en and nl only (the check runs before it labels anything)."""

    languages = ["en", "nl"]

    def label(self, texts, langs=None):
        return ["neutral"] * len(texts), [""] * len(texts)


@pytest.mark.parametrize("where", ["input", "meta"])
def test_an_unknown_lang_column_value_says_to_fix_that_file(tmp_path: Path,
                                                           where: str) -> None:
    """lang= fills in documents without a language and cannot override a lang column (as the
    README says), so the line must not send the user to lang=: it names the file and value."""
    from wederhoor.pipeline.engine import run_engine
    from wederhoor.pipeline.segmenters import SyntokSegmenter

    table = tmp_path / "docs.csv"
    table.write_text('doc_id,text,lang\na,"De burgemeester ontkent.",'
                     f'{"Dutch" if where == "input" else "nl"}\n', encoding="utf-8")
    meta = None
    if where == "meta":
        meta = tmp_path / "meta.csv"
        meta.write_text("doc_id,lang\na,Dutch\n", encoding="utf-8")
    with pytest.raises(UserError) as err:
        run_engine(str(table), "nl", str(meta) if meta else None, SyntokSegmenter(),
                   _TwoLanguages(), tmp_path / "out", 1)
    message = str(err.value)
    assert f"lang column of {meta if meta else table}" in message
    assert "'Dutch'" in message and "set lang=" not in message
