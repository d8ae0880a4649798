"""Grading throughput: N students with mixed submissions (solutions, stubs, counterexamples).

    python graders/bench.py [-n 20] [--jobs N] [--timeout S] [--exercises ex01,ex03]

Not a timed test: it prints what it measured (wall time, students and runs per second).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graders import batch, config, sandbox  # noqa: E402
from graders.cli import pick_exercises  # noqa: E402
from graders.submissions import discover  # noqa: E402


def build(folder: Path, n: int, exercises: list[batch.Exercise]) -> dict[str, str]:
    """``n`` students; student i hands in, for every exercise, the i-th of its variants."""
    kinds: dict[str, str] = {}
    for i in range(n):
        student = f"student{i:03d}"
        for ex in exercises:
            variants = [("solution", ex.solution()), ("stub", ex.stub())]
            # Counterexamples that borrow the right parts from solutions/ cannot be graded
            # as submissions (a sandbox holds only the student's module): use the others.
            variants += [(f"counterexample {p.stem}", p) for p in ex.counterexamples()
                         if "solutions." not in p.read_text(encoding="utf-8")]
            kind, source = variants[i % len(variants)]
            target = folder / student / ex.slug / f"{ex.module}.py"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            kinds.setdefault(kind, "")
    return kinds


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("-n", type=int, default=20, help="students (default 20)")
    p.add_argument("--jobs", type=int, default=None)
    p.add_argument("--timeout", type=float, default=config.TIMEOUT)
    p.add_argument("--exercises", default="")
    args = p.parse_args()
    exercises = pick_exercises(args.exercises)
    with tempfile.TemporaryDirectory(prefix="grader-bench-") as tmp:
        subs, out = Path(tmp) / "subs", Path(tmp) / "out"
        kinds = build(subs, args.n, exercises)
        found, _ = discover(subs, exercises)
        opts = batch.Options(out=out, exercises=exercises, jobs=args.jobs, force=True,
                             limits=sandbox.Limits(timeout=args.timeout))
        box = sandbox.probe()
        start = time.monotonic()
        summary = batch.grade(found, opts)
        wall = time.monotonic() - start
        runs = [e["duration"] for r in batch.run_all([s.student for s in found], out)
                for e in r["exercises"] if e["runs"]]
    cpus = len(sandbox.usable_cpus())
    print(f"{len(found)} students x {len(exercises)} exercise(s), variants: {', '.join(kinds)}")
    print(f"confinement: {box.describe()['network']}; pid namespace "
          f"{'yes' if box.unshare else 'no'}; {cpus} usable CPUs, jobs {args.jobs or cpus}")
    print(f"wall {wall:.1f} s, {summary.jobs} runs ({summary.reruns} timing re-runs)")
    print(f"throughput {len(found) / wall:.2f} students/s, {summary.jobs / wall:.2f} runs/s")
    if runs:
        print(f"one run: mean {statistics.fmean(runs):.2f} s, median "
              f"{statistics.median(runs):.2f} s, max {max(runs):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
