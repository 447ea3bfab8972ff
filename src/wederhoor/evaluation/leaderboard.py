"""Collect finished runs and turn them into a leaderboard with confidence intervals.

Reading (`collect_runs`) and ranking (`build_leaderboard`) are separate so that broken run
folders become a list of problems instead of an exception halfway through a sweep.

Choices worth knowing when reading the table:
- Runs whose overrides differ only in `seed` form one row. Their reported metrics are
  averaged; `macro_f1_std` is the spread across seeds.
- `ci_low`/`ci_high` and `p_vs_best` come from the predictions of the row's lowest-seed run,
  so every comparison is between two single systems on the same sentences. The interval
  shows test-set (document) uncertainty; seed variation is what `macro_f1_std` shows.
- Only sentences with an out-of-fold prediction are scored (predictions.csv rows with a
  `fold` of 0 or more and a `predicted` label), the same sentences metrics.json was scored
  on: training-only documents carry an empty prediction and fold -1, and sentences the
  final model labelled in-sample also have fold -1. Counting them would put the interval
  and the p-value on other sentences than the point estimate.
- `p_vs_best` is an approximate-randomization test with documents as the unit, against the
  best row scored on the same reference (gold or silver): a silver score is agreement with
  the labeler, so a silver row at the top must not become the yardstick for gold rows.
"""

from __future__ import annotations

import json
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from wederhoor import LABELS
from wederhoor.evaluation.stats import approximate_randomization, bootstrap_ci
from wederhoor.io.run_folder import is_run_folder

REFERENCES = ("gold", "silver")
OPTIONAL_METRICS = ("accuracy", "kappa")
SECONDS = ("train", "predict")


class LeaderboardError(Exception):
    """Input that cannot produce a meaningful leaderboard."""


class NoRunsError(LeaderboardError):
    """No usable run below the given folder."""


class MixedDataError(LeaderboardError):
    """Runs were trained or evaluated on different data, so their scores are not comparable."""

    #: the error line names at most this many corpora (the largest), so it stays one line
    SHOWN = 3

    def __init__(self, fingerprints: dict[str, list[Path]]):
        self.fingerprints = fingerprints
        largest = sorted(fingerprints.items(), key=lambda item: (-len(item[1]), item[0]))
        parts = [
            f"{fp} ({len(folders)} run{'s' if len(folders) != 1 else ''}, e.g. {folders[0]})"
            for fp, folders in largest[:self.SHOWN]
        ]
        rest = len(largest) - self.SHOWN
        if rest > 0:
            parts.append(f"and {rest} more")
        super().__init__(f"runs use {len(largest)} different data fingerprints: "
                         + "; ".join(parts))


@dataclass
class Run:
    """One finished run: what was asked (overrides), what it reported, what it predicted."""

    folder: Path
    overrides: dict[str, str]
    config: dict[str, Any]
    metrics: dict[str, Any]
    predictions: pd.DataFrame  # columns doc_id, sent_id, reference, predicted
    notes: list[str] = field(default_factory=list)

    @property
    def seed(self) -> int | None:
        value = self.metrics.get("seed", self.overrides.get("seed"))
        if value is None:
            return None
        try:
            return int(value)
        except (TypeError, ValueError):
            return None

    @property
    def fingerprint(self) -> str:
        return str(self.metrics.get("data_fingerprint", "unknown"))

    @property
    def eval_against(self) -> str:
        return str(self.metrics["eval_against"])

    def metric(self, key: str) -> float:
        """A reported score, NaN when the run did not report it."""
        value = self.metrics.get("metrics", {}).get(key)
        return float(value) if isinstance(value, int | float) else math.nan

    def class_f1(self, label: str) -> float:
        per_class = self.metrics.get("metrics", {}).get("per_class", {})
        entry = per_class.get(label) if isinstance(per_class, dict) else None
        value = entry.get("f1") if isinstance(entry, dict) else None
        return float(value) if isinstance(value, int | float) else math.nan

    def seconds(self, stage: str) -> float:
        seconds = self.metrics.get("seconds")
        value = seconds.get(stage) if isinstance(seconds, dict) else None
        return float(value) if isinstance(value, int | float) else math.nan


# --------------------------------------------------------------------------- reading


def parse_overrides(items: list[Any]) -> dict[str, str]:
    """`key=value` strings to a dict, splitting on the first '=' only."""
    out: dict[str, str] = {}
    for item in items:
        key, sep, value = str(item).partition("=")
        if not sep:
            raise ValueError(f"override without '=': {item!r}")
        out[key.strip()] = value.strip()
    return out


def _natural_key(path: Path) -> list[Any]:
    """Sort job folders 0, 1, 2, ..., 10 rather than 0, 1, 10, 2."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", str(path))]


def find_run_folders(root: Path) -> list[Path]:
    """Every run folder at or below root; a run folder's own subfolders are not searched."""
    if is_run_folder(root):
        return [root]
    found: list[Path] = []
    for current, dirs, _files in os.walk(root):
        here = Path(current)
        if here != root and is_run_folder(here):
            found.append(here)
            dirs.clear()
            continue
        dirs[:] = [d for d in dirs if not d.startswith(".")]
    return sorted(found, key=_natural_key)


def _read_yaml(path: Path, default: Any) -> Any:
    if not path.is_file():
        return default
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    return default if loaded is None else loaded


def _read_predictions(path: Path, reference: str) -> pd.DataFrame:
    """The sentences to score: a reference label and an out-of-fold prediction.

    Rows without a reference label, without a prediction, or outside every test fold
    (``fold`` below 0 or empty: training-only documents, in-sample predictions of the final
    model) are dropped. A file without a ``fold`` column keeps every predicted row.
    """
    wanted = ["doc_id", "sent_id", reference, "predicted"]
    header = pd.read_csv(path, nrows=0).columns
    missing = [c for c in wanted if c not in header]
    if missing:
        raise ValueError(f"predictions.csv lacks column(s) {', '.join(missing)}")
    has_fold = "fold" in header
    frame = pd.read_csv(path, usecols=wanted + (["fold"] if has_fold else []), dtype=str,
                        keep_default_na=False)
    frame = frame.rename(columns={reference: "reference"})
    frame = frame[frame["reference"] != ""]
    if frame.empty:
        raise ValueError(f"predictions.csv has no sentence with a {reference} label")
    scored = frame["predicted"] != ""
    if has_fold:
        scored &= pd.to_numeric(frame["fold"], errors="coerce").fillna(-1) >= 0
    frame = frame.loc[scored, ["doc_id", "sent_id", "reference", "predicted"]]
    if frame.empty:
        raise ValueError(f"predictions.csv has no sentence with both a {reference} label and "
                         "an out-of-fold prediction")
    return frame.reset_index(drop=True)


def _read_metrics(folder: Path) -> dict[str, Any]:
    """metrics.json of a finished, successful run; ValueError naming what is wrong."""
    metrics_path = folder / "metrics.json"
    if not metrics_path.is_file():
        raise ValueError("no metrics.json (the run crashed, was killed or is still running)")
    try:
        metrics = json.loads(metrics_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise ValueError(f"metrics.json is not valid JSON ({err.msg}, line {err.lineno})") from None
    if not isinstance(metrics, dict):
        raise ValueError("metrics.json does not hold an object")
    if metrics.get("status") != "ok":
        lines = str(metrics.get("error") or "no error message").strip().splitlines() or [""]
        raise ValueError(f"run failed (status {metrics.get('status')!r}): {lines[0]}")
    if not isinstance(metrics.get("metrics"), dict):
        raise ValueError("metrics.json has no metrics object")
    if not isinstance(metrics["metrics"].get("macro_f1"), int | float):
        raise ValueError("metrics.json has no metrics.macro_f1, so the run cannot be ranked")
    reference = metrics.get("eval_against")
    if reference not in REFERENCES:
        raise ValueError(f"metrics.json eval_against is {reference!r}, expected gold or silver")
    return metrics


def has_finished_run(root: Path) -> bool:
    """Does ``root`` hold a run whose metrics.json says it finished? (A sweep that failed
    before any job finished holds none: only Hydra's files, or nothing.)"""
    for folder in find_run_folders(root):
        try:
            _read_metrics(folder)
        except (ValueError, OSError):
            continue
        return True
    return False


def load_run(folder: Path) -> Run:
    """Read one run folder; raise ValueError/OSError with a readable reason if unusable."""
    metrics = _read_metrics(folder)
    reference = metrics["eval_against"]
    if not (folder / "predictions.csv").is_file():
        raise ValueError("no predictions.csv, so no confidence interval can be computed")
    try:
        overrides_raw = _read_yaml(folder / ".hydra" / "overrides.yaml", [])
        config = _read_yaml(folder / ".hydra" / "config.yaml", {})
    except yaml.YAMLError as err:
        raise ValueError(f"unreadable .hydra YAML: {str(err).splitlines()[0]}") from None
    if not isinstance(overrides_raw, list):
        raise ValueError(".hydra/overrides.yaml is not a list")
    overrides = parse_overrides(overrides_raw)
    try:
        predictions = _read_predictions(folder / "predictions.csv", reference)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as err:
        raise ValueError(f"predictions.csv unreadable: {str(err).splitlines()[0]}") from None
    run = Run(folder, overrides, config if isinstance(config, dict) else {}, metrics, predictions)
    absent = [k for k in OPTIONAL_METRICS if math.isnan(run.metric(k))]
    absent += [f"per_class.{lab}.f1" for lab in LABELS if math.isnan(run.class_f1(lab))]
    if absent:
        run.notes.append(f"metrics.json lacks {', '.join(absent)}")
    return run


def collect_runs(root: str | Path) -> tuple[list[Run], list[tuple[Path, str]]]:
    """All usable runs below root, plus (folder, reason) for each folder that is not usable.

    Runs with incomplete metrics are kept (missing cells stay empty) and also listed as
    problems so that the gap is visible.
    """
    root = Path(root)
    if not root.is_dir():
        raise NoRunsError(f"{root}: folder does not exist")
    runs: list[Run] = []
    problems: list[tuple[Path, str]] = []
    for folder in find_run_folders(root):
        try:
            run = load_run(folder)
        except (ValueError, OSError) as err:
            problems.append((folder, str(err)))
            continue
        runs.append(run)
        problems.extend((folder, f"kept, but {note}") for note in run.notes)
    return runs, problems


# --------------------------------------------------------------------------- ranking


def _identity(run: Run, with_fingerprint: bool) -> tuple[tuple[str, str], ...]:
    """What makes a configuration: its overrides apart from seed and Hydra's own settings."""
    items = {k: v for k, v in run.overrides.items() if k != "seed" and not k.startswith("hydra.")}
    if with_fingerprint:
        items["data_fingerprint"] = run.fingerprint
    return tuple(sorted(items.items()))


def _differing_keys(identities: list[tuple[tuple[str, str], ...]]) -> list[str]:
    """Override keys whose value (or presence) is not the same in every configuration."""
    dicts = [dict(i) for i in identities]
    keys = sorted({k for d in dicts for k in d})
    return [k for k in keys if len({d.get(k) for d in dicts}) > 1]


def check_fingerprints(runs: list[Run]) -> None:
    by_fp: dict[str, list[Path]] = {}
    for run in runs:
        by_fp.setdefault(run.fingerprint, []).append(run.folder)
    if len(by_fp) > 1:
        raise MixedDataError(by_fp)


def _mean(values: list[float]) -> float:
    finite = [v for v in values if not math.isnan(v)]
    return float(np.mean(finite)) if finite else math.nan


def _row(group: list[Run], columns: list[str], n_boot: int, seed: int) -> dict[str, Any]:
    """Summarise the runs of one configuration."""
    first = group[0]
    row: dict[str, Any] = {col: first.overrides.get(col, "(default)") for col in columns}
    if "data_fingerprint" in columns:
        row["data_fingerprint"] = first.fingerprint
    f1s = [r.metric("macro_f1") for r in group]
    seeds = {r.seed for r in group}
    pred = first.predictions
    point, low, high = bootstrap_ci(
        pred["doc_id"], pred["reference"], pred["predicted"], LABELS, n_boot=n_boot, seed=seed
    )
    notes = sorted({note for r in group for note in r.notes})
    if first.eval_against == "silver":
        notes.insert(0, "SILVER reference: scores are agreement with the labeler, not gold")
    if abs(point - f1s[0]) > 1e-6:
        notes.append(f"predictions.csv gives macro-F1 {point:.4f}, metrics.json {f1s[0]:.4f}")
    row.update(
        n_seeds=len(seeds),
        macro_f1=float(np.mean(f1s)),
        macro_f1_std=float(np.std(f1s, ddof=1)) if len(f1s) > 1 else math.nan,
        ci_low=low,
        ci_high=high,
        **{f"f1_{lab}": _mean([r.class_f1(lab) for r in group]) for lab in LABELS},
        **{key: _mean([r.metric(key) for r in group]) for key in OPTIONAL_METRICS},
        **{f"{stage}_s": _mean([r.seconds(stage) for r in group]) for stage in SECONDS},
        eval_against=first.eval_against,
        p_vs_best=math.nan,
        n_runs=len(group),
        notes="; ".join(notes),
        _run=first,
    )
    return row


def paired_frames(a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
    """Join two runs' predictions sentence by sentence; ValueError if they cover other sentences."""
    keys = ["doc_id", "sent_id"]
    merged = a.merge(b, on=keys, how="outer", suffixes=("_a", "_b"), indicator=True)
    if (merged["_merge"] != "both").any() or len(merged) != len(a) or len(merged) != len(b):
        raise ValueError("the two runs were scored on different sentences")
    if (merged["reference_a"] != merged["reference_b"]).any():
        raise ValueError("the two runs use different reference labels for the same sentences")
    return merged


def _p_value(best: Run, other: Run, n_boot: int, seed: int) -> tuple[float, str]:
    try:
        merged = paired_frames(best.predictions, other.predictions)
    except ValueError as err:
        return math.nan, f"no p-value: {err}"
    p = approximate_randomization(
        merged["doc_id"], merged["reference_a"], merged["predicted_a"], merged["predicted_b"],
        LABELS, n_rounds=n_boot, seed=seed,
    )
    return p, ""


def _add_note(frame: pd.DataFrame, i: int, note: str) -> None:
    frame.at[i, "notes"] = "; ".join(n for n in (str(frame.at[i, "notes"]), note) if n)


def _add_p_values(frame: pd.DataFrame, n_boot: int, seed: int) -> None:
    """Fill p_vs_best per reference kind; the frame is already sorted best first."""
    several = frame["eval_against"].nunique() > 1
    runs = frame["_run"]
    for reference, rows in frame.groupby("eval_against", sort=False).groups.items():
        top, *others = list(rows)
        if several and others:
            _add_note(frame, top, f"best {reference}-evaluated row: p_vs_best of {reference} rows")
        for i in others:
            p, note = _p_value(runs[top], runs[i], n_boot, seed)
            frame.at[i, "p_vs_best"] = p
            _add_note(frame, i, note)


def build_leaderboard(
    runs: list[Run], n_boot: int = 1000, seed: int = 0, allow_mixed: bool = False
) -> pd.DataFrame:
    """One row per configuration, best macro-F1 first (see the module docstring for choices).

    The names of the configuration columns are in `frame.attrs["config_columns"]`.
    """
    if not runs:
        raise NoRunsError("no usable runs to rank")
    mixed = len({r.fingerprint for r in runs}) > 1
    if mixed and not allow_mixed:
        check_fingerprints(runs)
    groups: dict[tuple[tuple[str, str], ...], list[Run]] = {}
    for run in runs:
        groups.setdefault(_identity(run, mixed), []).append(run)
    columns = _differing_keys(list(groups))
    label_columns = [c for c in columns if c != "data_fingerprint"] or ["name"]
    rows = []
    for group in groups.values():
        group.sort(key=lambda r: (r.seed is None, r.seed or 0, str(r.folder)))
        row = _row(group, columns, n_boot, seed)
        if label_columns == ["name"]:
            row["name"] = str(group[0].metrics.get("name", group[0].folder.name))
        rows.append(row)
    frame = pd.DataFrame(rows)
    frame = frame.sort_values("macro_f1", ascending=False, kind="stable").reset_index(drop=True)
    _add_p_values(frame, n_boot, seed)
    config_columns = label_columns + (["data_fingerprint"] if mixed else [])
    rest = [c for c in frame.columns if c not in config_columns and c != "_run"]
    frame = frame[config_columns + rest]
    frame.attrs["config_columns"] = config_columns
    return frame
