"""The rule labeler's build cache: what it stores compiles to the very same lexicon, and a
changed lexicon file is always picked up."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest

from wederhoor.labelers import lexicon_loader
from wederhoor.labelers.lazy_regex import LazyRegex
from wederhoor.labelers.rules import RuleLabeler

LEXICON = ("negation:\n  words: [non]\nfunctions:\n"
           "  xx_acc:\n    tier: accusation\n    negated_tier: cancelled\n"
           "    patterns: ['\\b{VERB}\\w*']\n"
           "macros:\n  VERB: [accuse, blame]\n")


@pytest.fixture
def plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "plans"
    monkeypatch.setenv("WEDERHOOR_LEXICON_CACHE", str(folder))
    lexicon_loader.forget_compiled()  # this process compiled the lexicons already: do it anew
    return folder


def _dutch_only(tmp_path: Path) -> str:
    """A lexicon folder with the shipped Dutch lexicon and context file alone: one whole
    build instead of two (the slow test below builds both languages)."""
    folder = tmp_path / "lexicons"
    (folder / "context").mkdir(parents=True)
    shipped = Path(lexicon_loader.__file__).parent / "lexicons"
    for name in ("nl.yaml", "context/nl.yaml"):
        (folder / name).write_bytes((shipped / name).read_bytes())
    return str(folder)


@pytest.mark.slow  # every seed sentence, 3-4 s: make test-slow and CI run it
def test_plan_compiles_to_the_same_lexicon_as_a_fresh_build(plans: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    folder = _dutch_only(tmp_path)
    lexicon_loader.forget_compiled()
    fresh = RuleLabeler(folder)  # writes the plan
    assert [p.name.split("-")[0] for p in plans.glob("*.json")] == ["nl"]
    calls = []
    original = lexicon_loader.plan_lexicon
    monkeypatch.setattr(lexicon_loader, "plan_lexicon",
                        lambda *a: calls.append(a) or original(*a))
    lexicon_loader.forget_compiled()
    cached = RuleLabeler(folder)
    assert not calls  # built from the stored plans, no YAML read, no pattern analysis
    # a fresh plan's patterns are compiled (and so checked); a stored plan's compile when
    # first used, and answer the same
    lazy = cached.lexicon("nl").functions[0].regex
    assert isinstance(fresh.lexicon("nl").functions[0].regex, re.Pattern)
    assert isinstance(lazy, LazyRegex) and "compiled" not in vars(lazy)
    text = "De burgemeester ontkent dat hij fraude pleegde en beschuldigt de wethouder."
    for a, b in zip(fresh.lexicon("nl").functions, cached.lexicon("nl").functions,
                    strict=True):
        assert [m.span() for m in a.regex.finditer(text)] == \
            [m.span() for m in b.regex.finditer(text)]
    assert "compiled" in vars(lazy)
    copy = pickle.loads(pickle.dumps(lazy))  # a copy sent to a worker starts uncompiled
    assert "compiled" not in vars(copy) and copy == lazy
    # every pattern, head table and setting
    assert [cached.lexicon(lang) for lang in cached.languages] == \
        [fresh.lexicon(lang) for lang in fresh.languages]


@pytest.mark.slow  # two whole builds of both lexicons (about 6 s); make test-slow and CI run it
def test_without_the_cache_the_build_is_the_same(plans: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    cached = RuleLabeler()  # writes the plans, compiles them
    monkeypatch.setenv("WEDERHOOR_LEXICON_CACHE", "off")
    lexicon_loader.forget_compiled()
    again = RuleLabeler()
    assert [again.lexicon(lang) for lang in again.languages] == \
        [cached.lexicon(lang) for lang in cached.languages]


def test_changed_lexicon_is_never_served_from_a_stale_plan(plans: Path, tmp_path: Path) -> None:
    folder = tmp_path / "lexicons"
    folder.mkdir()
    path = folder / "xx.yaml"
    path.write_text(LEXICON, encoding="utf-8")
    assert RuleLabeler(str(folder), "xx").label_one("Pierre blames Paul.")[0] == "accusation"
    assert RuleLabeler(str(folder), "xx").label_one("Pierre blames Paul.")[0] == "accusation"
    path.write_text(LEXICON.replace("[accuse, blame]", "[accuse]"), encoding="utf-8")
    assert RuleLabeler(str(folder), "xx").label_one("Pierre blames Paul.")[0] == "neutral"
    assert len(list(plans.glob("xx-*.json"))) == 2


def test_unreadable_plan_is_rebuilt_and_errors_stay_one_line(plans: Path,
                                                             tmp_path: Path) -> None:
    folder = tmp_path / "lexicons"
    folder.mkdir()
    (folder / "xx.yaml").write_text(LEXICON, encoding="utf-8")
    RuleLabeler(str(folder), "xx")
    for plan in plans.glob("xx-*.json"):
        plan.write_text("{not json", encoding="utf-8")
    assert RuleLabeler(str(folder), "xx").label_one("Pierre accuses Paul.")[0] == "accusation"
    (folder / "xx.yaml").write_text(LEXICON.replace("\\b{VERB}", "({VERB}"),
                                    encoding="utf-8")
    with pytest.raises(ValueError, match=r"malformed lexicon .*xx.yaml: .*bad regex") as err:
        RuleLabeler(str(folder), "xx")
    assert "\n" not in str(err.value)
    (folder / "xx.yaml").write_bytes(b"functions: {caf\xe9: 1}\n")
    with pytest.raises(ValueError, match=r"cannot read lexicon .*xx.yaml"):
        RuleLabeler(str(folder), "xx")


def test_plan_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WEDERHOOR_LEXICON_CACHE", "off")
    monkeypatch.setattr(lexicon_loader, "write_plan",
                        lambda *a: pytest.fail("no plan may be written when the cache is off"))
    folder = tmp_path / "lexicons"
    folder.mkdir()
    (folder / "xx.yaml").write_text(LEXICON, encoding="utf-8")
    assert RuleLabeler(str(folder), "xx").label_one("Pierre accuses Paul.")[0] == "accusation"


def test_a_lexicon_is_compiled_once_per_process_per_content(plans: Path, tmp_path: Path) -> None:
    folder = tmp_path / "lex"
    folder.mkdir()
    (folder / "xx.yaml").write_text(LEXICON, encoding="utf-8")
    first, second = RuleLabeler(lexicons=str(folder)), RuleLabeler(lexicons=str(folder))
    assert first.lexicon("xx") is second.lexicon("xx")  # shared, not compiled twice
    (folder / "xx.yaml").write_text(LEXICON.replace("blame]", "blame, fault]"), encoding="utf-8")
    changed = RuleLabeler(lexicons=str(folder))
    assert changed.lexicon("xx") is not first.lexicon("xx")
    assert changed.label(["they fault him"], ["xx"])[0] == ["accusation"]
    assert first.label(["they fault him"], ["xx"])[0] == ["neutral"]

