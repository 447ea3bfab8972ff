"""One experiment, end to end: documents -> sentences -> labels -> folds -> model -> metrics.

Kept apart from the Hydra entry point (train.py) so tests and the benchmark can call it with a
composed config and any output folder.
"""

from __future__ import annotations

import time
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from omegaconf import DictConfig

from wederhoor import LABELS
from wederhoor.errors import UserError, info, warn
from wederhoor.progress import bar

TRAIN_BAR_MIN_ROWS = 100_000  # model fitting takes a few seconds from about this size
#: A run scored on every document (k-fold) has a few hundred rounds: one row each would make a
#: plot metres tall, so beyond this only by_round.csv is written.
PLOTTED_ROUNDS_MAX = 60


@dataclass
class Timer:
    """Seconds spent per stage, for metrics.json."""

    seconds: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str):  # noqa: ANN201 - a context manager
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = round(self.seconds.get(name, 0.0)
                                       + time.perf_counter() - start, 4)


@dataclass
class Corpus:
    """The sentence table of an experiment with its label columns filled in."""

    frame: Any  # pandas.DataFrame: doc_id, sent_id, text, lang, date, silver, evidence, gold, ...
    has_gold: bool
    unmatched_gold: int
    documents: int
    fingerprint: str


@dataclass
class Labelled:
    """Split and labelled sentences: the engine's shards, loaded (fresh or from the cache)."""

    frame: Any  # pandas.DataFrame, one row per sentence
    documents: int
    cache: Any  # StageCache
    key: str


@dataclass
class Components:
    """Every config group that does work, built once at the top of ``train`` and passed down."""

    segmenter: Any
    labeler: Any
    model: Any
    splitter: Any
    also: dict[str, Any]


def labelled_sentences(cfg: DictConfig, segmenter: Any, labeler: Any, timer: Timer) -> Labelled:
    """Split and label the corpus with the engine, or reuse the shards of an earlier run whose
    input, segmenter, labeler and code were the same."""
    import shutil
    import tempfile

    from wederhoor.io.documents import input_path
    from wederhoor.io.language import check_lang_option
    from wederhoor.pipeline.cache import (
        StageCache,
        code_fingerprint,
        component_fingerprint,
        input_fingerprint,
        stage_key,
    )
    from wederhoor.pipeline.engine import loaded, run_engine

    data = cfg.data
    cache = StageCache(cfg.cache_dir, bool(cfg.cache), cfg.cache_max_gb)
    with timer.stage("load"):
        check_lang_option(cfg.lang)  # before a cache hit could skip loading (which checks it)
        input_path(data.input, "data.input")
        key = stage_key("shards", input_fingerprint(data.input, data.get("meta"), cfg.lang),
                        component_fingerprint(cfg.segmenter),
                        component_fingerprint(cfg.labeler), code_fingerprint("label"))
    manifest = cache.manifest("shards", key, verify=True)
    with ExitStack() as stack:
        if manifest is not None and manifest.get("format") == "parquet":
            folder = cache.entry("shards", key)
            info(f"reusing cached split/label from {folder}")
        else:
            if cache.enabled:
                folder = cache.begin_shards("shards", key)
                stack.callback(shutil.rmtree, folder, ignore_errors=True)  # gone once committed
            else:
                Path(cfg.cache_dir).mkdir(parents=True, exist_ok=True)
                folder = Path(stack.enter_context(tempfile.TemporaryDirectory(
                    prefix=".shards-", dir=cfg.cache_dir)))
            with timer.stage("split+label"):
                manifest = run_engine(data.input, cfg.lang, data.get("meta"), segmenter,
                                      labeler, folder, cfg.workers)
            if cache.enabled:
                folder = cache.commit_shards("shards", key, folder, manifest)
        with timer.stage("load_shards"):
            frame = loaded(folder, manifest, data.input, frame=True)
    return Labelled(frame, manifest["documents"], cache, key)


def corpus_fingerprint(cfg: DictConfig, segmenter: Any, labelled: Labelled) -> str:
    """The data fingerprint of metrics.json (documents + gold file), remembered in the cache."""
    from wederhoor.pipeline.cache import path_digest
    from wederhoor.tracking.provenance import fingerprint

    gold_path = cfg.data.get("gold")
    gold_key = path_digest(gold_path) if gold_path and Path(gold_path).is_file() else "-"
    manifest = labelled.cache.manifest("shards", labelled.key) or {}
    known = (manifest.get("fingerprints") or {}).get(gold_key)
    if known:
        return str(known)
    extra = [gold_path] if gold_path else []
    from wederhoor.io.documents import iter_documents
    from wederhoor.pipeline.sentences import rows_are_documents

    def column(name: str) -> Any:
        for batch in iter_documents(cfg.data.input, cfg.lang, cfg.data.get("meta"),
                                    rows_are_documents=rows_are_documents(segmenter)):
            yield from batch[name]

    fp = fingerprint(column("doc_id"), column("text"), extra_files=extra)
    labelled.cache.update("shards", labelled.key,
                          fingerprints={**(manifest.get("fingerprints") or {}), gold_key: fp})
    return fp


def no_gold_match(cfg: DictConfig, gold: Any, doc_ids: set[str]) -> str:
    """The line for a gold file none of whose (doc_id, text) pairs is a sentence of the
    corpus: evaluating against silver instead would hide a wrong path or a wrong corpus."""
    shared = len({d for d, _ in gold.labels} & doc_ids)
    why = (f"its sentences of the {shared} document(s) both hold differ from the segmenter's "
           "(see `make gold-check`)" if shared else "none of its doc_ids is a document there")
    return (f"data.gold={cfg.data.gold}: none of its {len(gold.labels)} labelled sentences "
            f"matches a sentence of data.input={cfg.data.input} by doc_id and text ({why}); "
            "point data.gold= at the gold labels of these documents, or set data.gold=null")


def build_corpus(cfg: DictConfig, segmenter: Any, labeler: Any, timer: Timer) -> Corpus:
    """Split and label the configured corpus; attach gold labels where the corpus has them."""
    from wederhoor.io.gold import load_gold

    labelled = labelled_sentences(cfg, segmenter, labeler, timer)
    frame = labelled.frame.rename(columns={"label": "silver"})
    gold_path = cfg.data.get("gold")
    frame["gold"] = ""
    unmatched = 0
    if gold_path:
        gold = load_gold(gold_path)
        frame["gold"] = gold.lookup(frame["doc_id"], frame["text"])
        if gold.labels and not (frame["gold"] != "").any():
            raise UserError(no_gold_match(cfg, gold, set(frame["doc_id"])))
        missed = gold.unmatched(frame["doc_id"], frame["text"])
        unmatched = len(missed)
        if missed:
            doc, text = missed[0]
            warn(f"{len(missed)} gold sentence(s) are not produced by segmenter "
                 f"'{segmenter.name}' (first: {doc}: {text[:60]!r}); "
                 "they are left out of gold evaluation")
    fp = corpus_fingerprint(cfg, segmenter, labelled)
    return Corpus(frame, bool((frame["gold"] != "").any()), unmatched, labelled.documents, fp)


def _fit(model: Any, x_train: Any, y_train: Any, notes: list[str],
         weights: np.ndarray | None = None, key: str = "model") -> Any:
    """``fitting.fit_clone``, its note (a one-class training set) kept in ``notes``; a fit
    scikit-learn refuses is one line naming the model's option ``key``."""
    from wederhoor.modeling.fitting import fit_clone
    from wederhoor.modeling.models import fit_error

    try:
        fitted, note = fit_clone(model, x_train, y_train, weights)
    except Exception as exc:  # noqa: BLE001 - fit_error keeps all but scikit-learn's own
        error = fit_error(model, key, exc)
        if error is exc:
            raise
        raise error from None
    if note is not None:
        notes.append(note)
    return fitted


def final_fit(model: Any, x: Any, y: np.ndarray, folds: list, fold_models: list,
              notes: list[str], weights: np.ndarray | None = None, key: str = "model"
              ) -> Any:
    """``model`` fitted on every training row of the folds: the one fold's own fit when a
    single fold trains on all of them (no second fit), else a fresh fit."""
    from wederhoor.modeling.models import take

    train_all = np.unique(np.concatenate([tr for tr, _ in folds]))
    if len(folds) == len(fold_models) == 1 and np.array_equal(folds[0][0], train_all):
        return fold_models[0]
    return _fit(model, take(x, train_all), y[train_all], notes,
                None if weights is None else weights[train_all], key)


def cross_predict(model: Any, texts: Any, y: np.ndarray, folds: list,
                  timer: Timer, ref: np.ndarray, progress: Any = None,
                  fitted_models: list | None = None, weights: np.ndarray | None = None,
                  key: str = "model") -> tuple[np.ndarray, np.ndarray, list, list]:
    """Out-of-fold predictions and per-fold metrics against ``ref``.

    ``texts`` is the sentence texts, or the sentence table for a model that reads one
    (``models.model_input``). ``weights``: one training weight per row (None: all equal).
    ``fitted_models``, when given, receives each fold's fitted model (for reuse). ``key``:
    the model's config option, named when scikit-learn refuses to fit it.
    """
    from wederhoor.evaluation.metrics import evaluate
    from wederhoor.modeling.models import take

    predicted = np.full(len(texts), "", dtype=object)
    fold_of = np.full(len(texts), -1)
    fold_metrics: list[dict[str, Any]] = []
    notes: list[str] = []
    for k, (train_idx, test_idx) in enumerate(folds):
        with timer.stage("train"):
            fitted = _fit(model, take(texts, train_idx), y[train_idx], notes,
                          None if weights is None else weights[train_idx], key)
        if fitted_models is not None:
            fitted_models.append(fitted)
        with timer.stage("predict"):
            predicted[test_idx] = fitted.predict(take(texts, test_idx))
        fold_of[test_idx] = k
        if progress is not None:
            progress.update(1)
        result = evaluate(ref[test_idx], predicted[test_idx])
        result["fold"] = k
        result["documents"] = None
        fold_metrics.append(result)
    return predicted, fold_of, fold_metrics, notes


def build_components(cfg: DictConfig) -> Components:
    """Every working config group built and checked once, before any split or label work."""
    from wederhoor.io.model_files import check_model_name
    from wederhoor.io.options import check_shared_options, whole_number
    from wederhoor.modeling.models import check_model
    from wederhoor.train_options import build_node, check_train_options

    check_shared_options(cfg)  # as every command does; here too for callers in-process
    check_train_options(cfg)  # train checks them before Hydra runs; sweeps and tests here
    if "k" in cfg.cv:
        whole_number(cfg, "cv.k", minimum=2, example="cv.k=5")
    built = {group: build_node(cfg[group], group, f"conf/{group}/")
             for group in ("segmenter", "labeler", "model", "cv")}
    also = {str(name): build_node(node, f"also.{name}", "conf/model/")
            for name, node in (cfg.also or {}).items()}
    for name in also:
        check_model_name(name, f"also.{name}")
    check_model(built["model"], "model")
    for name, model in also.items():
        check_model(model, f"also.{name}")
    return Components(built["segmenter"], built["labeler"], built["model"], built["cv"], also)


def _usable_rows(frame: Any, train_labels: str, has_gold: bool) -> tuple[str, Any]:
    """What the run is scored against, and the rows that have both labels it needs."""
    eval_against = "gold" if has_gold else "silver"
    if eval_against == "silver":
        info("no gold labels for this corpus: evaluating against the labeler's silver labels, "
             "which measures agreement with the rules, not correctness")
    usable = (frame[train_labels] != "") & (frame[eval_against] != "")
    if not usable.any():
        raise UserError(f"no sentence has a {train_labels} label to train on; check that "
                        f"data.gold matches the documents' doc_id and sentence text")
    if not usable.all():
        missing = " or ".join(c for c in sorted({eval_against, train_labels})
                              if (frame.loc[~usable, c] == "").any())
        info(f"{int((~usable).sum())} sentence(s) without a {missing} label (see `make "
             "gold-check`) are predicted but left out of training and evaluation")
    return eval_against, usable


def group_report(cfg: DictConfig, work: Any, ref: np.ndarray, evaluated: np.ndarray,
                 predictions: dict[str, np.ndarray], run_dir: Path) -> list[dict[str, Any]]:
    """Each model's macro-F1 per language and per ``data.groups`` pattern, on the scored rows;
    written as by_group.csv and by_group.png beside predictions.csv. With ``data.rounds``, the
    same per round of documents (by_round.csv and .png): a round by one new writer, scored
    alone, says whether a model transfers, which the pooled groups hide."""
    import pandas as pd

    from wederhoor.evaluation.groups import (
        group_masks,
        plot_by_group,
        round_masks,
        scores_by_group,
    )
    from wederhoor.io.outputs import write_csv

    doc_ids = work["doc_id"].to_numpy(dtype=object)[evaluated]
    scored = {k: v[evaluated] for k, v in predictions.items()}
    masks = group_masks(doc_ids, work["lang"].to_numpy(dtype=object)[evaluated],
                        cfg.data.get("groups"))
    rows = scores_by_group(ref[evaluated], scored, masks)
    if rows:
        write_csv(pd.DataFrame(rows), run_dir / "by_group.csv")
        plot_by_group(rows, list(predictions), run_dir / "by_group.png",
                      f"{cfg.name}: macro-F1 per group of scored sentences")
    rounds = scores_by_group(ref[evaluated], scored, round_masks(doc_ids, cfg.data.get("rounds"),
                                                                "data.rounds"))
    if rounds:
        write_csv(pd.DataFrame(rounds), run_dir / "by_round.csv")
    if 0 < len(rounds) <= PLOTTED_ROUNDS_MAX:
        plot_by_group(rounds, list(predictions), run_dir / "by_round.png",
                      f"{cfg.name}: macro-F1 per round of scored documents")
    return rows


def run_experiment(cfg: DictConfig, run_dir: Path, model_name: str = "model",
                   commands: dict[str, str] | None = None,
                   parts: Components | None = None) -> dict[str, Any]:
    """Run the configured experiment into ``run_dir`` and return its metrics record.

    ``parts`` are the built config groups (``train`` builds them at its top; built here from
    ``cfg`` when not given). ``commands`` (how to repeat the run) is stored in metrics.json as
    given; by default the command line of this process.
    """

    from wederhoor.evaluation.metrics import evaluate, label_counts, summarise_folds
    from wederhoor.evaluation.plots import confusion_png
    from wederhoor.io.model_files import MAIN, model_file, save_model
    from wederhoor.io.outputs import write_csv, write_json
    from wederhoor.modeling.fitting import row_weights
    from wederhoor.modeling.models import model_input, reads_table
    from wederhoor.tracking.provenance import command_line, git_state, package_versions

    parts = parts or build_components(cfg)
    model, splitter, also, also_labels = parts.model, parts.splitter, parts.also, cfg.also_labels
    timer = Timer()
    corpus = build_corpus(cfg, parts.segmenter, parts.labeler, timer)
    frame = corpus.frame
    if cfg.train_labels == "gold" and not corpus.has_gold:
        raise UserError("train_labels=gold but the corpus has no gold labels (data.gold); "
                        "use train_labels=silver")
    eval_against, usable = _usable_rows(frame, cfg.train_labels, corpus.has_gold)
    work = frame[usable].reset_index(drop=True)
    texts = work["text"].to_numpy(dtype=object)
    ref = work[eval_against].to_numpy(dtype=object)
    subset = work["split"].tolist() if "split" in work.columns else None
    folds = list(splitter.split(texts, ref, work["doc_id"].tolist(), parts=subset))

    y = work[cfg.train_labels].to_numpy(dtype=object)
    weights = row_weights(cfg.get("train_weights") or {}, work["doc_id"])
    inputs = {id(m): model_input(m, work) for m in (model, *also.values())}
    other = "gold" if cfg.train_labels == "silver" else "silver"
    with_reference = bool(cfg.reference_labels and corpus.has_gold
                          and cfg.reference_labels == other)
    also_y = also_labels if also_labels == "silver" or corpus.has_gold else "silver"
    fits = len(folds) * (1 + int(with_reference) + len(also)) + 1 + len(also)
    stack = ExitStack()  # the bar spans cross-validation, reference and refit
    progress = stack.enter_context(bar(fits, "train", unit="fits",
                                       show=len(work) >= TRAIN_BAR_MIN_ROWS))
    fold_models: list[Any] = []
    predicted, fold_of, fold_metrics, notes = cross_predict(model, inputs[id(model)], y, folds,
                                                            timer, ref, progress, fold_models,
                                                            weights)
    for fold, (_, test_idx) in zip(fold_metrics, folds, strict=True):
        fold["documents"] = int(work["doc_id"].iloc[test_idx].nunique())
    evaluated = fold_of >= 0
    with timer.stage("evaluate"):
        pooled = evaluate(ref[evaluated], predicted[evaluated])
        labeler_score = evaluate(ref[evaluated], work["silver"].to_numpy(dtype=object)[evaluated])

    reference: dict[str, Any] | None = None
    ref_pred = None
    if with_reference:
        y_other = work[other].to_numpy(dtype=object)
        ref_pred, _, ref_folds, _ = cross_predict(model, inputs[id(model)], y_other, folds,
                                                  Timer(), ref, progress, weights=weights)
        reference = {"train_labels": other,
                     "metrics": evaluate(ref[evaluated], ref_pred[evaluated]),
                     "fold_summary": summarise_folds(ref_folds)}

    also_results: dict[str, Any] = {}
    also_preds: dict[str, np.ndarray] = {}
    also_folds: dict[str, list[Any]] = {name: [] for name in also}
    y_also = work[also_y].to_numpy(dtype=object)
    for name, extra in also.items():
        also_preds[name], _, extra_folds, _ = cross_predict(
            extra, inputs[id(extra)], y_also, folds, Timer(), ref, progress,
            also_folds[name] if len(folds) == 1 else None, weights, f"also.{name}")
        also_results[name] = {"train_labels": also_y,
                              "metrics": evaluate(ref[evaluated], also_preds[name][evaluated]),
                              "fold_summary": summarise_folds(extra_folds)}

    train_all = np.unique(np.concatenate([tr for tr, _ in folds]))
    with timer.stage("refit"):  # every scored model on all training rows, to save
        finals = {MAIN: final_fit(model, inputs[id(model)], y, folds, fold_models, notes,
                                  weights)}
        progress.update(1)
        for name, extra in also.items():
            finals[name] = final_fit(extra, inputs[id(extra)], y_also, folds, also_folds[name],
                                     [], weights, f"also.{name}")
            progress.update(1)
    stack.close()
    final = finals[MAIN]
    with timer.stage("save"):
        for name, fitted in finals.items():
            save_model(fitted, run_dir, name)
    saved_models = {MAIN: {"file": model_file(MAIN), "model": model_name,
                           "train_labels": cfg.train_labels, "macro_f1": pooled["macro_f1"]}}
    saved_models.update({name: {"file": model_file(name), "train_labels": result["train_labels"],
                                "macro_f1": result["metrics"]["macro_f1"]}
                         for name, result in also_results.items()})

    out = frame[["doc_id", "sent_id", "text", "gold", "silver"]].copy()
    out["evidence"] = frame["evidence"]
    out["fold"] = -1
    out["predicted"] = ""
    rest = ~usable.to_numpy()
    if rest.any():
        # sentences outside training/evaluation get the final model's prediction (fold -1);
        # a model that reads the sentence table sees them in their whole documents, a text
        # model (one sentence at a time) only them
        whole = reads_table(final)
        guess = final.predict(model_input(final, frame if whole else frame[rest]))
        out.loc[rest, "predicted"] = guess[rest] if whole else guess
    out.loc[usable.to_numpy(), "predicted"] = predicted
    out.loc[usable.to_numpy(), "fold"] = fold_of
    if ref_pred is not None:
        out[f"predicted_{other}_trained"] = ""
        out.loc[usable.to_numpy(), f"predicted_{other}_trained"] = ref_pred
    for name, extra_pred in also_preds.items():
        out[f"predicted_{name}"] = ""
        out.loc[usable.to_numpy(), f"predicted_{name}"] = extra_pred
    write_csv(out, run_dir / "predictions.csv")
    by_group = group_report(cfg, work, ref, evaluated, {
        cfg.train_labels: predicted, **({other: ref_pred} if ref_pred is not None else {}),
        **also_preds,
        **({"rules": work["silver"].to_numpy(dtype=object)} if eval_against == "gold" else {}),
    }, run_dir)
    confusion_png(pooled["confusion_matrix"]["matrix"], LABELS, run_dir / "confusion_matrix.png",
                  f"{model_name}, trained on {cfg.train_labels}, vs {eval_against} "
                  f"(macro-F1 {pooled['macro_f1']:.3f})")
    record: dict[str, Any] = {
        "status": "ok",
        "name": cfg.name,
        "model": model_name,
        "seed": cfg.seed,
        "train_labels": cfg.train_labels,
        "eval_against": eval_against,
        "metrics": pooled,
        "folds": fold_metrics,
        "fold_summary": summarise_folds(fold_metrics),
        "n_folds": len(folds),
        "reference": reference,
        "also": also_results,
        "saved_models": saved_models,
        "labeler_vs_gold": labeler_score if corpus.has_gold else None,
        "by_group": by_group,
        "counts": {
            "documents": corpus.documents,
            "sentences": int(len(frame)),
            "evaluated_sentences": int(evaluated.sum()),
            "train_languages": {str(k): int(v) for k, v in
                                work["lang"].iloc[train_all].value_counts().items()},
            "unmatched_gold_sentences": corpus.unmatched_gold,
            "labels": {"gold": label_counts(frame["gold"]),
                       "silver": label_counts(frame["silver"])},
        },
        "notes": sorted(set(notes + pooled["notes"])),
        "seconds": timer.seconds,
        "data_fingerprint": corpus.fingerprint,
        "versions": package_versions(),
        "git": git_state(Path(__file__).resolve().parent),
        **(commands or {"command": command_line()}),
    }
    write_json(record, run_dir / "metrics.json")
    return record
