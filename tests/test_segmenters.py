"""Behaviour of the sentence segmenters, the gold set and the exact-sentence F1 metric."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from hydra import compose, initialize_config_dir
from hydra.utils import instantiate

from wederhoor.errors import UserError
from wederhoor.pipeline.segmenters import LineSegmenter, NoSegmenter, SyntokSegmenter
from wederhoor.segeval import (
    evaluate,
    exact_sentence_f1,
    gold_path,
    load_gold,
    locate,
)

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "seeds" / "segmentation"
CONF_DIR = ROOT / "conf"


@pytest.fixture(scope="module")
def seg() -> SyntokSegmenter:
    return SyntokSegmenter()


def assert_substrings(text: str, sentences: list[str]) -> None:
    """Every sentence is a stripped, non-empty substring, found in order."""
    cursor = 0
    for sentence in sentences:
        assert sentence and sentence == sentence.strip()
        index = text.find(sentence, cursor)
        assert index >= 0, sentence
        cursor = index + len(sentence)


# --- SyntokSegmenter: abbreviations and titles -------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Dat zegt dhr. P.J. van Aalst. Hij is boos.",
            "nl",
            ["Dat zegt dhr. P.J. van Aalst.", "Hij is boos."],
        ),
        (
            "Directeur mevr. drs. A.C. Vos is boos. Ze stapt op.",
            "nl",
            ["Directeur mevr. drs. A.C. Vos is boos.", "Ze stapt op."],
        ),
        (
            "Het gaat o.a. om ca. 300 euro i.p.v. 200 euro. Dat is veel.",
            "nl",
            ["Het gaat o.a. om ca. 300 euro i.p.v. 200 euro.", "Dat is veel."],
        ),
        (
            "Zie art. 12 en blz. 5 van het rapport.",
            "nl",
            ["Zie art. 12 en blz. 5 van het rapport."],
        ),
        (
            "Prof. dr. E. van Lier rekende het na. De cijfers kloppen niet.",
            "nl",
            ["Prof. dr. E. van Lier rekende het na.", "De cijfers kloppen niet."],
        ),
        (
            "Capt. Luis Ortega and Sen. Joan Vandermeer spoke. Dr. Cho did not.",
            "en",
            ["Capt. Luis Ortega and Sen. Joan Vandermeer spoke.", "Dr. Cho did not."],
        ),
    ],
)
def test_titles_and_abbreviations_never_end_a_sentence(seg, text, lang, expected):
    assert seg.split(text, lang=lang) == expected


def test_raw_syntok_splits_after_dutch_titles_and_repair_fixes_it():
    text = "Volgens fractievoorzitter dhr. P.J. van Aalst is het onzin."
    assert len(SyntokSegmenter(repair=False).split(text)) == 2
    assert SyntokSegmenter().split(text) == [text]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # Abbreviations that can end a sentence: split before a sentence-opening word or quote.
        (
            "Neem bankafschriften, screenshots etc. mee. Bewaar alles enz. "
            "Volgens de politie helpt dat.",
            "nl",
            [
                "Neem bankafschriften, screenshots etc. mee.",
                "Bewaar alles enz.",
                "Volgens de politie helpt dat.",
            ],
        ),
        (
            "The order went to Stalwart Systems Inc. The company declined to comment.",
            "en",
            ["The order went to Stalwart Systems Inc.", "The company declined to comment."],
        ),
        (
            "Shares of Brightwell Labs Inc. fell 14% on Thursday.",
            "en",
            ["Shares of Brightwell Labs Inc. fell 14% on Thursday."],
        ),
        (
            'Firefighters arrived at 5:52 a.m. "It was chaos," one said.',
            "en",
            ["Firefighters arrived at 5:52 a.m.", '"It was chaos," one said.'],
        ),
        (
            "The road is closed from 8 p.m. Friday to 5 a.m. Monday.",
            "en",
            ["The road is closed from 8 p.m. Friday to 5 a.m. Monday."],
        ),
        (
            "Most sales are in the U.S. About a fifth comes from the U.S. Army.",
            "en",
            ["Most sales are in the U.S.", "About a fifth comes from the U.S. Army."],
        ),
    ],
)
def test_abbreviations_that_can_end_a_sentence(seg, text, lang, expected):
    assert seg.split(text, lang=lang) == expected


# --- initials, ellipses, domain names -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Het woord is aan J. de Vries. Hij zwijgt.",
            "nl",
            ["Het woord is aan J. de Vries.", "Hij zwijgt."],
        ),
        ("Wethouder M. Tervoort ontkent.", "nl", ["Wethouder M. Tervoort ontkent."]),
        (
            "'Vraag de trainer maar', zegt Dennis K. Hij speelt al elf jaar bij de club.",
            "nl",
            ["'Vraag de trainer maar', zegt Dennis K.", "Hij speelt al elf jaar bij de club."],
        ),
        (
            "The street is named after Gen. A. Van Doren.",
            "en",
            ["The street is named after Gen. A. Van Doren."],
        ),
        (
            '"I gave everything," said Danny K. He has played here for years.',
            "en",
            ['"I gave everything," said Danny K.', "He has played here for years."],
        ),
        ("The lawyer, T. J. Yilmaz, objected.", "en", ["The lawyer, T. J. Yilmaz, objected."]),
    ],
)
def test_initials(seg, text, lang, expected):
    assert seg.split(text, lang=lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "De politie sluit brand niet uit… Een onderzoek loopt.",
            "nl",
            ["De politie sluit brand niet uit…", "Een onderzoek loopt."],
        ),
        (
            "Investigators have not ruled out arson... A report follows.",
            "en",
            ["Investigators have not ruled out arson...", "A report follows."],
        ),
        ("Je belt en dan... niets. Muziek.", "nl", ["Je belt en dan... niets.", "Muziek."]),
        (
            "Volg het live via www.grootveen.nl. Belangstellenden zijn welkom.",
            "nl",
            ["Volg het live via www.grootveen.nl.", "Belangstellenden zijn welkom."],
        ),
        (
            "See harlowcounty.gov/bridge. Comments close Dec. 1.",
            "en",
            ["See harlowcounty.gov/bridge.", "Comments close Dec. 1."],
        ),
    ],
)
def test_missed_splits_after_ellipsis_and_domain_names(seg, text, lang, expected):
    assert seg.split(text, lang=lang) == expected


# --- quotes, headlines, whitespace ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("'Dit is een heksenjacht', zegt de woordvoerder.", "nl"),
        ("'Waarom zou ik spijt hebben?', vroeg de man ter zitting.", "nl"),
        ('"We did nothing wrong," she said.', "en"),
        ('"Why should I be sorry?" the man asked in court.', "en"),
        ("'Schandalig!', roept een bewoner.", "nl"),
    ],
)
def test_quote_and_attribution_stay_one_sentence(seg, text, lang):
    assert seg.split(text, lang=lang) == [text]


def test_multi_sentence_quote_splits_inside_the_quote(seg):
    text = "'Er is niets aangepast. Wij hebben altijd alles gemeld', zegt de bestuurder."
    assert seg.split(text) == [
        "'Er is niets aangepast.",
        "Wij hebben altijd alles gemeld', zegt de bestuurder.",
    ]


def test_headlines_without_final_punctuation_are_one_sentence_each(seg):
    text = (
        "Marktplaats-verkoper veroordeeld: 'Spijt? Nee'\n"
        "Een man is veroordeeld. Hij gaat in beroep.\n"
        "Tussenkop zonder punt\n"
        "Het OM is tevreden."
    )
    assert seg.split(text) == [
        "Marktplaats-verkoper veroordeeld: 'Spijt? Nee'",
        "Een man is veroordeeld.",
        "Hij gaat in beroep.",
        "Tussenkop zonder punt",
        "Het OM is tevreden.",
    ]


def test_sentences_never_span_line_breaks_and_crlf_is_handled(seg):
    text = "Kop van het stuk\r\nEerste zin van de alinea\r\nloopt door. Tweede zin.\r\n"
    out = seg.split(text)
    assert out == ["Kop van het stuk", "Eerste zin van de alinea", "loopt door.", "Tweede zin."]
    assert not any("\r" in s or "\n" in s for s in out)


@pytest.mark.parametrize("segmenter", [SyntokSegmenter(), LineSegmenter(), NoSegmenter()])
@pytest.mark.parametrize("text", ["", "   ", "\n\n", " \r\n\t\r\n "])
def test_empty_and_whitespace_input_gives_no_sentences(segmenter, text):
    assert segmenter.split(text) == []


def test_whitespace_only_lines_and_double_spaces(seg):
    text = "Eerste zin.  Tweede zin.\n   \n\t\nDerde zin."
    assert seg.split(text) == ["Eerste zin.", "Tweede zin.", "Derde zin."]


def test_unknown_language_uses_the_union_of_word_lists(seg):
    text = "Gisteren sprak dhr. Jansen met Dr. Smith. Daarna was het stil."
    assert seg.split(text, lang="de") == [
        "Gisteren sprak dhr. Jansen met Dr. Smith.",
        "Daarna was het stil.",
    ]


def test_custom_abbreviation_file_is_used(tmp_path):
    text = "Het besluit viel in de vgdr. Van Dam stemde tegen."
    custom = tmp_path / "abbr.yaml"
    custom.write_text("nl:\n  no_end: [vgdr.]\n", encoding="utf-8")
    assert SyntokSegmenter(abbreviations=str(custom)).split(text) == [text]
    assert len(SyntokSegmenter().split(text)) == 2


def test_abbreviation_file_with_unknown_key_is_rejected(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("nl:\n  titles: [dhr.]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown keys"):
        SyntokSegmenter(abbreviations=str(bad))


# --- baselines -----------------------------------------------------------------------------


def test_line_segmenter_returns_stripped_non_empty_lines():
    text = "  Kop\r\n\r\nEerste zin. Tweede zin.  \n \n"
    assert LineSegmenter().split(text) == ["Kop", "Eerste zin. Tweede zin."]


def test_no_segmenter_returns_whole_text():
    text = "\n Kop\nEerste zin. Tweede zin.\n"
    assert NoSegmenter().split(text) == ["Kop\nEerste zin. Tweede zin."]


def test_segmenters_have_the_names_configs_refer_to():
    assert (SyntokSegmenter.name, LineSegmenter.name, NoSegmenter.name) == (
        "syntok",
        "lines",
        "none",
    )


@pytest.mark.parametrize(
    "segmenter",
    [SyntokSegmenter(), SyntokSegmenter(repair=False), LineSegmenter(), NoSegmenter()],
)
def test_segmenters_pickle_and_behave_the_same(segmenter):
    text = "Kop zonder punt\nDat zegt dhr. P.J. van Aalst. Hij is boos."
    clone = pickle.loads(pickle.dumps(segmenter))
    assert type(clone) is type(segmenter)
    assert clone.split(text) == segmenter.split(text)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("segmenter", [SyntokSegmenter(), LineSegmenter(), NoSegmenter()])
def test_all_output_on_the_gold_texts_is_substrings_in_order(segmenter, lang):
    for doc in load_gold(GOLD_DIR / f"{lang}.jsonl"):
        assert_substrings(doc.text, segmenter.split(doc.text, lang=lang))


# --- metric and gold set -------------------------------------------------------------------


def test_locate_finds_stripped_spans_in_order():
    text = "Ja. Nee. Ja."
    assert locate(text, ["Ja.", " Nee. ", "Ja.", "Misschien."]) == [(0, 3), (4, 8), (9, 12), None]


def test_exact_sentence_f1_counts_only_identical_spans():
    gold = [[(0, 3), (4, 8), (9, 12)]]
    predicted = [[(0, 3), (4, 12), None]]
    score = exact_sentence_f1(gold, predicted)
    assert (score.true_positives, score.predicted, score.gold) == (1, 3, 3)
    assert score.precision == pytest.approx(1 / 3)
    assert score.recall == pytest.approx(1 / 3)
    assert score.f1 == pytest.approx(1 / 3)
    assert exact_sentence_f1([[(0, 3)]], [[]]).f1 == 0.0


def test_evaluate_reports_missed_and_spurious_sentences(tmp_path):
    path = tmp_path / "nl.jsonl"
    record = {
        "id": "d1",
        "lang": "nl",
        "text": "Kop\nEen zin. Nog een.",
        "sentences": ["Kop", "Een zin.", "Nog een."],
    }
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    report = evaluate(LineSegmenter(), load_gold(path, lang="nl"))
    assert report.score.true_positives == 1
    kinds = [(kind, text) for _, kind, text in report.errors]
    assert ("spurious", "Een zin. Nog een.") in kinds
    assert ("missed", "Een zin.") in kinds and ("missed", "Nog een.") in kinds


@pytest.mark.parametrize(
    ("sentences", "message"),
    [
        (["Een zin.", "Nog twee."], "not a substring"),
        (["Nog een.", "Een zin."], "not a substring"),
        (["Een zin."], "not covered"),
        ([" Een zin.", "Nog een."], "unstripped"),
    ],
)
def test_load_gold_rejects_inconsistent_records(tmp_path, sentences, message):
    path = tmp_path / "bad.jsonl"
    record = {"id": "x", "lang": "nl", "text": "Een zin. Nog een.", "sentences": sentences}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(UserError, match=message):
        load_gold(path)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_gold_set_is_large_and_consistent(lang):
    docs = load_gold(gold_path(GOLD_DIR, lang), lang=lang)
    assert sum(len(doc.spans) for doc in docs) >= 250
    assert len({doc.doc_id for doc in docs}) == len(docs)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_syntok_segmenter_reaches_f1_093_on_gold(lang):
    docs = load_gold(gold_path(GOLD_DIR, lang), lang=lang)
    assert evaluate(SyntokSegmenter(), docs).score.f1 >= 0.93


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_repairs_improve_on_raw_syntok(lang):
    docs = load_gold(gold_path(GOLD_DIR, lang), lang=lang)
    raw = evaluate(SyntokSegmenter(repair=False), docs).score.f1
    assert evaluate(SyntokSegmenter(), docs).score.f1 > raw


# --- Hydra config and command --------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "cls"),
    [("syntok", SyntokSegmenter), ("lines", LineSegmenter), ("none", NoSegmenter)],
)
def test_every_segmenter_config_instantiates(option, cls):
    with initialize_config_dir(config_dir=str(CONF_DIR), version_base="1.3"):
        cfg = compose(config_name="segeval", overrides=[f"segmenter={option}", "lang=en"])
    segmenter = instantiate(cfg.segmenter)
    assert isinstance(segmenter, cls)
    assert cfg.lang == "en"


def test_segeval_command_prints_scores_and_errors():
    result = subprocess.run(
        [sys.executable, "-m", "wederhoor.segeval", "lang=nl", "segmenter=lines", "max_errors=3"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "precision" in result.stdout and "F1" in result.stdout
    assert "missed" in result.stdout and "spurious" in result.stdout


@pytest.mark.parametrize("text, lang, expected", [
    ("FAIRVIEW, Ore. (AP) — A county clerk kept the fees, prosecutors said. She denies it.",
     "en", ["FAIRVIEW, Ore. (AP) — A county clerk kept the fees, prosecutors said.",
            "She denies it."]),
    ("DULUTH (Reuters) - The firm was fined. It will appeal.", "en",
     ["DULUTH (Reuters) - The firm was fined.", "It will appeal."]),
    ("The mayor leaves court on Monday. (AP Photo/Lena Ortiz)", "en",
     ["The mayor leaves court on Monday. (AP Photo/Lena Ortiz)"]),
    ("De burgemeester verlaat de rechtbank. (Foto: Belga/Ann Peeters)", "nl",
     ["De burgemeester verlaat de rechtbank. (Foto: Belga/Ann Peeters)"]),
    ("He spoke to the AP. Then he left.", "en", ["He spoke to the AP.", "Then he left."]),
])
def test_wire_datelines_and_photo_credits_stay_with_their_sentence(seg, text, lang, expected):
    assert seg.split(text, lang) == expected
