"""Compare finished runs: ``python -m wederhoor.compare [dir=...]`` (``make compare``).

Ranks every run under a sweep, runs folder or single run with confidence intervals and
writes leaderboard.md, leaderboard.csv and leaderboard.png next to them (or under ``out=``;
a single run's go to ``experiments/reports/leaderboard-of-<run>/``: run folders stay as the
train left them).
"""

from __future__ import annotations

from pathlib import Path

from omegaconf import DictConfig

from wederhoor.cli import hydra_app
from wederhoor.errors import UserError


def default_dir(experiments: Path) -> Path:
    """The newest sweep (stamped names sort by time) with a finished run, else the whole runs
    folder. Newer sweeps without one (failed before any job finished) are passed over, in
    one line; when no sweep has a finished run, the newest is compared (and its problems
    listed)."""
    from wederhoor.errors import info
    from wederhoor.evaluation.leaderboard import has_finished_run

    sweeps = experiments / "sweeps"
    found = sorted(p for p in sweeps.iterdir() if p.is_dir() and not p.name.startswith(".")) \
        if sweeps.is_dir() else []
    if not found:
        return experiments / "runs"
    usable = next((i for i in range(len(found) - 1, -1, -1) if has_finished_run(found[i])),
                  None)
    if usable is None or usable == len(found) - 1:
        return found[-1]
    skipped = len(found) - 1 - usable
    info(f"skipping {skipped} newer sweep(s) without a finished run (newest: {found[-1].name}, "
         f"failed or still running): comparing {found[usable].name} (dir= picks another)")
    return found[usable]


def compare(folder: Path, out: Path | None = None, n_boot: int = 1000, seed: int = 0,
            allow_mixed: bool = False) -> Path:
    """Collect, rank, write the three files and print the summary; return the output folder."""
    from wederhoor.evaluation.leaderboard import (
        MixedDataError,
        NoRunsError,
        build_leaderboard,
        collect_runs,
    )
    from wederhoor.evaluation.leaderboard_render import (
        LEGEND,
        plot,
        render_markdown,
        render_text,
        row_notes,
    )

    if n_boot < 1:
        raise UserError(f"n_boot={n_boot}: must be at least 1")
    if not folder.is_dir():
        raise UserError(f"{folder}: no such folder; pass dir=<sweep, runs or run folder>, "
                        "or run `python -m wederhoor.train` first")
    try:
        runs, problems = collect_runs(folder)
        if not runs:
            first = f" (e.g. {problems[0][0]}: {problems[0][1]})" if problems else ""
            raise UserError(f"{folder}: no usable runs, {len(problems)} broken{first}; "
                            "point dir= to a folder with finished runs")
        frame = build_leaderboard(runs, n_boot, seed, allow_mixed)
    except MixedDataError as err:
        raise UserError(f"{folder}: {err}; compare one corpus at a time "
                        "or pass allow_mixed=true") from None
    except NoRunsError as err:
        raise UserError(f"{folder}: {err}") from None
    target = out if out is not None else folder
    try:
        target.mkdir(parents=True, exist_ok=True)
        frame.to_csv(target / "leaderboard.csv", index=False)
        (target / "leaderboard.md").write_text(render_markdown(frame, problems),
                                               encoding="utf-8")
        plot(frame, target / "leaderboard.png")
    except OSError as err:
        raise UserError(f"{target}: cannot write the leaderboard ({err.strerror}); "
                        "choose another out=") from None
    print(render_text(frame))
    for n, text in row_notes(frame):
        print(f"  row {n}: {text}")
    if problems:
        print(f"\nProblem runs ({len(problems)}):")
        for path, reason in problems:
            print(f"  {path}: {reason}")
    print()
    print("\n".join(LEGEND))
    print(f"\nWrote {target / 'leaderboard.md'}, leaderboard.csv, leaderboard.png")
    return target


def default_out(folder: Path, experiments: Path) -> Path:
    """Where the leaderboard goes without ``out=``: beside the runs of a sweep or runs folder;
    for a single run, a reports folder named after it (a run folder is never written to)."""
    from wederhoor.io.run_folder import enclosing_run

    run = enclosing_run(folder)
    return experiments / "reports" / f"leaderboard-of-{run.name}" if run else folder


@hydra_app("compare")
def main(cfg: DictConfig) -> None:
    """Entry point: every option comes from conf/compare.yaml and the command line."""
    from wederhoor.errors import info
    from wederhoor.io.options import whole_number
    from wederhoor.io.outputs import check_output

    n_boot = whole_number(cfg, "n_boot", minimum=1, example="n_boot=1000")
    folder = Path(cfg.dir) if cfg.dir else default_dir(Path(cfg.paths.experiments))
    out = Path(cfg.out) if cfg.out else default_out(folder, Path(cfg.paths.experiments))
    check_output(out, [], Path(cfg.paths.seeds), folder=True, option="out")
    compare(folder, out, n_boot, cfg.seed, cfg.allow_mixed)
    if not cfg.out and out != folder:
        info(f"{folder} is a run folder, which only its own train writes: the leaderboard "
             f"went to {out} (out= chooses another folder)")


if __name__ == "__main__":
    main()
