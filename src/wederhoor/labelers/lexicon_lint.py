"""Style rules for lexicon files, so that they stay readable as rules are added.

A lexicon is read by people adding rules far more often than by the code, so:

1. no pattern (a function's, a macro entry, any other pattern field) is longer than
   ``MAX_PATTERN_CHARS``: split a long pattern into several entries of the same field (a list
   means any of its entries) or name its word lists as macros;
2. no inline alternation repeats a macro's entries: write ``{NAME}``;
3. every macro is used;
4. every macro is defined before its first use: the ``macros`` section comes before the
   sections that use macros, and a macro uses only macros above it;
5. a word list (``(?:a|b|c)`` of at least ``MIN_LIST_WORDS`` plain words or phrases) written
   inline in two places is a macro;
6. no word in a list is a bare YAML boolean (``true``, ``false``, ``yes``, ``no``, ``on``,
   ``off``): YAML reads it as True / False, so the word would never match; quote it;
7. no name is written twice in one mapping (two functions or two macros of the same name):
   YAML keeps only the last one, so the first would silently stop working;
8. a lookbehind that rules out a word before the match starts at a word boundary,
   ``(?<!\\bde )`` not ``(?<!de )``: the open one also rules out the end of any longer word,
   so "Westerlinde verwijt" was read as "de verwijt" and lost its accusation.

``python -m wederhoor.labelers.lexicon_lint [FILE ...]`` prints the problems of the given
lexicon files (by default the shipped ones) and exits 1 when there are any.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import yaml

from wederhoor.labelers.lexicon_compiler import MACRO_REF
from wederhoor.labelers.regex_parse import alternations

MAX_PATTERN_CHARS = 200
MIN_LIST_WORDS = 3
_WORD = re.compile(r"[\w' -]+(?:\\w[*+])?")  # a plain word or phrase, maybe with \w* after it
#: Sections holding patterns, other than ``functions`` and ``macros``: key -> pattern fields
#: (None: the section itself is the pattern field).
_SECTIONS: dict[str, tuple[str, ...] | None] = {
    "negation": ("clause_breaks", "scope", "scope_stop"),
    "attribution": ("quote_tail", "plain_tail"),
    "subordinate": None,
    "party_nouns": None,
    "continuation": None,  # lexicons/context/<lang>.yaml
    "speaker": None,
}
_FUNCTION_FIELDS = ("patterns", "requires", "unless", "cased")
_OPEN_LOOKBEHIND = re.compile(r"\(\?<[!=][a-z][^()]*? \)")  # (?<!de ) with no \b before "de"


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(v) for v in value if isinstance(v, (str, int, float))]
    return []


def _section_patterns(key: str, section: object) -> Iterator[tuple[str, str]]:
    if key == "macros" and isinstance(section, dict):
        for name, words in section.items():
            yield from ((f"macros.{name}", w) for w in _strings(words))
    elif key == "functions" and isinstance(section, dict):
        for name, spec in section.items():
            spec_fields = spec if isinstance(spec, dict) else {}
            for field in _FUNCTION_FIELDS:
                yield from ((f"functions.{name}.{field}", p)
                            for p in _strings(spec_fields.get(field)))
    elif key in _SECTIONS:
        fields = _SECTIONS[key]
        if fields is None:
            yield from ((key, p) for p in _strings(section))
        elif isinstance(section, dict):
            for field in fields:
                yield from ((f"{key}.{field}", p) for p in _strings(section.get(field)))


def lexicon_patterns(data: dict) -> Iterator[tuple[str, str]]:
    """(where, pattern) for every pattern of a parsed lexicon, macro entries included, in the
    order of the file's sections."""
    for key, section in data.items():
        yield from _section_patterns(str(key), section)


def _word_lists(pattern: str) -> Iterator[frozenset[str]]:
    for alt in alternations(pattern):
        if not alt.after_word and len(alt.alternatives) >= MIN_LIST_WORDS \
                and all(_WORD.fullmatch(a) for a in alt.alternatives):
            yield frozenset(alt.alternatives)


def _too_long(patterns: list[tuple[str, str]]) -> list[str]:
    return [f"{where}: pattern of {len(p)} characters (at most {MAX_PATTERN_CHARS}): split it "
            f"into entries or name its word lists as macros: {p[:60]}..."
            for where, p in patterns if len(p) > MAX_PATTERN_CHARS]


def _duplicates_a_macro(patterns: list[tuple[str, str]], macros: dict) -> list[str]:
    bodies = {frozenset(_strings(words)): name for name, words in macros.items()}
    problems = []
    for where, p in patterns:
        for alt in alternations(p):
            name = bodies.get(frozenset(alt.alternatives))
            if name is not None and not alt.after_word and where != f"macros.{name}":
                problems.append(f"{where}: inline list {p[alt.start:alt.end]} repeats macro "
                                f"{name}: write {{{name}}}")
    return problems


def _macro_order(data: dict, macros: dict) -> list[str]:
    problems = []
    defined: set[str] = set()
    names = list(macros)
    for name in names:
        for w in _strings(macros[name]):
            for ref in MACRO_REF.findall(w):
                if ref not in defined:
                    later = "defined below it" if ref in macros else "never defined"
                    problems.append(f"macros.{name}: uses {{{ref}}}, {later}")
        defined.add(name)
    seen_macros = False
    for key in data:
        if key == "macros":
            seen_macros = True
            continue
        refs = {r for where, p in lexicon_patterns({key: data[key]}) for r in MACRO_REF.findall(p)}
        for ref in sorted(refs):
            if ref not in macros:
                problems.append(f"{key}: uses {{{ref}}}, never defined")
            elif not seen_macros:
                problems.append(f"{key}: uses {{{ref}}} before the macros section: move "
                                "'macros' above it")
    return problems


def _unused(patterns: list[tuple[str, str]], macros: dict) -> list[str]:
    used = {r for _, p in patterns for r in MACRO_REF.findall(p)}
    return [f"macros.{name}: never used" for name in macros if name not in used]


def _repeated_lists(patterns: list[tuple[str, str]]) -> list[str]:
    counts: Counter[frozenset[str]] = Counter()
    where_first: dict[frozenset[str], str] = {}
    for where, p in patterns:
        for words in _word_lists(p):
            counts[words] += 1
            where_first.setdefault(words, where)
    return [f"{where_first[w]}: the list {'|'.join(sorted(w))} is written inline {n} times: "
            "make it a macro" for w, n in counts.items() if n > 1]


def _open_lookbehinds(patterns: list[tuple[str, str]]) -> list[str]:
    return [f"{where}: lookbehind {m.group()} also matches the end of a longer word: write "
            f"{m.group()[:4]}\\b{m.group()[4:]}"
            for where, p in patterns for m in _OPEN_LOOKBEHIND.finditer(p)]


def _booleans(data: dict, macros: dict) -> list[str]:
    """Entries of the macros and the abbreviations that YAML read as booleans."""
    lists = [(f"macros.{name}", words) for name, words in macros.items()]
    lists.append(("abbreviations", data.get("abbreviations")))
    return [f"{where}: an entry was read as the YAML boolean {word} (a bare yes, no, true, "
            "false, on or off): quote it"
            for where, words in lists if isinstance(words, list)
            for word in words if isinstance(word, bool)]


def lint_lexicon(data: dict) -> list[str]:
    """The style problems of a parsed lexicon, one line each (empty: none)."""
    macros = data.get("macros") or {}
    if not isinstance(macros, dict):
        return ["macros: expected a mapping NAME -> list"]
    patterns = list(lexicon_patterns(data))
    return (_too_long(patterns) + _duplicates_a_macro(patterns, macros)
            + _unused(patterns, macros) + _macro_order(data, macros) + _repeated_lists(patterns)
            + _booleans(data, macros) + _open_lookbehinds(patterns))


def duplicate_keys(text: str, loader: type = yaml.SafeLoader) -> list[str]:
    """Keys written twice in one mapping of a YAML text (rule 7), as "section.name: ..." lines;
    read from the node tree, because a parsed mapping has already dropped the first copy.
    The lexicon loader refuses such a file too (``loader``: the YAML loader class to use)."""
    problems: list[str] = []

    def walk(node: yaml.Node, where: str) -> None:
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in node.value:
                name = str(key.value)
                if name in seen:
                    line = key.start_mark.line + 1
                    problems.append(f"{where}{name}: written twice (line {line});"
                                    " YAML keeps only the last, rename one")
                seen.add(name)
                walk(value, f"{where}{name}.")
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item, where)

    root = yaml.compose(text, Loader=loader)
    if root is not None:
        walk(root, "")
    return problems


def lint_file(path: Path) -> list[str]:
    """``lint_lexicon`` of one YAML file, each problem prefixed with the file's path."""
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    if not isinstance(data, dict):
        return [f"{path}: expected a mapping"]
    return [f"{path}: {problem}" for problem in duplicate_keys(text) + lint_lexicon(data)]


def shipped_lexicons() -> list[Path]:
    """The lexicon files that ship with the package (context files included)."""
    folder = Path(__file__).resolve().parent / "lexicons"
    return sorted(folder.glob("*.yaml")) + sorted((folder / "context").glob("*.yaml"))


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or shipped_lexicons()
    problems = [p for path in paths for p in lint_file(path)]
    print("\n".join(problems) or f"{len(paths)} lexicon files: no problems")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
