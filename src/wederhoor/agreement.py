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
    """Each sentence's language: its document's from data.meta, else ``lang``/detected."""
    from wederhoor.io.language import fill_languages

    given: list[str | None] = [None] * len(doc_ids)
    if meta is not None and "lang" in meta.columns:
        own = meta["lang"].to_dict()
        given = [own.get(d) or None for d in doc_ids]
    return fill_languages(given, texts, cfg.lang)


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


@hydra_app("agreement")
def main(cfg: DictConfig) -> None:
    import pandas as pd
    from hydra.utils import instantiate

    from wederhoor.errors import UserError
    from wederhoor.evaluation.agreement import agreement_rows, documents_of, shared_sentences
    from wederhoor.evaluation.groups import format_by_group, plot_by_group
    from wederhoor.io.gold import load_gold, load_prediction_columns
    from wederhoor.io.outputs import write_csv

    reference, other = load_gold(cfg.reference), load_gold(cfg.other)
    keys = shared_sentences(reference, other)
    if not keys:
        raise UserError(f"{cfg.other} and {cfg.reference} share no sentence (matched by "
                        "doc_id and text); point other= at a second annotation of the same "
                        "documents")
    predicted = load_prediction_columns(cfg.predictions) if cfg.predictions else {}
    if predicted:
        covered = [k for k in keys if all(found.get(k) for found in predicted.values())]
        if not covered:
            raise UserError(f"{cfg.predictions} predicts none of the shared sentences; is it "
                            "a run over the same documents (cv=dev_kfold for dev ones)?")
        if len(covered) < len(keys):
            print(f"{len(keys) - len(covered)} shared sentence(s) the run did not predict "
                  "(documents it did not score, or sentences its segmenter cut differently) "
                  "are left out")
        keys = covered
    docs = documents_of(reference, keys)
    doc_ids, texts = [d for d, _ in docs], [t for _, t in docs]
    meta = _meta(cfg)
    langs = _languages(cfg, meta, doc_ids, texts)
    columns = {"reference": [reference.labels[k] for k in keys],
               "second": [other.labels[k] for k in keys]}
    if cfg.labeler is not None:
        labels, _ = instantiate(cfg.labeler).label(texts, langs, doc_ids)
        found = dict(zip(docs, labels, strict=True))
        columns["rules"] = [found[k] for k in keys]
        predicted.pop("silver", None)  # the run's rule labels: the same labeler, once is enough
    columns |= {_shown(name): [found[k] for k in keys] for name, found in predicted.items()}
    pairs = [("reference", "second")]
    pairs += [(side, name) for name in columns if name not in ("reference", "second")
              for side in ("reference", "second")]
    lang_of = dict(zip(docs, langs, strict=True))
    groups = _groups(cfg, meta, [d for d, _ in keys], [lang_of[k] for k in keys])
    table = pd.DataFrame(agreement_rows(columns, pairs, groups))
    out = Path(cfg.output)
    write_csv(table, out)
    differ = [i for i, (a, b) in enumerate(zip(columns["reference"], columns["second"],
                                              strict=True)) if a != b]
    disagreements = out.with_name(f"{out.stem}_disagreements.csv")
    write_csv(pd.DataFrame({"doc_id": [keys[i][0] for i in differ],
                            "text": [keys[i][1] for i in differ],
                            **{name: [columns[name][i] for i in differ] for name in columns}}),
              disagreements)
    against = table[table["reference"] == "reference"]
    rows = [{"group": g, "sentences": int(part["sentences"].iloc[0]),
             **dict(zip(part["scored"], part["macro_f1"], strict=True))}
            for g, part in against.groupby("group", sort=False)]
    scored = list(dict.fromkeys(against["scored"]))
    print(f"{len(keys)} sentences in {len({d for d, _ in keys})} documents labelled in both "
          f"{cfg.reference} and {cfg.other}")
    print("macro-F1 against the reference (second = the second annotator; kappa, per-class F1 "
          f"and each labeler against the second annotator in {out.name}):")
    print(format_by_group(rows, scored))
    plot_by_group(rows, scored, out.with_suffix(".png"),
                  "agreement with the reference gold (second = an independent annotator)")
    print(f"{len(differ)} sentence(s) the two annotators label differently, with every "
          f"labeler's label, to adjudicate: {disagreements}")
    print(f"written: {out} and {out.with_suffix('.png')}")


if __name__ == "__main__":
    main()
