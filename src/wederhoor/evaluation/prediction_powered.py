"""The shares a study reports, from a model's labels corrected by the documents one labelled.

On published news the best model is right on two thirds to three quarters of the sentences,
so its count of, say, accusing articles that are answered can be off by twenty points, and
an interval drawn around that count says nothing of the model's errors. Labelling a random
sample of the documents by hand gives an unbiased share, but a wide one. Prediction-powered
inference (Angelopoulos, Bates, Fannjiang, Jordan and Zrnic, *Science* 2023) uses both: the
model's mean over the documents nobody labelled, plus the mean of (gold - model) over the
labelled ones, which removes the model's bias; the interval stays valid however poor the
model is, and narrows as it gets better. The model's part is weighted by lambda in [0, 1],
chosen from the labelled documents to make the estimate's variance smallest (PPI++,
Angelopoulos, Duchi and Zrnic 2023): a useless model gets weight 0 and the estimate is the
labelled documents' alone.

Every share is a ratio of means over documents (denial sentences of all sentences; answered
documents of accusing ones), so whole documents are drawn with replacement, labelled and
unlabelled apart, with lambda as chosen on all labelled documents (choosing it anew in every
draw widened the intervals of small samples, where it swings); the interval is the
percentiles. A share of documents on which every labelled document is alike (all accuse)
cannot vary in the draws and gets Clopper-Pearson's exact interval instead. Groups sampled
apart (a sample per outlet) are combined as strata, each weighted by its number of
documents (``stratified_rows``), and compared pairwise (``difference_rows``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import numpy as np

from wederhoor import LABELS
from wederhoor.evaluation.documents import document_table

#: What is counted per document, gold or predicted (``one`` counts documents).
QUANTITIES = ("one", "sentences", "accusation", "denial", "neutral", "accuses", "answered")
#: Each share a study reports: (counted, out of), both columns of ``QUANTITIES``.
SHARES: dict[str, tuple[str, str]] = {
    "accusation sentences": ("accusation", "sentences"),
    "denial sentences": ("denial", "sentences"),
    "neutral sentences": ("neutral", "sentences"),
    "accusing documents": ("accuses", "one"),
    "answered of accusing": ("answered", "accuses"),
}
#: Shares counted out of documents, not sentences: an exact interval when the draws cannot vary.
DOCUMENT_COUNTS = ("one", "accuses")
_DRAW_CELLS = 500_000  # documents x draws held at once when drawing


def document_counts(doc_ids: Sequence[str], labels: Sequence[str]) -> np.ndarray:
    """One row per document (in order of first appearance), one column per ``QUANTITIES``."""
    import pandas as pd

    table = document_table(pd.DataFrame({"doc_id": list(doc_ids), "labels": list(labels)}),
                           "labels")
    table["one"] = 1
    return table[list(QUANTITIES)].to_numpy(dtype=float)


def document_scores(doc_ids: Sequence[str], proba: np.ndarray,
                    classes: Sequence[str]) -> np.ndarray:
    """``document_counts``' columns from a model's class probabilities instead of its labels:
    the expected count of each label, and for the flags the probability of the likeliest
    accusation (``accuses``) and that times the probability of the likeliest denial
    (``answered``). A correction needs the model's part to follow the truth, not to be a
    count; on published English news these follow the readers' flags more closely than the
    labels do, and the corrected interval of the answered share narrows by a tenth."""
    import pandas as pd

    column = {label: k for k, label in enumerate(classes)}
    frame = pd.DataFrame({"doc_id": list(doc_ids),
                          **{label: proba[:, column[label]] for label in LABELS}})
    groups = frame.groupby("doc_id", sort=False)
    sums, tops = groups[list(LABELS)].sum(), groups[list(LABELS)].max()
    return np.column_stack([np.ones(len(sums)), groups.size().to_numpy(dtype=float),
                            *(sums[label].to_numpy() for label in LABELS),
                            tops["accusation"].to_numpy(),
                            (tops["accusation"] * tops["denial"]).to_numpy()])


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, num / np.where(den > 0, den, 1), np.nan)


def _lambda(spread: Spread | None, labelled: int, unlabelled: float) -> float:
    """The weight of the model's part that makes the corrected share's variance smallest:
    lambda minimises the variance of the share's linear part, (counted - share x out of),
    estimated on the labelled documents (``spread``), and shrinks by n / N for the
    unlabelled mean's own noise; 0 when nothing is left unlabelled, fewer than two documents
    are labelled or the model's part does not vary."""
    if spread is None or not unlabelled or spread.model <= 0:
        return 0.0
    return float(np.clip(spread.joint / spread.model / (1 + labelled / unlabelled), 0.0, 1.0))


def _corrected_means(gold: np.ndarray, model: np.ndarray, unlabelled: np.ndarray,
                     num: int, den: int, lam: float) -> tuple[np.ndarray, np.ndarray]:
    """The prediction-powered means per document of a share's two counts (counted, out of)
    for every draw at once: ``gold`` and ``model`` (draws, labelled documents, quantities),
    ``unlabelled`` (draws, quantities) the model's means over the drawn unlabelled documents,
    ``lam`` the weight of the model's part, chosen once on all labelled documents."""
    means = [lam * unlabelled[:, q] + (gold[:, :, q] - lam * model[:, :, q]).mean(1)
             for q in (num, den)]
    return means[0], means[1]


def _draws(n: int, n_boot: int, rng: np.random.Generator) -> list[np.ndarray]:
    """Indices of whole documents drawn with replacement, ``n_boot`` rows, in chunks."""
    size = max(1, _DRAW_CELLS // max(n, 1))
    return [rng.integers(0, n, size=(min(size, n_boot - start), n))
            for start in range(0, n_boot, size)]


def share_rows(gold: np.ndarray, model_labelled: np.ndarray, model_unlabelled: np.ndarray,
               n_boot: int = 2000, seed: int = 0) -> list[dict[str, Any]]:
    """One row per share in ``SHARES``: the model's count over every document, the labelled
    documents' share with its interval, and the prediction-powered share with its interval
    and lambda. Arrays are ``document_counts`` of the labelled documents (gold and the
    model's labels) and of the unlabelled ones (the model's)."""
    return share_draws(gold, model_labelled, model_unlabelled, n_boot, seed)[0]


@dataclass
class Means:
    """A share's two counts as means per document (counted, out of): the labelled
    documents' alone, the corrected ones and the model's over every document, each as one
    pair and, for the first two, one pair per draw."""

    alone: np.ndarray
    corrected: np.ndarray
    model: np.ndarray
    alone_draws: np.ndarray
    corrected_draws: np.ndarray
    spread: Spread | None = None


@dataclass(frozen=True)
class Spread:
    """What a share's variance is made of, per document and on the share's scale: the
    truth's part (``truth``), the model's (``model``), how they go together (``joint``),
    all on the labelled documents, and the model's part over every document
    (``model_all``); enough to tell how the interval narrows with more labelled documents
    (``documents_for_width``)."""

    truth: float
    model: float
    joint: float
    model_all: float
    documents: int


def share_draws(gold: np.ndarray, model_labelled: np.ndarray, model_unlabelled: np.ndarray,
                n_boot: int = 2000, seed: int = 0
                ) -> tuple[list[dict[str, Any]], dict[str, Means]]:
    """``share_rows``, and the means per document behind each share, one pair per draw too
    (to compare groups and to combine them as strata)."""
    n, n_unl = len(gold), len(model_unlabelled)
    rng = np.random.default_rng(seed)
    chunks = _draws(n, n_boot, rng)
    unlabelled_means = (np.concatenate([model_unlabelled[idx].mean(1)
                                        for idx in _draws(n_unl, n_boot, rng)])
                        if n_unl else np.zeros((n_boot, len(QUANTITIES))))
    column = {name: k for k, name in enumerate(QUANTITIES)}
    pairs = {share: (column[a], column[b]) for share, (a, b) in SHARES.items()}
    everything = np.concatenate([model_labelled, model_unlabelled])
    spreads = {share: _spread(gold, model_labelled, everything, num, den)
               for share, (num, den) in pairs.items()}
    lams = {share: _lambda(spreads[share], n, n_unl) for share in pairs}
    alone: dict[str, list[np.ndarray]] = {share: [] for share in SHARES}
    corrected: dict[str, list[np.ndarray]] = {share: [] for share in SHARES}
    start = 0
    for idx in chunks:
        g, m, u = gold[idx], model_labelled[idx], unlabelled_means[start:start + len(idx)]
        start += len(idx)
        for share, (num, den) in pairs.items():
            alone[share].append(np.column_stack([g[:, :, num].mean(1), g[:, :, den].mean(1)]))
            corrected[share].append(np.column_stack(
                _corrected_means(g, m, u, num, den, lams[share])))
    observed = model_unlabelled.mean(0) if n_unl else np.zeros(len(QUANTITIES))
    rows = []
    means: dict[str, Means] = {}
    for share, (num, den) in pairs.items():
        lam = lams[share]
        pair = np.column_stack(_corrected_means(gold[None], model_labelled[None],
                                                observed[None], num, den, lam))
        row = {"share": share, "labelled": n, "unlabelled": n_unl,
               "model": float(_ratio(everything[:, num].sum(), everything[:, den].sum())),
               "labelled_share": float(_ratio(gold[:, num].sum(), gold[:, den].sum())),
               **_interval("labelled", [_share_of(a) for a in alone[share]]),
               "corrected": float(_share_of(pair)[0]), "lambda": lam,
               **_interval("corrected", [_share_of(c) for c in corrected[share]]),
               "exact": False}
        if SHARES[share][1] in DOCUMENT_COUNTS and row["labelled_low"] == row["labelled_high"]:
            row |= _exact(int(gold[:, num].sum()), int(gold[:, den].sum()), row)
        rows.append(row)
        means[share] = Means(
            alone=np.array([gold[:, num].mean(), gold[:, den].mean()]),
            corrected=pair[0],
            model=np.array([everything[:, num].mean(), everything[:, den].mean()]),
            alone_draws=np.concatenate(alone[share]),
            corrected_draws=np.concatenate(corrected[share]),
            spread=spreads[share])
    return rows, means


def _spread(gold: np.ndarray, model: np.ndarray, everything: np.ndarray, num: int,
            den: int) -> Spread | None:
    """The share's ``Spread`` from its linear part (counted - share x out of), scaled by the
    mean out-of count; None with fewer than two labelled documents or none to count out of
    (then no labelled document counts either: answered ones are accusing ones, so lambda
    would be 0 anyway)."""
    scale = float(gold[:, den].mean()) if len(gold) else 0.0
    if len(gold) < 2 or scale <= 0:
        return None
    share = float(gold[:, num].sum() / gold[:, den].sum())
    truth = (gold[:, num] - share * gold[:, den]) / scale
    guess = (model[:, num] - share * model[:, den]) / scale
    pooled = (everything[:, num] - share * everything[:, den]) / scale
    return Spread(truth=float(truth.var(ddof=1)), model=float(guess.var(ddof=1)),
                  joint=float(np.cov(truth, guess)[0, 1]),
                  model_all=float(pooled.var(ddof=1)) if len(pooled) > 1 else 0.0,
                  documents=len(everything))


def _variance(spread: Spread, labelled: int, unlabelled: float) -> float:
    """The corrected share's variance with ``labelled`` documents labelled at random and
    ``unlabelled`` left (``inf``: a collection so large that the model's part costs
    nothing), lambda chosen for those counts as ``_lambda`` chooses it."""
    lam = _lambda(spread, labelled, max(unlabelled, 0))
    rest = spread.truth - 2 * lam * spread.joint + lam ** 2 * spread.model
    model_part = lam ** 2 * spread.model_all / unlabelled if lam else 0.0
    return max(rest, 0.0) / labelled + model_part


def documents_for_width(row: Mapping[str, Any], spread: Spread | None,
                        width: float) -> float:
    """How many documents, labelled at random, should give the corrected share a 95%
    interval about ``width`` wide: the interval found now, narrowed as the share's
    variance falls with more labelled documents (fewer unlabelled ones for the model's
    part, lambda chosen anew). The labelled count itself when the interval is that narrow
    already; more than the input's documents when even labelling all of them would not do
    (then the count to draw from a larger collection of the same news, whose unlabelled
    rest is large enough for the model's part to cost nothing); nan when the share has no
    interval to start from (an exact one, or too few documents)."""
    now = float(row["corrected_high"] - row["corrected_low"])
    labelled = int(row["labelled"])
    if spread is None or row.get("exact") or not now > 0 or not np.isfinite(now):
        return float("nan")
    if now <= width:
        return float(labelled)
    total = spread.documents
    base = _variance(spread, labelled, total - labelled)
    if base <= 0:
        return float("nan")
    for count in range(labelled + 1, total + 1):
        if now * np.sqrt(_variance(spread, count, total - count) / base) <= width:
            return float(count)
    # the variance of one labelled document, the model's part free: it falls as 1 / count
    one = _variance(spread, 1, float("inf"))
    return float(max(np.ceil(one / (base * (width / now) ** 2)), total + 1))


def _share_of(means: np.ndarray) -> np.ndarray:
    """The share (clipped to [0, 1]) from rows of (counted, out of) means."""
    return np.clip(_ratio(means[:, 0], means[:, 1]), 0.0, 1.0)


def _exact(k: int, n: int, row: Mapping[str, Any]) -> dict[str, Any]:
    """Clopper-Pearson's 95% interval for ``k`` of ``n`` documents, for a share of documents
    on which every labelled document is alike (all accuse): drawing them again cannot vary,
    but 30 of 30 accusing is still consistent with 88% of all articles accusing. The
    corrected share then rests on the labelled documents alone (the model's part, if any,
    did not vary either) and gets the same interval."""
    from scipy.stats import beta

    low = float(beta.ppf(0.025, k, n - k + 1)) if k > 0 else 0.0
    high = float(beta.ppf(0.975, k + 1, n - k)) if k < n else 1.0
    fixed = row["corrected_low"] == row["corrected_high"]
    return {"labelled_low": low, "labelled_high": high, "exact": True,
            **({"corrected_low": low, "corrected_high": high} if fixed else {})}


def _interval(prefix: str, draws: list[np.ndarray]) -> dict[str, float]:
    """The 95% percentile interval of the draws where the share is defined (some draws of a
    small sample hold no accusing document)."""
    values = np.concatenate(draws)
    values = values[~np.isnan(values)]
    if len(values) < 0.95 * sum(len(d) for d in draws):
        return {f"{prefix}_low": float("nan"), f"{prefix}_high": float("nan")}
    low, high = np.percentile(values, [2.5, 97.5])
    return {f"{prefix}_low": float(low), f"{prefix}_high": float(high)}


def labelled_documents(doc_ids: Sequence[str], gold: Sequence[str]) -> tuple[Any, Any]:
    """Per sentence: whether its document is labelled whole (every sentence has a gold
    label), and whether it is labelled in part only (such a document counts as unlabelled:
    its accusations and denials are not all known)."""
    import pandas as pd

    has = pd.Series([g != "" for g in gold])
    per_doc = has.groupby(pd.Series(list(doc_ids))).transform
    whole = per_doc("all").to_numpy(dtype=bool)
    some = per_doc("any").to_numpy(dtype=bool)
    return whole, some & ~whole


@dataclass
class GroupShares:
    """``share_rows`` of every group, the means behind them per (group, share), and each
    group's number of documents."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    means: dict[tuple[str, str], Means] = field(default_factory=dict)
    documents: dict[str, int] = field(default_factory=dict)


def group_shares(doc_ids: Sequence[str], gold: Sequence[str], predicted: Sequence[str],
                 masks: Mapping[str, Any], n_boot: int = 2000, seed: int = 0,
                 proba: np.ndarray | None = None,
                 classes: Sequence[str] = ()) -> GroupShares:
    """``share_rows`` for each group of sentences (whole documents: a group is a set of
    documents), with the group's name on every row; a group without two labelled documents
    is left out. Each group draws with its own seed, so two groups' draws are independent
    and their difference can be drawn too (``difference_rows``). With ``proba`` (the model's
    class probabilities, columns in ``classes`` order) the correction uses
    ``document_scores``; the model's count stays that of its labels."""
    docs = np.asarray(doc_ids, dtype=object)
    truth = np.asarray(gold, dtype=object)
    model = np.asarray(predicted, dtype=object)
    whole, _ = labelled_documents(list(docs), list(truth))

    def predicted_part(rows: np.ndarray) -> np.ndarray:
        """The model's part for the documents of ``rows``: its labels or probabilities."""
        if not rows.any():
            return np.zeros((0, len(QUANTITIES)))
        if proba is None:
            return document_counts(docs[rows], model[rows])
        return document_scores(docs[rows], proba[rows], classes)

    found = GroupShares()
    for k, (group, mask) in enumerate(masks.items()):
        rows_in = np.asarray(mask, dtype=bool)
        lab, unl = rows_in & whole, rows_in & ~whole
        if len(set(docs[lab])) < 2:
            continue
        rows, means = share_draws(document_counts(docs[lab], truth[lab]),
                                  predicted_part(lab), predicted_part(unl),
                                  n_boot=n_boot, seed=seed + k)
        if proba is not None:  # the count a study without labels would report
            counted = document_counts(docs[rows_in], model[rows_in])
            for row in rows:
                num, den = (QUANTITIES.index(q) for q in SHARES[row["share"]])
                row["model"] = float(_ratio(counted[:, num].sum(), counted[:, den].sum()))
                means[row["share"]].model = np.array([counted[:, num].mean(),
                                                      counted[:, den].mean()])
        found.rows += [{"group": group, **row} for row in rows]
        found.means.update({(group, share): value for share, value in means.items()})
        found.documents[group] = len(set(docs[rows_in]))
    return found


def plan_documents(found: GroupShares, width: float | None) -> None:
    """Give every row of ``found`` its ``plan_documents``: how many documents to label for
    its corrected interval to be about ``width`` wide (``documents_for_width``); no plan
    without a width."""
    if not width:
        return
    for row in found.rows:
        row["plan_documents"] = documents_for_width(
            row, found.means[row["group"], row["share"]].spread, width)


def stratified_rows(found: GroupShares, strata: Sequence[str], name: str) -> list[dict[str, Any]]:
    """Rows for the documents of all ``strata`` together (disjoint groups, each sampled on
    its own: a sample per outlet), each stratum weighted by its number of documents, so an
    outlet sampled more heavily than its size does not weigh more. Empty when a stratum was
    left out (fewer than two labelled documents)."""
    if not strata or any(group not in found.documents for group in strata):
        return []
    weights = np.array([found.documents[group] for group in strata], dtype=float)
    rows = []

    def combined(share: str, pick: str) -> np.ndarray:
        """The strata's means of ``pick`` weighted by their documents (per draw for draws)."""
        return np.tensordot(weights, np.stack([getattr(found.means[group, share], pick)
                                               for group in strata]), axes=1)

    for share in SHARES:
        alone, corrected, model = (combined(share, p) for p in ("alone", "corrected", "model"))
        rows.append({
            "group": name, "share": share,
            "labelled": sum(r["labelled"] for r in found.rows
                            if r["group"] in strata and r["share"] == share),
            "unlabelled": sum(r["unlabelled"] for r in found.rows
                              if r["group"] in strata and r["share"] == share),
            "model": float(_ratio(model[0], model[1])),
            "labelled_share": float(_ratio(alone[0], alone[1])),
            **_interval("labelled", [_share_of(combined(share, "alone_draws"))]),
            "corrected": float(_share_of(corrected[None])[0]),
            "lambda": float("nan"),
            **_interval("corrected", [_share_of(combined(share, "corrected_draws"))]),
            "exact": False})
    return rows


def difference_rows(found: GroupShares, groups: Sequence[str]) -> list[dict[str, Any]]:
    """For every pair of ``groups`` (disjoint sets of documents, e.g. two outlets) and every
    share, the difference of their corrected shares with its 95% interval, from the pairs of
    independent draws; groups ``found`` left out are skipped."""
    point = {(r["group"], r["share"]): r["corrected"] for r in found.rows}
    kept = [g for g in groups if any(key[0] == g for key in point)]
    rows = []
    for first, second in combinations(kept, 2):
        for share in SHARES:
            a, b = (_share_of(found.means[group, share].corrected_draws)
                    for group in (first, second))
            # a group whose draws cannot vary (every labelled document alike) gives no interval
            fixed = any(np.nanmax(x) == np.nanmin(x) for x in (a, b) if not np.isnan(x).all())
            span = ({"_low": np.nan, "_high": np.nan} if fixed
                    else _interval("", [a - b]))
            rows.append({"share": share, "first": first, "second": second,
                         "difference": point[first, share] - point[second, share],
                         "low": float(span["_low"]), "high": float(span["_high"])})
    return rows
