"""``python -m wederhoor.label_report``: is the rule labeler good enough to train on?

Dev documents show each labeling function's coverage, overlaps, conflicts and accuracy, so a
rule author sees which rules to fix; test documents, never tuned on, give the labeler's
confusion matrix and per-class F1 per language.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from omegaconf import DictConfig

from wederhoor.cli import hydra_app


def _pct(x: float) -> str:
    return "  n/a" if x != x else f"{100 * x:5.1f}"


def render(sections: list[tuple[str, Any]]) -> str:
    """Markdown with plain-text tables that read well in a terminal too."""
    parts = []
    for title, body in sections:
        parts.append(f"## {title}\n")
        parts.append(body if isinstance(body, str) else body.to_string(index=False))
        parts.append("")
    return "\n".join(parts)


def _scores(frame: Any) -> tuple[Any, dict[str, Any]]:
    import pandas as pd

    from wederhoor import LABELS
    from wederhoor.evaluation.metrics import evaluate

    rows = []
    result: dict[str, Any] = {}
    for lang, part in [("all", frame), *sorted(frame.groupby("lang"))]:
        m = evaluate(part["gold"], part["silver"])
        result[lang] = m
        rows.append({"lang": lang, "sentences": len(part), "macro_f1": round(m["macro_f1"], 3),
                     **{f"f1_{lab}": round(m["per_class"][lab]["f1"], 3) for lab in LABELS},
                     "accuracy": round(m["accuracy"], 3)})
    return pd.DataFrame(rows), result


def _confusion(m: dict[str, Any]) -> str:
    labels = m["confusion_matrix"]["labels"]
    width = max(len(lab) for lab in labels) + 2
    lines = ["gold \\ rules".ljust(width + 2) + "".join(lab.rjust(width) for lab in labels)]
    for lab, row in zip(labels, m["confusion_matrix"]["matrix"], strict=True):
        lines.append(lab.ljust(width + 2) + "".join(str(v).rjust(width) for v in row))
    return "\n".join(lines)


def round_table(part: Any, pattern: str | None) -> Any:
    """The labeler's macro-F1 per round of documents (see ``evaluation.groups.round_masks``)."""
    import pandas as pd

    from wederhoor.evaluation.groups import round_masks, scores_by_group

    masks = round_masks(part["doc_id"].to_numpy(), pattern)
    rows = scores_by_group(part["gold"].to_numpy(), {"macro_f1": part["silver"].to_numpy()},
                           masks)
    docs = {name: part["doc_id"][mask].nunique() for name, mask in masks.items()}
    return pd.DataFrame([{"round": r["group"], "documents": docs[r["group"]],
                          "sentences": r["sentences"], "macro_f1": round(r["macro_f1"], 3)}
                         for r in rows])


def check_splits(cfg: DictConfig) -> None:
    """Before any work: data.meta gives each document a part (its split column), and
    tune_split and eval_split name parts it has (a typo would report on no document)."""
    from wederhoor.evaluation.groups import compile_rounds
    from wederhoor.io.options import check_split_options

    check_split_options(cfg, ("tune_split", "eval_split"), "the label report")
    compile_rounds(cfg.get("rounds"))  # a bad pattern is refused before any work


@hydra_app("label_report")
def main(cfg: DictConfig) -> None:
    from wederhoor.io.outputs import check_output

    out = Path(cfg.output)
    inputs = [cfg.data.get("input"), cfg.data.get("gold"), cfg.data.get("meta")]
    for path in (out, out.with_suffix(".json")):  # both, before anything slow loads
        check_output(path, inputs, Path(cfg.paths.seeds), kinds=".md")
    check_splits(cfg)

    from hydra.utils import instantiate

    from wederhoor.errors import UserError
    from wederhoor.evaluation.lf_analysis import lf_table, summary_row
    from wederhoor.experiment import Timer, build_corpus
    from wederhoor.io.outputs import write_json, write_text

    segmenter, labeler = instantiate(cfg.segmenter), instantiate(cfg.labeler)
    corpus = build_corpus(cfg, segmenter, labeler, Timer())
    frame = corpus.frame
    if not corpus.has_gold:
        raise UserError("the label report needs gold labels: set data.gold=PATH")
    frame = frame[frame["gold"] != ""]
    sections: list[tuple[str, Any]] = []
    record: dict[str, Any] = {"tune_split": cfg.tune_split, "eval_split": cfg.eval_split}
    tune = frame[frame["split"] == cfg.tune_split]
    for lang, part in sorted(tune.groupby("lang")):
        votes = [labeler.votes(t, lang) for t in part["text"]]
        names = list(labeler.function_names(lang))
        if "evidence" in part.columns:  # document context is not a per-sentence vote
            from wederhoor.labelers.context import CONTINUES

            context = f"{lang}_{CONTINUES}"
            names.append(context)
            for vote, ev, silver in zip(votes, part["evidence"], part["silver"], strict=True):
                if context in ev.split(";"):
                    vote[context] = silver
        table = lf_table(votes, part["gold"].tolist(), names)
        summary = summary_row(votes)
        record[f"functions_{lang}"] = table.to_dict(orient="records")
        shown = table.assign(**{c: table[c].map(_pct) for c in
                                ("coverage", "overlaps", "conflicts", "accuracy")})
        sections.append((
            f"Labeling functions, {lang}, {cfg.tune_split} documents "
            f"({len(part)} sentences; % of sentences, accuracy % of votes)",
            shown.to_string(index=False)
            + f"\n\nany vote {_pct(summary['any'])}%  two or more {_pct(summary['overlap'])}%"
            f"  conflicting {_pct(summary['conflict'])}%",
        ))
    for split in (cfg.tune_split, cfg.eval_split):
        part = frame[frame["split"] == split]
        if not len(part):
            continue
        table, scores = _scores(part)
        record[f"scores_{split}"] = scores
        sections.append((f"Rule labeler against gold, {split} documents", table))
        sections.append((f"Confusion matrix, {split} documents (rows gold, columns rules)",
                         _confusion(scores["all"])))
        if cfg.get("rounds"):
            rounds = round_table(part, cfg.rounds)
            record[f"rounds_{split}"] = rounds.to_dict(orient="records")
            sections.append((f"Rule labeler against gold by round, {split} documents", rounds))
    text = "# Label report\n\n" + render(sections)
    print(text)
    write_text(text, out)
    write_json(record, out.with_suffix(".json"))
    print(f"written: {out} and {out.with_suffix('.json')}")


if __name__ == "__main__":
    main()
