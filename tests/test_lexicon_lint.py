"""The lexicon linter: the shipped lexicons keep its rules, and each rule catches a lexicon
that breaks it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from wederhoor.labelers.context import load_continuations
from wederhoor.labelers.lexicon_lint import (
    MAX_PATTERN_CHARS,
    duplicate_keys,
    lint_lexicon,
    main,
    shipped_lexicons,
)
from wederhoor.labelers.rules import RuleLabeler

CLEAN = """
macros:
  SAY: [zegt, zei, stelt]
  DENY: [ontkent, ontkende, '{SAY} niet']
negation:
  words: [niet]
  scope: ['\\bgeen bewijs\\b']
functions:
  xx_deny:
    tier: denial_explicit
    patterns: ['\\b{DENY}\\b', '\\b(?:weerlegt|betwist)\\b']
    unless: ['\\b{SAY} dat\\b']
  xx_accuse:
    tier: accusation
    patterns: ['\\b(?:beschuldigt|verwijt|viseert) (?:de|het) ']
"""


def _lint(text: str) -> list[str]:
    return lint_lexicon(yaml.safe_load(text))


def test_shipped_lexicons_keep_the_rules(capsys: pytest.CaptureFixture[str]) -> None:
    files = shipped_lexicons()
    assert {p.name for p in files} >= {"nl.yaml", "en.yaml"}
    assert any(p.parent.name == "context" for p in files)
    status = main([])  # lints every shipped file, printing each problem
    assert status == 0, capsys.readouterr().out


def test_clean_small_lexicon_passes_and_labels() -> None:
    assert _lint(CLEAN) == []


def test_long_pattern_fails() -> None:
    long = "\\b(?:" + "|".join(f"woord{i}" for i in range(40)) + ")\\b"
    assert len(long) > MAX_PATTERN_CHARS
    problems = _lint(CLEAN.replace("'\\b(?:weerlegt|betwist)\\b'", f"'{long}'"))
    assert len(problems) == 1
    assert "functions.xx_deny.patterns: pattern of" in problems[0]
    # a long macro entry or context pattern counts too
    assert _lint(CLEAN.replace("'{SAY} niet'", f"'{long}'"))[0].startswith("macros.DENY:")
    assert _lint(f"continuation: ['{long}']")[0].startswith("continuation: pattern of")


def test_inline_copy_of_a_macro_fails() -> None:
    problems = _lint(CLEAN.replace("'\\b{SAY} dat\\b'", "'\\b(?:stelt|zegt|zei) dat\\b'"))
    assert any("functions.xx_deny.unless: inline list (?:stelt|zegt|zei) repeats macro SAY"
               in p for p in problems), problems


def test_unused_macro_fails() -> None:
    problems = _lint(CLEAN.replace("  SAY: [zegt, zei, stelt]\n",
                                   "  SAY: [zegt, zei, stelt]\n  SPARE: [ooit, soms]\n"))
    assert problems == ["macros.SPARE: never used"]


def test_macro_used_before_its_definition_fails() -> None:
    swapped = CLEAN.replace("  SAY: [zegt, zei, stelt]\n  DENY: [ontkent, ontkende, '{SAY} niet']",
                            "  DENY: [ontkent, ontkende, '{SAY} niet']\n  SAY: [zegt, zei, stelt]")
    assert _lint(swapped) == ["macros.DENY: uses {SAY}, defined below it"]
    data = yaml.safe_load(CLEAN)
    late = {"functions": data["functions"], "macros": data["macros"]}  # macros at the end
    assert lint_lexicon(late) == [
        "functions: uses {DENY} before the macros section: move 'macros' above it",
        "functions: uses {SAY} before the macros section: move 'macros' above it"]
    assert _lint(CLEAN.replace("'\\b{SAY} dat\\b'", "'\\b{ZEG} dat\\b'")) == \
        ["functions: uses {ZEG}, never defined"]


def test_word_list_written_twice_fails() -> None:
    data = yaml.safe_load(CLEAN)
    data["functions"]["xx_accuse"]["unless"] = ["\\b(?:weerlegt|viseert|betwist) niets\\b",
                                                 "^(?:betwist|weerlegt|viseert)\\b"]
    problems = lint_lexicon(data)
    assert len(problems) == 1 and "betwist|viseert|weerlegt is written inline 2 times" \
        in problems[0], problems
    # two words only, or suffixes after a stem ("ontken(?:t|de|den)"), are no word list
    data["functions"]["xx_accuse"]["unless"] = ["\\b(?:weerlegt|betwist) x", "(?:weerlegt|betwist)",
                                                 "\\bontken(?:t|de|den)", "\\bverzwijg(?:t|de|den)",
                                                 "\\b(?:a|b)(?:t|de|den)", "\\bc(?:t|de|den)"]
    assert lint_lexicon(data) == []


def test_bare_yaml_boolean_in_a_word_list_fails() -> None:
    data = yaml.safe_load(CLEAN.replace("[zegt, zei, stelt]", "[zegt, zei, true]"))
    problems = lint_lexicon(data)
    assert any("macros.SAY" in p and "YAML boolean" in p for p in problems)
    data = yaml.safe_load("abbreviations: [mr, no]\n" + CLEAN)
    assert any(p.startswith("abbreviations:") for p in lint_lexicon(data))
    assert not any("boolean" in p for p in lint_lexicon(yaml.safe_load(CLEAN)))


def test_open_lookbehind_fails_and_the_shipped_one_reads_names_ending_in_it() -> None:
    """(?<!de ) also rules out "Westerlinde " before the cue; (?<!\\bde ) only the word "de"."""
    open_ = CLEAN.replace("'\\b(?:beschuldigt|", "'(?<!de )\\b(?:beschuldigt|")
    problems = _lint(open_)
    assert len(problems) == 1 and "(?<!de )" in problems[0] and "(?<!\\bde )" in problems[0]
    assert _lint(open_.replace("(?<!de )", "(?<!\\bde )")) == []
    labeler = RuleLabeler()
    said = "Oppositiepartij Groen Westerlinde verwijt schepen Van Loock dat hij loog."
    assert labeler.label_one(said, "nl")[0] == "accusation"
    assert labeler.label_one("Het verwijt van de oppositie kwam laat.", "nl")[0] == "neutral"


def test_cli_reports_a_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "xx.yaml"
    bad.write_text(CLEAN.replace("  SAY: [zegt, zei, stelt]\n",
                                 "  SAY: [zegt, zei, stelt]\n  SPARE: [ooit, soms]\n"),
                   encoding="utf-8")
    assert main([str(bad)]) == 1
    assert "xx.yaml: macros.SPARE: never used" in capsys.readouterr().out


def test_today_format_still_loads(tmp_path: Path) -> None:
    """Schema kept backward compatible: macros after the functions, a long pattern, and a
    context file without macros still load and label (the linter only advises)."""
    data = yaml.safe_load(CLEAN)
    long = "\\b(?:" + "|".join(["beschuldigt", *(f"woord{i}" for i in range(40))]) + ")\\b"
    data["functions"]["xx_accuse"]["patterns"] = [long]
    late = {"negation": data["negation"], "functions": data["functions"],
            "macros": data["macros"]}
    (tmp_path / "xx.yaml").write_text(yaml.safe_dump(late, sort_keys=False),
                                        encoding="utf-8")
    (tmp_path / "context").mkdir()
    (tmp_path / "context" / "xx.yaml").write_text("continuation: ['^dat {SAY}\\b']\n"
                                                  "macros:\n  SAY: [zegt, blijkt]\n")
    labeler = RuleLabeler(str(tmp_path), "xx")
    assert labeler.label_one("Jan beschuldigt de buurman.")[0] == "accusation"
    assert labeler.label_one("Piet ontkende het.")[0] == "denial"
    rules = load_continuations(tmp_path, "xx")
    assert rules is not None and rules.continuation is not None
    assert rules.continuation.search("dat blijkt uit een rapport")
    assert not rules.continuation.search("dat bleek uit een rapport")


def test_a_name_written_twice_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """YAML keeps only the last of two keys of the same name, so a second function called like
    an earlier one silently switched the first off; the linter names both copies' name."""
    assert duplicate_keys(CLEAN) == []
    fn = CLEAN[CLEAN.index("  xx_accuse:"):]
    twice = CLEAN + fn
    problems = duplicate_keys(twice)
    assert len(problems) == 1 and problems[0].startswith("functions.xx_accuse: written twice")
    bad = tmp_path / "xx.yaml"
    bad.write_text(twice, encoding="utf-8")
    assert main([str(bad)]) == 1
    assert "xx.yaml: functions.xx_accuse: written twice" in capsys.readouterr().out


def test_context_file_with_a_key_written_twice_is_refused(tmp_path: Path) -> None:
    """A context file loses its first list silently when a key is written twice, so loading
    refuses it in one line that names the file and the key (the lexicons are refused alike)."""
    (tmp_path / "context").mkdir()
    path = tmp_path / "context" / "xx.yaml"
    path.write_text("continuation: ['^dat\\b']\nspeech: ['zegt']\ncontinuation: ['^ook']\n",
                    encoding="utf-8")
    with pytest.raises(ValueError, match=r"malformed context file .*xx\.yaml: continuation: "
                                         r"written twice \(line 3\)"):
        load_continuations(tmp_path, "xx")
    path.write_text("continuation: ['^dat\\b']\nspeech: ['zegt']\n", encoding="utf-8")
    rules = load_continuations(tmp_path, "xx")
    assert rules is not None and rules.speech is not None
