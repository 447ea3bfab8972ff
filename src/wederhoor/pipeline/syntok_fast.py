"""syntok's sentence starts for a line, worked out without running syntok where that is safe.

syntok (a tokenizer and a state machine in pure Python, several objects per token) was nearly
all of the split's time. On one line it can start a sentence only at a *terminal* token
(``. ! ? ; ...`` and a few CJK and full-width forms) or at a bracket; every other token is just
moved along. This module visits only the chunks (runs of non-space, cut exactly where syntok's
tokenizer cuts them) that hold a character of such a token, takes their tokens (exactly
syntok's: the plain shape "quote, word, terminal, quote" is recognised directly, any other
chunk goes through syntok's own tokenizer) and follows syntok through them:

- a chunk whose special characters sit inside tokens ("3.5", "www.nos.nl", "?!") changes
  nothing;
- a bracketed group that syntok moves over whole (its opening bracket follows a token syntok
  moved in its inner state, it closes within syntok's 50-token window, nothing special
  inside), also over several chunks, changes nothing;
- a terminal after a token of its chunk, followed by at most a closing quote and either the
  chunk's end or inner punctuation (", :"), is decided by the same tests, in the same order,
  on the same token values as syntok's ``State._move_and_maybe_extract_terminal``
  (``_splits``); that includes syntok's first-token state, which the pass keeps track of.

Any other shape (a sentence that opens with a bracket, a bracket right after a terminal, two
terminals, ``...``, a terminal that opens a chunk) gives None and the caller runs syntok itself:
the starts are always syntok's own, only cheaper to get for nearly every line.
``tests/test_syntok_fast.py`` checks agreement on hand-written Dutch and English lines, on
random lines built from hard pieces and on every line of the seed corpus.
"""

from __future__ import annotations

import re

import regex
from syntok._segmentation_states import State
from syntok.tokenizer import Tokenizer

# Chunks exactly as syntok's tokenizer finds them. Its pattern uses the `regex` module, whose
# \s differs from `re`'s only on the four ASCII separators \x1c-\x1f (checked by a test): a
# line holding one of those is left to syntok, and `re` (faster here) cuts the rest.
_SPACE_DIFFERENCE = re.compile("[\x1c-\x1f]")
_CHUNK = re.compile(r"[^\s\u200b]+")
_RUN = re.compile(r"[^\s\u200b]*")
_SPACE = re.compile(r"[\s\u200b]")

# Every token that can make syntok decide something: terminals and brackets. A chunk without
# any of their characters yields none of them (tokens are substrings of their chunk).
_SPECIAL_TOKENS = frozenset(State.terminals | State.opening_brackets | State.closing_brackets)
_SPECIAL = re.compile("[" + re.escape("".join(sorted(set("".join(_SPECIAL_TOKENS))))) + "]")

# Terminals this module decides after; closing quotes it lets follow them (the ones syntok
# moves into the sentence when they touch the terminal and that are no bracket).
_TERMINALS = frozenset(".!?;")
_QUOTES = frozenset("\"'´’”")
# The usual ending: non-word prefix (quotes), one alphanumeric word, a terminal, a quote.
_PLAIN_END = re.compile(r"([^\w]*)([^\W_]+)([.!?;])([\"'´’”]?)")
# A chunk that opens with an alphanumeric word and holds nothing but punctuation after it.
_PLAIN_WORD = re.compile(r"([^\W_]+)[^\w]*")
# A lowercase letter followed by an uppercase one: syntok's tokenizer cuts a word there.
_CASE_CUT = regex.compile(r"\p{Ll}\p{Lu}")
_ALNUM = re.compile(r"[^\W_]")

_NO = ("no", "No", "NO")
_MAX_GROUP_TOKENS = 50  # syntok looks this many tokens ahead for a closing bracket


def _match_end(pattern: re.Pattern[str], line: str, at: int) -> int:
    """Where a match of ``pattern`` starting at ``at`` ends (``at`` when there is none)."""
    match = pattern.match(line, at)
    return match.end() if match else at


def _splits(before: str, after: str, following: str, first: bool) -> bool:
    """syntok's decision after ``before`` + terminal: True splits, False continues.

    ``after`` is the first token after the terminal (a closing quote, or ``following``);
    ``following`` is the first token of the next chunk, so it has spacing and the two tests
    on tokens without spacing never apply; ``first``: syntok is in its first-token state
    (``before`` opened the sentence). The other tests are syntok's, in syntok's order.
    """
    single = len(before) == 1 or before in State.roman_numerals
    if following[:1].islower() or following in State.inner_sentence_punctuation:
        return False
    if not (first and single) and following in State.starters:
        return True
    if before in State.abbreviations and after not in State.closing_brackets:
        return False
    if before in _NO and any(c.isnumeric() for c in following) and following.isalnum():
        return False
    if following.isnumeric() and len(following) > 2:
        return False
    if before.isnumeric() and following in State.months:
        return False
    if before in State.months and following.isnumeric():
        return False
    if "." in before and after != ".":
        return False
    if (first or before.isupper()) and single:
        return False
    return not (len(before) == 1 and before.isalpha() and before not in State.vowels)


def _case_cut(word: str) -> bool:
    """Whether syntok's tokenizer cuts ``word`` (alphanumeric) where a lowercase letter meets
    an uppercase one ("McDonald"); all-lowercase tails and all-capital words skip the regex."""
    return not (word[1:].islower() or word.isupper()) and _CASE_CUT.search(word) is not None


def _chunk_start(line: str, at: int, after: int) -> int:
    """Where the chunk holding position ``at`` begins (not before ``after``, a chunk's end)."""
    begin = max(line.rfind(" ", after, at) + 1, after)
    for space in _SPACE.finditer(line, begin, at):  # a tab or another space character
        begin = space.end()
    return begin


def _next_chunk_starts_at(line: str, end: int, begin: int) -> bool:
    """Whether the chunk after the one ending at ``end`` is the one starting at ``begin``."""
    following = _CHUNK.search(line, end)
    return following is not None and following.start() == begin


class _Line:
    """One pass over a line's special chunks, in order, keeping the little state syntok's
    decisions depend on: where its first-token state will move a token next (``first_at``)
    and where the last chunk ending in a closing bracket ends."""

    def __init__(self, line: str, first_at: int, fast: FastStarts) -> None:
        self.line = line
        self.starts = [first_at]
        self.first_at = first_at
        self.closed_at = -1
        self.fast = fast

    def chunk(self, begin: int, end: int, values: list[str]) -> int:
        """Follow syntok through a chunk's tokens (and on through a later chunk where a
        bracketed group closes): the end of the last chunk followed, or -1 where this module
        cannot follow syntok."""
        i = 0
        while i < len(values):
            value = values[i]
            if value not in _SPECIAL_TOKENS:
                i += 1
            elif value in State.opening_brackets:
                found = self._group(begin, end, values, i) if self._skips(begin, values, i) \
                    else None
                if found is None:
                    return -1
                begin, end, values, i = found
                if i == len(values):
                    self.closed_at = end
            else:
                return end if self._terminal(begin, end, values, i) else -1
        return end

    def _skips(self, begin: int, values: list[str], i: int) -> bool:
        """Whether syntok moves over the group opening at ``values[i]``: it does when the
        token before the bracket was moved in its inner state (not its first-token state, not
        right after a terminal or another group)."""
        if i > 0:
            return not ((i == 1 and begin == self.first_at) or values[i - 1] in _SPECIAL_TOKENS)
        first_end = _match_end(_CHUNK, self.line, self.first_at)
        return not (begin == self.first_at or _next_chunk_starts_at(self.line, first_end, begin)
                    or (self.closed_at >= 0
                        and _next_chunk_starts_at(self.line, self.closed_at, begin)))

    def _group(self, begin: int, end: int, values: list[str], i: int
               ) -> tuple[int, int, list[str], int] | None:
        """Where the group opening at ``values[i]`` closes: (chunk begin, chunk end, chunk
        values, index after the closing bracket), or None.

        syntok moves over a group that closes within 50 tokens; with no terminal inside (any
        other special token refuses) its length in characters does not matter. A group that
        runs on into later chunks is taken when it spans at most 50 characters (so at most 50
        tokens) and the first special character after its opening chunk closes it.
        """
        j = i + 1
        while j < len(values) and values[j] not in _SPECIAL_TOKENS:
            j += 1
        if j < len(values):
            closes = values[j] in State.closing_brackets and j - i < _MAX_GROUP_TOKENS
            return (begin, end, values, j + 1) if closes else None
        hit = _SPECIAL.search(self.line, end)
        if hit is None:
            return None
        close_begin = _chunk_start(self.line, hit.start(), end)
        close_end = _match_end(_RUN, self.line, hit.start())
        if close_end - begin > _MAX_GROUP_TOKENS:
            return None  # more characters than syntok's window holds tokens: not followed
        values = self.fast.values(self.line[close_begin:close_end])
        j = next((k for k, v in enumerate(values) if v in _SPECIAL_TOKENS), len(values))
        if j == len(values) or values[j] not in State.closing_brackets:
            return None  # the next special character sits inside a token ("3.5"), or opens
        return close_begin, close_end, values, j + 1

    def _terminal(self, begin: int, end: int, values: list[str], k: int) -> bool:
        """Decide the boundary after the terminal ``values[k]``; False for a shape this
        module does not follow.

        After the terminal may come a closing quote (moved into the sentence), then either
        the chunk's end (the next chunk's first token decides) or inner punctuation (",",
        ":"), which always continues the sentence.
        """
        if k == 0 or values[k] not in _TERMINALS:
            return False
        tail = values[k + 1:]
        quote = tail[0] if tail and tail[0] in _QUOTES else ""
        rest = tail[1:] if quote else tail
        first = k == 1 and begin == self.first_at
        if rest:
            return not first and rest[0] in State.inner_sentence_punctuation \
                and not any(v in _SPECIAL_TOKENS for v in rest)
        following = _CHUNK.search(self.line, end)
        if following is None:
            return True  # the line's last chunk: nothing after it to start a sentence
        nxt = self.fast.first_token(following.group())
        if nxt in _SPECIAL_TOKENS:
            return False
        if _splits(values[k - 1], quote or nxt, nxt, first):
            self.starts.append(following.start())
            self.first_at = following.start()
        elif first:
            self.first_at = following.start()  # syntok stays in its first-token state
        return True


class FastStarts:
    """Sentence starts of a line as syntok would give them, or None where syntok must run."""

    def __init__(self) -> None:
        self._tokenizer = Tokenizer(replace_not_contraction=False)

    def __call__(self, line: str) -> list[int] | None:
        if _SPACE_DIFFERENCE.search(line):
            return None
        first = _CHUNK.search(line)
        if first is None:
            return []
        scan = _Line(line, first.start(), self)
        done = 0  # end of the last chunk looked at
        for hit in _SPECIAL.finditer(line):
            at = hit.start()
            if at < done:
                continue  # a second special character of the same chunk
            begin, end = _chunk_start(line, at, done), _match_end(_RUN, line, at)
            done = scan.chunk(begin, end, self.values(line[begin:end]))
            if done < 0:
                return None
        return scan.starts

    def values(self, chunk: str) -> list[str]:
        """The values of the tokens syntok's tokenizer makes of ``chunk``."""
        plain = _PLAIN_END.fullmatch(chunk)
        if plain is not None and not _case_cut(plain.group(2)) \
                and not (plain.group(1) and _SPECIAL.search(plain.group(1))):
            values = [*plain.group(1), plain.group(2), plain.group(3)]
            if plain.group(4):
                values.append(plain.group(4))
            return values
        return [t.value for t in self._tokenizer.tokenize(chunk)]

    def first_token(self, chunk: str) -> str:
        """The value of the first token syntok's tokenizer makes of ``chunk``."""
        if not chunk[0].isalnum():
            return chunk[0] if _ALNUM.search(chunk) else chunk
        plain = _PLAIN_WORD.fullmatch(chunk)
        if plain is not None and not _case_cut(plain.group(1)):
            return plain.group(1)
        return next(iter(self._tokenizer.tokenize(chunk))).value
