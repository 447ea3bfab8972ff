"""The tiers of the rule labeler: the one table of their priority, label and reason.

Every labeling function in a lexicon belongs to a tier. When several functions fire on a
sentence, the highest tier among them decides its label; a sentence on which nothing fires is
neutral. Long sentences read in windows pool their windows' votes by the same priority. This
table is the only place the order is written: the lexicon compiler checks tier names against
it, the matcher ranks votes by it, and the lexicon files refer to it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

NEUTRAL = "neutral"
#: The tier a negated cue votes for when a scope negator ("no evidence that ...") voids it.
CANCELLED = "cancelled"


@dataclass(frozen=True)
class Tier:
    """One tier: its name in the lexicons, the label it votes for, and why it sits where it
    does in the priority order."""

    name: str
    label: str
    why: str


#: Highest priority first.
TIER_TABLE: tuple[Tier, ...] = (
    Tier("subordinated_denial", "accusation",
         '"ondanks haar ontkenning", "which it denies", "although he denies": a denial the main '
         "clause pushes aside presupposes a charge that the sentence maintains. It must outrank "
         "explicit denial because the denial word is there."),
    Tier("denial_explicit", "denial",
         "Denial verbs (ontkennen, tegenspreken, deny, reject the allegations...) are almost "
         "always the main verb when present, and the accusation words around them are the "
         'content being denied ("ontkent fraude te hebben gepleegd").'),
    Tier("admission", "accusation",
         'Negated denial ("ontkent niet"), admissions, prosecutors appealing, and alleged '
         'omissions whose negator belongs to the charge ("zou signalen niet hebben '
         'doorgegeven", "heeft de lozing nooit gemeld"): without this tier the negator would '
         'make them vote for a denial. Below explicit denial because "ontkent niet dat ..., '
         'maar wijst elke schuld af" is a denial by the guideline.'),
    Tier("denial_implicit", "denial",
         'Innocence, compliance, "niets te verbergen", pleading not guilty, appeals and '
         'objections by the accused, negated wrongdoing ("heeft nooit gelogen", first-person '
         '"niemand is door mij geïntimideerd"), a clean record or an alternative cause '
         '("pointed instead to the heat wave"). These answer a charge, so they outrank the '
         "charge words they often mention."),
    Tier("no_position", NEUTRAL,
         '"wilde niet reageren", "declined to comment", an acquittal or a dropped case, a wrong '
         'whose author is unknown or unnamed ("onbekenden", "the league has not named them"): '
         "taking no position, a charge that fell, or nobody to charge (guideline step 1) beats "
         "the accusation words such sentences usually contain."),
    Tier("defence_voice", "denial",
         'The defending party is the speaker: "volgens zijn advocaat ...", "wijst erop dat ...", '
         '"the company\'s lawyer said ...", "a spokesperson for the firm said ...". The speaker '
         "decides the speech act (guideline: the main clause decides), so charge words in such a "
         "sentence are what the defence answers, and it outranks them. On the real-news-style "
         "dev rounds (session 12) the defence's voice was right about twice as often as the "
         "accusation words beside it (en 29 / 11, nl 25 / 15 sentences). A legal fact "
         '("charged", "vervolgd") is a fact whoever reports it: those functions stand aside '
         "when one is in the sentence (``LEGAL_FACT`` in the lexicons)."),
    Tier("accusation", "accusation",
         "Accusation and blame verbs and idioms, suspicion, charges, arrests and sanctions of a "
         'named party, convictions, fines, hedged hearsay ("zou ... hebben" + wrongdoing, "is '
         'said to have"), wrongdoing verbs in all their forms (Dutch separable verbs with their '
         'object in between: "hield het rapport achter"), evidence and testimony backing a '
         'charge ("the jury heard", "dat deze krant kon inzien"), evaluative words aimed at a '
         'named party ("nalatig", "reckless").'),
    Tier(CANCELLED, NEUTRAL,
         'Negated accusation cues ("wordt niet verdacht", "was not charged", "geen bewijs van '
         'fraude"). Below every real cue, so that it only decides when no other cue in the '
         "sentence stands, but above the two weak voice tiers: a negated cue is a more specific "
         "signal than who is speaking."),
    Tier("denial_weak", "denial",
         "The defending side's account with no other cue and no named speaker of its own: a "
         'Dutch first-person quotation ("wij hebben altijd ..."), a counter-explanation ("was '
         'caused by"), insisting and stressing. In stance reporting the defender\'s own account '
         "is the counter-story that answers the charge, but these shapes also carry plain "
         "statements, so every real cue outranks them."),
    Tier("accusation_weak", "accusation",
         'The accusing side\'s voice or record about a named party with no other cue: "volgens '
         'het rapport ...", "according to the affidavit ...", complaints about a firm. Lowest, '
         "because such sources also report plain facts; below the defender's voice because a "
         "sentence naming both is usually the defence quoting the charge."),
)

#: (name, label) pairs, highest priority first.
TIERS: tuple[tuple[str, str], ...] = tuple((t.name, t.label) for t in TIER_TABLE)
#: Tier name -> its position in the priority order (0 is the highest).
TIER_RANK: dict[str, int] = {t.name: rank for rank, t in enumerate(TIER_TABLE)}
#: Tier name -> the label it votes for.
TIER_LABEL: dict[str, str] = {t.name: t.label for t in TIER_TABLE}


def is_tier(name: object) -> bool:
    """Is ``name`` a tier of the table?"""
    return isinstance(name, str) and name in TIER_RANK


def by_priority(fired: dict[str, str]) -> list[str]:
    """Names of fired functions (name -> tier), highest tier first, ties by name."""
    return sorted(fired, key=lambda name: (TIER_RANK[fired[name]], name))


def pool(votes: Iterable[dict[str, str]]) -> dict[str, str]:
    """Union of several fired-function maps; a name fired more than once keeps its highest
    tier (windows of one long sentence are pooled this way)."""
    fired: dict[str, str] = {}
    for one in votes:
        for name, tier in one.items():
            old = fired.get(name)
            if old is None or TIER_RANK[tier] < TIER_RANK[old]:
                fired[name] = tier
    return fired
