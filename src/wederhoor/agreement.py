"""``python -m wederhoor.agreement``: a second annotator against the reference labels.

Prints how well a second annotation of some sentences (``other``) reproduces the reference
gold, and, on the same sentences, how well the rule labeler and (with ``predictions=``, a
run's out-of-fold predictions) the models do against each annotation: the human ceiling next to
the figures the experiments report.
"""

from __future__ import annotations

from pathlib import Path

from omegaconf import DictConfig

from wederhoor.cli import hydra_app


def _languages(cfg: DictConfig, doc_ids: list[str], texts: list[str]) -> list[str]:
    """Each sentence's language: its document's from data.meta, else ``lang``/detected."""
    from wederhoor.io.documents import read_meta
    from wederhoor.io.language import fill_languages

    given: list[str | None] = [None] * len(doc_ids)
    if cfg.data.get("meta"):
        table = read_meta(Path(cfg.data.meta))
        if "lang" in table.columns:
            own = table["lang"].to_dict()
            given = [own.get(d) or None for d in doc_ids]
    return fill_languages(given, texts, cfg.lang)


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
    from wederhoor.evaluation.groups import plot_by_group
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
                  "(segmented differently) are left out")
        keys = covered
    docs = documents_of(reference, keys)
    doc_ids, texts = [d for d, _ in docs], [t for _, t in docs]
    langs = _languages(cfg, doc_ids, texts)
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
    groups = {"all": [True] * len(keys)}
    for lang in sorted(set(langs)):
        groups[f"lang {lang}"] = [lang_of[k] == lang for k in keys]
    table = pd.DataFrame(agreement_rows(columns, pairs, groups))
    print(f"{len(keys)} sentences in {len({d for d, _ in keys})} documents labelled in both "
          f"{cfg.reference} and {cfg.other}")
    print(table.to_string(index=False))
    out = Path(cfg.output)
    write_csv(table, out)
    against = table[table["reference"] == "reference"]
    rows = [{"group": g, "sentences": int(part["sentences"].iloc[0]),
             **dict(zip(part["scored"], part["macro_f1"], strict=True))}
            for g, part in against.groupby("group", sort=False)]
    plot_by_group(rows, list(dict.fromkeys(against["scored"])), out.with_suffix(".png"),
                  "agreement with the reference gold (second = an independent annotator)")
    print(f"written: {out} and {out.with_suffix('.png')}")


if __name__ == "__main__":
    main()
