"""Grading throughput: N students with mixed submissions (solutions, stubs, counterexamples).

    python -m graders.bench [-n 20] [--jobs N] [--timeout S] [--exercises ex01,ex03]
                            [--compare K]

Student i hands in, for every exercise, a right answer (i % 3 == 0), the untouched
stub (i % 3 == 1) or one of the exercise's counterexamples (i % 3 == 2, a different
one for each such student). Counterexamples written as "the reference with one
mistake" import from ``solutions/``, so the benchmark lets the graded runs read this
repository (``PYTHONPATH``); everything else is graded exactly as a class would be.

``--compare K`` grades the first K students again, one exercise at a time with one
job at a time (no shared runs, no neighbours), and reports any score that differs.

Not a timed test: it prints what it measured (wall time, students and runs per second).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graders import batch, config, sandbox  # noqa: E402
from graders.cli import pick_exercises  # noqa: E402
from graders.engine import REPO  # noqa: E402
from graders.submissions import discover  # noqa: E402

KINDS = ("solution", "stub", "counterexample")


def build(folder: Path, n: int, exercises: list[batch.Exercise]) -> dict[str, int]:
    """``n`` students, a third each handing in solutions, stubs and counterexamples."""
    kinds: dict[str, int] = {}
    for i in range(n):
        student = f"student{i:03d}"
        kind = KINDS[i % 3]
        kinds[kind] = kinds.get(kind, 0) + 1
        for number, ex in enumerate(exercises):
            if kind == "solution":
                source = ex.solution()
            elif kind == "stub":
                source = ex.stub()
            else:
                wrong = ex.counterexamples()
                source = wrong[(i // 3 + number) % len(wrong)] if wrong else ex.stub()
            target = folder / student / ex.slug / f"{ex.module}.py"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    return kinds


def scores(out: Path, students: list[str]) -> dict[tuple[str, str], float]:
    found = {}
    for data in batch.run_all(students, out):
        for e in data["exercises"]:
            found[(data["student"], e["exercise"])] = float(e["score"])
    return found


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("-n", type=int, default=20, help="students (default 20)")
    p.add_argument("--jobs", type=int, default=None)
    p.add_argument("--timeout", type=float, default=config.TIMEOUT)
    p.add_argument("--exercises", default="")
    p.add_argument("--compare", type=int, default=0, metavar="K",
                   help="grade the first K students again one exercise at a time")
    p.add_argument("--json", type=Path, default=None, help="also write the figures here")
    p.add_argument("--keep", type=Path, default=None, metavar="DIR",
                   help="keep the submissions and results in DIR (default: a temporary one)")
    args = p.parse_args()
    exercises = pick_exercises(args.exercises)
    env = {"PYTHONPATH": str(REPO)}
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="grader-bench-") as scratch:
        tmp = args.keep or Path(scratch)
        if args.keep and args.keep.exists() and any(args.keep.iterdir()):
            p.error(f"--keep {args.keep}: the folder is not empty")
        subs, out = Path(tmp) / "subs", Path(tmp) / "out"
        kinds = build(subs, args.n, exercises)
        found, _ = discover(subs, exercises)
        opts = batch.Options(out=out, exercises=exercises, jobs=args.jobs, force=True,
                             limits=sandbox.Limits(timeout=args.timeout), extra_env=env)
        box = sandbox.probe()
        start = time.monotonic()
        summary = batch.grade(found, opts)
        wall = time.monotonic() - start
        students = [s.student for s in found]
        runs = [e["duration"] for r in batch.run_all(students, out)
                for e in r["exercises"] if e["runs"]]
        cpus = len(sandbox.usable_cpus())
        print(f"{len(found)} students x {len(exercises)} exercise(s): "
              + ", ".join(f"{v} {k}" for k, v in kinds.items()))
        print(f"confinement: {box.describe()['network']}; pid namespace "
              f"{'yes' if box.unshare else 'no'}; {cpus} usable CPUs, jobs {args.jobs or cpus}")
        print(f"wall {wall:.1f} s, {summary.jobs} runs ({summary.alone} exercises run again "
              f"after a shared run, {summary.reruns} timing re-runs of "
              f"{summary.rerun_exercises} exercises)")
        print(f"throughput {len(found) / wall:.2f} students/s, {summary.jobs / wall:.2f} runs/s")
        print("job seconds: " + ", ".join(f"{k} {v:.0f}" for k, v in sorted(summary.busy.items())))
        if summary.turns.get("turns"):
            t = summary.turns
            print(f"whole-machine turns: {t['turns']:.0f}, waited {t['waited']:.1f} s in all "
                  f"(the other jobs finishing their current test), held {t['held']:.1f} s")
        if runs:
            print(f"one exercise: mean {statistics.fmean(runs):.2f} s, median "
                  f"{statistics.median(runs):.2f} s, max {max(runs):.2f} s")
        figures = {"students": len(found), "exercises": len(exercises), "wall": wall,
                   "runs": summary.jobs, "alone": summary.alone, "reruns": summary.reruns,
                   "rerun_exercises": summary.rerun_exercises, "job_seconds": summary.busy,
                   "turns": summary.turns}
        if args.compare:
            some = found[: args.compare]
            ref = Path(tmp) / "one-by-one"
            alone = batch.Options(out=ref, exercises=exercises, jobs=1, force=True,
                                  limits=opts.limits, extra_env=env, together=False,
                                  starter_once=False)
            start = time.monotonic()
            batch.grade(some, alone)
            took = time.monotonic() - start
            names = [s.student for s in some]
            got, want = scores(out, names), scores(ref, names)
            differ = sorted(k for k in want if got.get(k) != want[k])
            print(f"one by one, one job at a time: {len(some)} students in {took:.1f} s; "
                  f"{len(want) - len(differ)}/{len(want)} exercise scores equal")
            for student, slug in differ:
                print(f"  DIFFERS {student} {slug}: batch {got.get((student, slug))} vs "
                      f"one by one {want[(student, slug)]}")
            figures.update(compared=len(want), differ=len(differ), compare_wall=took)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
