"""Interview answers: in a question-and-answer interview, the answers that carry no cue keep
the side the interviewee's cued answers take.

A Q&A piece with the accused ("Q: The audit says you voted on payments to your son's firm.",
"Is that true?") prints the answers as plain prose: "We had a €6 million payment due on the
Naas job", "Everybody out here knows Tyler is my son." No labeling function fires on most of
them, and no speaker is named, so the other context rules leave them neutral. Read as a
whole, they are the interviewee's side, and an interview with the accused is mostly denial.

A document is read as an interview when at least ``MIN_QUESTIONS`` of its sentences are
questions (a question mark at the end, or a "Q:" / "V:" label) and at least
``MIN_ADDRESSED`` of them address someone ("you", "u"): a fact-check or an explainer asks
its questions of nobody ("Did the council really ban backyard chickens?"). Its answers are
the sentences after the first question that are not questions themselves. Where the answers
whose own cues give a side deny more often than they charge, each answer with no cue is a
denial. An interview with an accuser (a whistleblower telling what she saw) has mostly
charges among its cued answers and is left as it is: there the uncued answers were as often
neutral as charges.

On the real-news-style dev rounds (session 16): 51 such sentences in 5 English documents
were denials 37 times, neutral 10 times and accusations 4 times; no Dutch document met the
conditions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from wederhoor.labelers.text import normalise

#: questions a document needs to be read as an interview, and how many must address someone
MIN_QUESTIONS = 3
MIN_ADDRESSED = 2
#: a raw sentence that may be a question (a question mark, or a label with a colon): the
#: context file's ``question`` patterns are read only on these, so most sentences cost nothing
_MAY_ASK = re.compile(r"[?:]")


def interview_answers(question: re.Pattern[str], addressed: re.Pattern[str],
                      texts: Sequence[str], span: range, labels: list[str],
                      evidence: list[str], tag: str, own_cue: Callable[[str], bool]) -> None:
    """In place: if the document ``span`` is an interview whose cued answers deny more than
    they charge, its answers with no cue become denials with evidence ``tag``.

    ``question`` and ``addressed`` match the normalised text (``labelers/text.normalise``);
    ``own_cue`` tells evidence a labeling function gave from evidence a context rule gave.
    """
    maybe = [k for k in span if _MAY_ASK.search(texts[k])]
    if len(maybe) < MIN_QUESTIONS:
        return
    seen = {k: normalise(texts[k]).strip() for k in maybe}  # once per sentence
    asked = [k for k in maybe if question.search(seen[k])]
    if len(asked) < MIN_QUESTIONS or sum(
            addressed.search(seen[k]) is not None for k in asked) < MIN_ADDRESSED:
        return
    questions = set(asked)
    answers = [k for k in range(asked[0] + 1, span.stop) if k not in questions]
    sides = Counter(labels[k] for k in answers if own_cue(evidence[k]))
    if sides["denial"] <= sides["accusation"]:
        return
    for k in answers:
        if not evidence[k]:
            labels[k] = "denial"
            evidence[k] = tag
