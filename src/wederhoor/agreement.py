"""``python -m wederhoor.agreement``: a second annotator against the reference labels.

Prints how well a second annotation of some sentences (``other``) reproduces the reference
gold, and, on the same sentences, how well the rule labeler and (with ``predictions=``, a
run's out-of-fold predictions) the models do against each annotation: the human ceiling next to
the figures the experiments report.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from omegaconf import DictConfig

from wederhoor.cli import hydra_app


def _meta(cfg: DictConfig) -> Any:
    """The documents' metadata table (lang, split) from data.meta, or None."""
    from wederhoor.io.documents import read_meta

    return read_meta(Path(cfg.data.meta)) if cfg.data.get("meta") else None


def _languages(cfg: DictConfig, meta: Any, doc_ids: list[str], texts: list[str]) -> list[str]:
    """Each sentence's language: its document's, from data.meta, else ``lang`` (``auto``:
    detected from the document's sentences together, as split and label detect it from the
    whole document; a short sentence alone says too little)."""
    from wederhoor.io.language import fill_languages

    sentences_of: dict[str, list[str]] = {}
    for doc, text in zip(doc_ids, texts, strict=True):
        sentences_of.setdefault(doc, []).append(text)
    docs = list(sentences_of)
    own = meta["lang"].to_dict() if meta is not None and "lang" in meta.columns else {}
    found = fill_languages([own.get(d) or None for d in docs],
                           [" ".join(sentences_of[d]) for d in docs], cfg.lang)
    lang_of = dict(zip(docs, found, strict=True))
    return [lang_of[d] for d in doc_ids]


def _groups(cfg: DictConfig, meta: Any, doc_ids: list[str], langs: list[str]
            ) -> dict[str, list[bool]]:
    """All sentences, each language, each dev/test split of data.meta, each data.groups."""
    from wederhoor.evaluation.groups import group_masks

    groups = {"all": [True] * len(doc_ids)}
    if meta is not None and "split" in meta.columns:
        split = meta["split"].to_dict()
        for name in sorted({split.get(d, "") for d in doc_ids} - {""}):
            groups[f"split {name}"] = [split.get(d) == name for d in doc_ids]
    masks = group_masks(doc_ids, langs, cfg.data.get("groups"))
    return groups | {name: mask.tolist() for name, mask in masks.items()}


def _shown(column: str) -> str:
    """A predictions.csv column as a model name: predicted_hybrid_logreg -> hybrid_logreg."""
    if column == "predicted":
        return "model"
    return column.removeprefix("predicted_")


def _columns(cfg: DictConfig, meta: Any, reference: Any, other: Any, keys: list[Any],
             predicted: dict[str, dict[Any, str]]) -> tuple[dict[str, list[str]], list[str]]:
    """The label columns of the shared sentences (reference, second, rules, the run's
    models) and each sentence's language."""
    from hydra.utils import instantiate

    from wederhoor.evaluation.agreement import documents_of

    docs = documents_of(reference, keys)
    doc_ids, texts = [d for d, _ in docs], [t for _, t in docs]
    langs = _languages(cfg, meta, doc_ids, texts)
    columns = {"reference": [reference.labels[k] for k in keys],
               "second": [other.labels[k] for k in keys]}
    if cfg.labeler is not None:
        labels, _ = instantiate(cfg.labeler).label(texts, langs, doc_ids)
        rules = dict(zip(docs, labels, strict=True))
        columns["rules"] = [rules[k] for k in keys]
        predicted.pop("silver", None)  # the run's rule labels: the same labeler, once is enough
    columns |= {_shown(name): [run[k] for k in keys] for name, run in predicted.items()}
    lang_of = dict(zip(docs, langs, strict=True))
    return columns, [lang_of[k] for k in keys]


def _predicted(cfg: DictConfig, keys: list[Any]) -> tuple[dict[str, dict[Any, str]], list[Any]]:
    """The run's label columns (predictions=) and the shared sentences it predicts."""
    from wederhoor.errors import UserError
    from wederhoor.io.gold import load_prediction_columns

    if not cfg.predictions:
        return {}, keys
    predicted = load_prediction_columns(cfg.predictions)
    covered = [k for k in keys if all(found.get(k) for found in predicted.values())]
    if not covered:
        raise UserError(f"{cfg.predictions} predicts none of the shared sentences; is it a "
                        "run over the same documents (cv=dev_kfold for dev ones)?")
    if len(covered) < len(keys):
        print(f"{len(keys) - len(covered)} shared sentence(s) the run did not predict "
              "(documents it did not score, or sentences its segmenter cut differently) are "
              "left out")
    return predicted, covered


def _adjudicate(cfg: DictConfig, keys: list[Any], columns: dict[str, list[str]]
                ) -> dict[str, int]:
    """With ``adjudicator=``: its labels and the majority of the three join ``columns``
    (so the disagreements file shows them); returns who it sided with ({} without one)."""
    from wederhoor.evaluation.agreement import adjudication_counts, majority_vote
    from wederhoor.io.gold import load_gold

    if not cfg.adjudicator:
        return {}
    third = load_gold(cfg.adjudicator, "adjudicator")
    labels = [third.labels.get(key, "") for key in keys]
    counts = adjudication_counts(columns["reference"], columns["second"], labels)
    if not counts["adjudicated"]:
        print(f"note: {cfg.adjudicator} labels none of the {counts['disagreements']} "
              "sentence(s) the two annotators disagree on, so there is no adjudication (point "
              "adjudicator= at a third reading of them, or set adjudicator=null)")
        return {}
    columns["adjudicator"] = labels
    columns["majority"] = majority_vote(columns["reference"], columns["second"], labels)
    return counts


def _print_adjudication(cfg: DictConfig, counts: dict[str, int], rows: list[Any]) -> None:
    """Who the third reader sided with, and every labeler against the majority of three."""
    from wederhoor.evaluation.agreement import macro_by_group
    from wederhoor.evaluation.groups import format_by_group

    print(f"adjudicator {cfg.adjudicator} read {counts['adjudicated']} of the "
          f"{counts['disagreements']} disagreements: it sides with the reference in "
          f"{counts['reference']}, with the second annotator in {counts['second']}, with "
          f"neither in {counts['neither']}")
    by_group, scored = macro_by_group(rows, reference="majority")
    print("macro-F1 against the majority of the three (reference = the gold before "
          "adjudication):")
    print(format_by_group(by_group, scored))


@hydra_app("agreement")
def main(cfg: DictConfig) -> None:
    import pandas as pd

    from wederhoor.errors import UserError
    from wederhoor.evaluation.agreement import (
        agreement_rows,
        disagreements,
        macro_by_group,
        shared_sentences,
    )
    from wederhoor.evaluation.groups import format_by_group, plot_by_group
    from wederhoor.io.gold import load_gold
    from wederhoor.io.language import check_lang_option
    from wederhoor.io.outputs import check_output, write_csv

    check_lang_option(cfg.lang)
    out = check_output(cfg.output, [cfg.reference, cfg.other, cfg.adjudicator],
                       Path(cfg.paths.seeds), kinds=".csv", suffixes=(".csv",))
    # reference is data.gold unless set apart: name the option the user set
    named = "data.gold" if cfg.reference == cfg.data.get("gold") else "reference"
    reference = load_gold(cfg.reference, named, nullable=False)
    other = load_gold(cfg.other, "other", nullable=False)
    keys = shared_sentences(reference, other)
    if not keys:
        raise UserError(f"{cfg.other} and {cfg.reference} share no sentence (matched by "
                        "doc_id and text); point other= at a second annotation of the same "
                        "documents")
    predicted, keys = _predicted(cfg, keys)
    meta = _meta(cfg)
    columns, langs = _columns(cfg, meta, reference, other, keys, predicted)
    labelers = [name for name in columns if name not in ("reference", "second")]
    pairs = [("reference", "second")]
    pairs += [(side, name) for name in labelers for side in ("reference", "second")]
    adjudicated = _adjudicate(cfg, keys, columns)
    if adjudicated:
        pairs += [("majority", name) for name in ("reference", *labelers)]
    groups = _groups(cfg, meta, [d for d, _ in keys], langs)
    rows = agreement_rows(columns, pairs, groups)
    write_csv(pd.DataFrame(rows), out)
    differ = disagreements(keys, columns)
    differ_path = write_csv(differ, out.with_name(f"{out.stem}_disagreements.csv"))
    by_group, scored = macro_by_group(rows)
    print(f"{len(keys)} sentences in {len({d for d, _ in keys})} documents labelled in both "
          f"{cfg.reference} and {cfg.other}")
    print("macro-F1 against the reference (second = the second annotator; kappa, per-class F1 "
          f"and each labeler against the second annotator in {out.name}):")
    print(format_by_group(by_group, scored))
    plot_by_group(by_group, scored, out.with_suffix(".png"),
                  "agreement with the reference gold (second = an independent annotator)")
    print(f"{len(differ)} sentence(s) the two annotators label differently, with every "
          f"labeler's label, to adjudicate: {differ_path}")
    if adjudicated:
        _print_adjudication(cfg, adjudicated, rows)
    print(f"written: {out} and {out.with_suffix('.png')}")


if __name__ == "__main__":
    main()
