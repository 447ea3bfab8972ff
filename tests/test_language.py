"""Language per document: detected when the input does not say, forced by lang=, same in
both the in-memory and the streaming path."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.clitools import SEEDS, run
from wederhoor.io.language import fill_languages, guess_language


@pytest.mark.parametrize("text, lang", [
    ("Burgemeester ontkent fraude met subsidies", "nl"),
    ("Het parket van Gent vervolgt de zaakvoerder van Bouwbedrijf Maes voor valsheid.", "nl"),
    ("Mayor denies misusing $40,000 in council funds", "en"),
    ("LONDON (Reuters) - Shares of Kestrel Foods fell 12% after the regulator said it had "
     "misled investors.", "en"),
    ("Oud-wethouder Jan de Vries (63) staat in 2024 terecht in Zwolle.", "nl"),
])
def test_guess_language_of_short_news_texts(text: str, lang: str) -> None:
    assert guess_language(text) == lang


def test_no_known_words_falls_back_to_the_default() -> None:
    assert guess_language("12:45 — 2024", default="en") == "en"
    assert fill_languages(["en", None], ["x", "De man en de vrouw."], "auto") == ["en", "nl"]
    assert fill_languages([None, "en"], ["The man", "De man"], "nl") == ["nl", "en"]


def test_detector_agrees_with_the_corpus_metadata() -> None:
    meta = pd.read_csv(SEEDS / "corpus.csv", keep_default_na=False)
    # headlines alone are single lines; the full documents are what a folder holds
    docs = meta[~meta["doc_id"].str.contains("rnh")]
    right = sum(guess_language((SEEDS / "docs" / f"{d}.txt").read_text(encoding="utf-8")) == lang
                for d, lang in zip(docs["doc_id"], docs["lang"], strict=True))
    assert right / len(docs) >= 0.97, f"{right}/{len(docs)}"


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "en.txt").write_text("Prosecutors accuse the director of Hallam Foods of fraud. "
                                   "The company denies the report.\n", encoding="utf-8")
    (folder / "nl.txt").write_text("Het OM verdenkt de directeur van Bakkerij Kroes van "
                                   "fraude. Hij ontkent alles.\n", encoding="utf-8")
    return folder


def test_mixed_folder_gets_each_documents_language_in_both_paths(mixed: Path,
                                                                 tmp_path: Path) -> None:
    out = tmp_path / "labels.csv"
    assert run("label", f"input={mixed}", f"output={out}").returncode == 0
    frame = pd.read_csv(out, keep_default_na=False)
    assert dict(zip(frame["doc_id"], frame["lang"], strict=False)) == {"en": "en", "nl": "nl"}
    english = frame[frame["doc_id"] == "en"]
    assert list(english["label"]) == ["accusation", "denial"]
    shards = tmp_path / "shards"
    assert run("label", f"input={mixed}", f"output={shards}", "stream=true").returncode == 0
    streamed = pd.concat(pd.read_parquet(p) for p in sorted(shards.glob("*.parquet")))
    streamed = streamed.sort_values(["doc_id", "sent_id"])
    assert list(streamed["lang"]) == list(frame.sort_values(["doc_id", "sent_id"])["lang"])


def test_forced_language_wins_for_documents_without_their_own(mixed: Path,
                                                              tmp_path: Path) -> None:
    out = tmp_path / "labels.csv"
    assert run("label", f"input={mixed}", f"output={out}", "lang=en").returncode == 0
    assert set(pd.read_csv(out, keep_default_na=False)["lang"]) == {"en"}
