"""The fast path gives syntok's own sentence starts, or refuses the line (then syntok runs)."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest
import regex
from syntok.segmenter import segment
from syntok.tokenizer import Tokenizer

from wederhoor.pipeline.segmenters import SyntokSegmenter
from wederhoor.pipeline.syntok_fast import FastStarts

ROOT = Path(__file__).resolve().parents[1]
LINE = re.compile(r"[^\r\n]+")
TOKENIZER = Tokenizer(replace_not_contraction=False)

# Lines the fast path must take (and get exactly as syntok does): Dutch and English news with
# abbreviations, initials, quotes, datelines, numbers, brackets and questions.
PLAIN = [
    "De minister ontkent alles. Hij noemt de beschuldigingen onzin.",
    "Volgens dhr. Jansen is dat onjuist. Mevr. De Vries spreekt dat tegen.",
    "‘Dat is onzin’, zegt woordvoerder Pieters. ‘We hebben niets verkeerd gedaan.’",
    "„Wij ontkennen elke betrokkenheid”, aldus de advocaat. Het OM houdt vol.",
    "‘Wij zijn nooit gewaarschuwd’. Dat zegt de directeur van de school.",
    "Hij noemde het verwijt ‘klinkklare onzin’. Volgens hem klopt er niets van.",
    "AMSTERDAM - De politie heeft zaterdag 3 verdachten aangehouden. Zij zijn 23, 31 en 45.",
    "Het bedrag liep op tot 1.250.000 euro. Dat is 12,5 procent meer dan in 2023. Nu daalt het.",
    "De rechtbank (sector strafrecht) doet op 12 maart uitspraak. Tot dan zit J. de Vries vast.",
    "Ze zei o.a. dat de cijfers klopten. Dat bleek niet zo te zijn.",
    "Wat bedoelt hij? Niemand weet het! Toch gaat het door.",
    "Jan Jansen (52) ontkent. Zijn advocaat, mr. P.J. Bakker, wil niet reageren.",
    "De zaak is aangespannen door Stichting Vrij Wonen (SVW). Die eist 2 miljoen.",
    "Het gaat om art. 5 van de wet; de rechter oordeelt anders.",
    "Dennis K. Hij werd in 2021 aangehouden. Ja. Nee. Misschien.",
    "De prijs steeg naar € 3.50 per liter. In mei. 2024 was het duurder.",
    "Mr. Smith said the company, Acme Inc., did nothing wrong. The regulator disagreed.",
    '"We reject these allegations," the spokesperson said. "They are false."',
    "The U.S. Attorney's Office declined to comment. Prosecutors say J. K. Rowling was not there.",
    "Shares fell 3.5% to $22.70 at 4 p.m. The company said it would appeal.",
    "The hearing is set for Jan. 12. No. 10 Downing Street did not respond.",
    "It happened in 2019. March was the worst month, officials said. Dec. 5 is next.",
    "She asked why? Nobody answered. I don't know, he said.",
    "Police arrested two men, aged 19 and 23, on Friday (local time). Both deny wrongdoing.",
    "The bridge opens in May. It cost 450 million pounds. 2025 will be busier.",
    "Chapter IV. The end of the affair. See vol. 2 for details.",
    "He owes the firm $1.2 million, it says. He denies that.",
    "Het tekort (zie tabel 3) groeit. De gemeente (in totaal 12 wijken) betaalt.",
]

# Lines the fast path must leave to syntok: a bracket opening a sentence or right after a
# terminal, an ellipsis, a terminal that opens a chunk, two terminals in a row.
REFUSED = [
    "(Reuters) De burgemeester ontkent alles.",
    "NEW HAVEN, Conn. (AP) — A former mayor denied the charges.",
    "Hij wachtte... Toen kwam het bericht.",
    "Het was voorbij .Daarna niets.",
    "Echt?! Dat had niemand verwacht.",
    "Hij zei het. (Bron: ANP)",
    "Zij zei het.) Daarna niets.",
    "Het tekort (zie 3.5 en tabel 4) groeit. Dat is veel.",
    "Het rapport (een lijst van a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g "
    "h i j k l m n o p q r s t u v w x y z) Het is klaar.",
    "Een scheidingsteken\x1chier. Dan verder.",
]


def syntok_starts(line: str) -> list[int]:
    """What syntok itself gives: the offset of each sentence's first non-empty token."""
    starts = []
    for sentence in segment(TOKENIZER.tokenize(line)):
        first = next((t for t in sentence if t.value), None)
        if first is not None:
            starts.append(first.offset)
    return starts


@pytest.fixture(scope="module")
def fast() -> FastStarts:
    return FastStarts()


@pytest.mark.parametrize("line", PLAIN)
def test_fast_path_takes_plain_lines_and_agrees_with_syntok(fast: FastStarts, line: str) -> None:
    got = fast(line)
    assert got is not None, "the fast path refused a plain line"
    assert got == syntok_starts(line)


@pytest.mark.parametrize("line", REFUSED)
def test_fast_path_refuses_what_it_does_not_model(fast: FastStarts, line: str) -> None:
    assert fast(line) is None


def test_plain_lines_hold_both_decisions(fast: FastStarts) -> None:
    """The hand-written lines make syntok both split and not split after a terminal, so a
    fast path that always (or never) cut there would fail the agreement test above."""
    kept = split = 0
    for line in PLAIN:
        starts = set(syntok_starts(line))
        for match in re.finditer(r"[.!?;][\"'’”]?\s+(\S)", line):
            if match.start(1) in starts:
                split += 1
            else:
                kept += 1
    assert kept >= 10 and split >= 20


def test_known_decisions(fast: FastStarts) -> None:
    """A few of syntok's decisions spelled out: the fast path reproduces each."""
    def pieces(line: str) -> list[str]:
        starts = fast(line)
        assert starts is not None
        return [line[a:b].strip() for a, b in zip(starts, [*starts[1:], len(line)], strict=True)]

    assert pieces("Ze zei o.a. dat het klopte. Dat bleek niet zo.") == [
        "Ze zei o.a. dat het klopte.", "Dat bleek niet zo."]
    assert pieces("Het kost 5 mln. De rest volgt.") == ["Het kost 5 mln.", "De rest volgt."]
    assert pieces("Ja. Nee.") == ["Ja.", "Nee."]
    assert pieces("It was in 2019. Jan. 5 was a Sunday.") == [
        "It was in 2019. Jan. 5 was a Sunday."]
    assert pieces("Jan Jansen (52) ontkent. Hij zwijgt.") == ["Jan Jansen (52) ontkent.",
                                                             "Hij zwijgt."]


# Hard pieces for random lines: abbreviations, initials, numbers, months, quotes, brackets,
# terminals in every position, odd spaces.
PIECES = (
    "De de Het het zei hij. Hij Jansen. J. K. P.J. dhr. Mr. mr. Inc. Inc., etc. o.a. U.S. no. No. "
    "2023. 2023 Jan. Jan 5. 12 1.250 3.5 (52) (52). (KI) (zie tabel 3) ( ) [x] {y} ‘Dat onzin’. "
    "“Nee!” \"Ja.\" 'x' ’s 's-Hertogenbosch ? ! ; : , ... … — - « » „Wij ontkennen” ) ( The the "
    "A a I IV. XIV V. x. e.g. i.e. www.nos.nl. McDonald. iPhone. Co. Ltd. Dec. Mar 3 March ?! .) "
    "). )( zei.De zei.”, zei.', zei”. zei’. ”. ’. Ja. Nee? Also However But Het. De. (Reuters) "
    "(AP Photo/X Y) St. Sept. ca. nr. art. 5, 6: Die, Dat:"
).split(" ")


def test_random_lines_of_hard_pieces_agree_with_syntok(fast: FastStarts) -> None:
    rng = random.Random(7)
    taken = 0
    for _ in range(4000):
        n = rng.randint(1, 25)
        line = "".join(rng.choice(PIECES) + rng.choice([" ", " ", "  ", "", "\u00a0", "\t"])
                       for _ in range(n))
        got = fast(line)
        if got is not None:
            taken += 1
            assert got == syntok_starts(line), line
    assert taken >= 500


# make test: every line of every sixth seed document; make test-slow and CI: every document
@pytest.mark.parametrize("every", [6, pytest.param(1, marks=pytest.mark.slow)])
def test_every_seed_line_agrees_with_syntok(fast: FastStarts, every: int) -> None:
    """Every line of the seed corpus: the fast path's starts are syntok's, and it takes most."""
    paths = sorted((ROOT / "seeds" / "docs").glob("*.txt"))[::every]
    lines = [m.group() for path in paths
             for m in LINE.finditer(path.read_text(encoding="utf-8")) if m.group().strip()]
    taken = 0
    for line in lines:
        got = fast(line)
        if got is not None:
            taken += 1
            assert got == syntok_starts(line), line
    assert taken >= 0.9 * len(lines)


def test_segmenter_output_is_the_same_with_and_without_the_fast_path() -> None:
    text = "\n".join(PLAIN + REFUSED)
    for lang in ("nl", "en"):
        assert SyntokSegmenter(fast_path=True).split(text, lang) == \
            SyntokSegmenter(fast_path=False).split(text, lang)


def test_only_four_separators_split_chunks_differently_in_re_and_regex() -> None:
    """The fast path cuts chunks with `re`, syntok with `regex`: their \\s may differ only on
    the characters the fast path refuses (\\x1c-\\x1f)."""
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    ours = set(re.findall(r"\s", everything))
    syntoks = set(regex.findall(r"\s", everything))
    assert ours ^ syntoks == set("\x1c\x1d\x1e\x1f")
