"""``python -m wederhoor.estimate``: the shares a study of one's own news reports, with
intervals that hold however often the model is wrong.

``predict`` counts a model's labels; on published news that count of answered articles can be
off by twenty points. Label a random sample of the documents by hand and this command
corrects the model's count with them (prediction-powered inference,
``evaluation.prediction_powered``): the share to report, and its 95% interval.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from omegaconf import DictConfig

from wederhoor.cli import hydra_app, require
from wederhoor.errors import UserError


@hydra_app("estimate", refused={"model": (
    "estimate has no model= option: saved_model=NAME picks one of the run's saved models "
    "(best, the default; main = model.skops; or an also.NAME of the run)")})
def main(cfg: DictConfig) -> None:
    from wederhoor.evaluation.groups import compile_groups
    from wederhoor.io.options import flag, share_or_null, whole_number
    from wederhoor.io.outputs import TABLE_SUFFIXES, check_output

    require(cfg, "input", "gold")
    flag(cfg, "soft")
    flag(cfg, "stratified")
    if cfg.stratified and not cfg.by:
        raise UserError("stratified=true weighs the groups of a by= column: name it (e.g. "
                        "by=outlet), or leave stratified out")
    whole_number(cfg, "n_boot", 100, "n_boot=2000")
    whole_number(cfg, "few_documents", 2, "few_documents=30")
    whole_number(cfg, "compare_most", 0, "compare_most=6")
    share_or_null(cfg, "plan_width", "plan_width=0.1 (intervals 10 points wide)")
    compile_groups(cfg.groups, "groups")  # a bad pattern is refused before anything slow runs
    if cfg.output:
        check_output(cfg.output, [cfg.input, cfg.gold, cfg.meta], Path(cfg.paths.seeds),
                     suffixes=TABLE_SUFFIXES)
    if cfg.plot:
        check_output(cfg.plot, [cfg.input, cfg.gold, cfg.meta, cfg.output],
                     Path(cfg.paths.seeds), kinds=".png", option="plot", suffixes=[".png"])
    if cfg.meta and not cfg.by:
        raise UserError(f"meta={cfg.meta} is read only for by=: name the column to group by "
                        "(e.g. by=outlet), or leave meta= out")
    _estimate(cfg, _by_column(cfg))  # a by= column that is not there is refused first


def _estimate(cfg: DictConfig, by_column: Any) -> None:
    import pandas as pd

    from wederhoor.errors import info, warn
    from wederhoor.evaluation.groups import distinct_masks, group_masks
    from wederhoor.evaluation.prediction_powered import (
        difference_rows,
        group_shares,
        labelled_documents,
        plan_documents,
    )
    from wederhoor.evaluation.shares_report import (
        format_differences,
        format_plan,
        format_shares,
        plot_shares,
    )
    from wederhoor.io.gold import attach_gold
    from wederhoor.io.model_files import (
        chosen_model,
        describe,
        load_model,
    )
    from wederhoor.io.outputs import write_table
    from wederhoor.modeling.models import model_input, most_probable
    from wederhoor.pipeline.run_input import run_input

    run_dir, saved, name = chosen_model(cfg.run, cfg.runs_dir, cfg.saved_model)
    frame = run_input(run_dir, cfg.input, cfg.lang, cfg.workers)
    frame = attach_gold(frame, cfg.gold, cfg.input)
    whole, part = labelled_documents(frame["doc_id"].tolist(), frame["gold"].tolist())
    n_whole = frame.loc[whole, "doc_id"].nunique()
    if part.any():
        warn(f"{frame.loc[part, 'doc_id'].nunique()} document(s) are labelled in part only "
             f"(first: {frame.loc[part, 'doc_id'].iloc[0]}): they count as unlabelled; label "
             "every sentence of a document for it to count")
    if n_whole < 2:
        raise UserError(f"{cfg.gold} labels {n_whole} whole document(s) of {cfg.input}; the "
                        "shares need a random sample of at least 2 documents labelled "
                        f"sentence by sentence ({cfg.few_documents} or more for useful "
                        "intervals)")
    if n_whole < cfg.few_documents:
        warn(f"only {n_whole} whole documents are labelled: the intervals are rough (label "
             f"{cfg.few_documents} or more, drawn at random)")
    info(f"predicting {len(frame)} sentences with {describe(name, saved[name])} ...")
    model = load_model(run_dir, name)
    frame["predicted"], proba = most_probable(model, model_input(model, frame), cfg.soft)
    if cfg.soft and proba is None:
        info(f"{name} gives no probabilities: the correction uses its labels (soft=false "
             "says so and skips this line)")
    by = _by_groups(cfg, by_column, frame["doc_id"])
    masks = distinct_masks({"all": [True] * len(frame)}
                           | group_masks(frame["doc_id"], frame["lang"], cfg.groups, "groups")
                           ) | by  # a by= group is kept even where it repeats one before it
    found = group_shares(frame["doc_id"], frame["gold"], frame["predicted"], masks,
                         n_boot=cfg.n_boot, seed=cfg.seed, proba=proba,
                         classes=[str(c) for c in getattr(model, "classes_", [])])
    print(f"{run_dir.name} ({name}) on {cfg.input}, corrected by the documents labelled in "
          f"{cfg.gold} (95% intervals from {cfg.n_boot} draws of whole documents; they "
          "assume those documents are a random sample of the input's):")
    weighted = _weighted_rows(found, masks, by, cfg.by) if cfg.stratified else []
    plan_documents(found, cfg.plan_width)
    found.rows += weighted
    print(format_shares(found.rows))
    shown = {r["group"] for r in found.rows}
    left = [group for group in masks if group not in shown]
    if left:
        info(f"left out, fewer than 2 whole documents labelled: {', '.join(left)}")
    compared = [group for group in by if group in shown]
    if 2 <= len(compared) <= cfg.compare_most:
        print(format_differences(difference_rows(found, compared)))
    elif len(compared) > cfg.compare_most:
        info(f"{len(compared)} groups of by={cfg.by}: no differences between every pair "
             f"(compare_most={cfg.compare_most}; raise it to see them)")
    plan = format_plan(found.rows, cfg.plan_width)
    if plan:
        print(plan)
    if cfg.output:
        write_table(pd.DataFrame(found.rows), cfg.output)
        info(f"one row per group and share -> {cfg.output}")
    if cfg.plot:
        plot_shares(found.rows, Path(cfg.plot), f"{run_dir.name} on {Path(cfg.input).name}")
        info(f"each share per group, with its intervals and the model's count -> {cfg.plot}")


def _weighted_rows(found: Any, masks: dict[str, Any], by: dict[str, Any],
                   column: str) -> list[dict[str, Any]]:
    """``stratified=true``: for ``all``, each language and each ``groups.NAME`` made up of
    two or more whole ``by`` groups (outlets in one language only), a row that weighs those
    groups by their size, since samples drawn per outlet over-weight the outlets sampled
    most."""
    import numpy as np

    from wederhoor.errors import info, warn
    from wederhoor.evaluation.prediction_powered import stratified_rows

    rows: list[dict[str, Any]] = []
    for group, mask in masks.items():
        if group in by:
            continue
        inside = [b for b in by if (by[b] & mask).any()]
        if len(inside) < 2:  # one group of by= or none: nothing to weigh
            continue
        if not np.array_equal(np.logical_or.reduce([by[b] for b in inside]), mask):
            info(f"stratified=true: {group} is not made of whole {column} groups (a {column} "
                 "in two of them, or documents without one): no weighted row for it")
            continue
        found_rows = stratified_rows(found, inside, f"{group}, each {column} by its size")
        if not found_rows:
            warn(f"stratified=true: a group of {column} in {group} has fewer than 2 whole "
                 "documents labelled, so its groups cannot be weighted together")
        rows += found_rows
    return rows


def _by_column(cfg: DictConfig) -> Any:
    """The ``by`` column per document (a Series indexed by doc_id), read from ``meta=`` or
    else the input itself, which must then be a CSV; None without ``by``."""
    from wederhoor.io.documents import read_meta

    if not cfg.by:
        return None
    source = Path(cfg.meta or cfg.input)
    if not cfg.meta and not (source.is_file() and source.suffix.lower() == ".csv"):
        raise UserError(f"by={cfg.by} reads a column per document from a CSV and {source} is "
                        f"not one: add meta=<a CSV with doc_id and {cfg.by}>")
    table = read_meta(source, option="meta" if cfg.meta else "input", quiet=True)
    if cfg.by not in table.columns:
        raise UserError(f"{source} has no column {cfg.by!r} (found: "
                        f"{', '.join(map(str, table.columns))}); by= names the column to "
                        "group documents by")
    return table[cfg.by]


def _by_groups(cfg: DictConfig, column: Any, doc_ids: Any) -> dict[str, Any]:
    """Rows of each value of the ``by`` column (``by=outlet``: one group per outlet)."""
    import numpy as np

    from wederhoor.errors import info

    if column is None:
        return {}
    values = column.reindex(list(doc_ids)).fillna("").to_numpy(dtype=object)
    missing = sorted(set(np.asarray(doc_ids, dtype=object)[values == ""]))
    if missing:
        info(f"{len(missing)} document(s) have no {cfg.by} in {cfg.meta or cfg.input} "
             f"(first: {missing[0]}): they count in all and their language only")
    return {f"{cfg.by}={value}": values == value
            for value in sorted(set(values.tolist()) - {""})}


if __name__ == "__main__":
    main()
