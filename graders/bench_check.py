"""Benchmark of the learner's check: warm ``nox -s check-exNN`` vs bare pytest.

    nox -s bench                       # all exercises, 5 runs each
    nox -s bench -- --runs 3 ex01 ex03 # a subset

Both run against the reference solutions in the same environment; the figure for
each is the minimum over the runs (the least disturbed one). Prints a table.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from graders.engine import REPO, exercises


def best_of(command: Sequence[str], runs: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("exercises", nargs="*", help="exNN numbers (default: all)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--nox-python", default=sys.executable,
                        help="the Python that has nox installed")
    parser.add_argument("--root", default=str(REPO / "solutions"), help="EXERCISES_ROOT")
    args = parser.parse_args(argv)
    chosen = [e for e in exercises() if not args.exercises or e.number in args.exercises]
    if not chosen:
        print(f"no exercise matches {args.exercises}", file=sys.stderr)
        return 2
    env = dict(os.environ, EXERCISES_ROOT=str(Path(args.root).resolve()))
    course_python = REPO / ".nox" / "course" / "bin" / "python"
    print(f"{'exercise':22} {'nox check':>10} {'pytest':>8} {'ratio':>6}   (min of {args.runs})")
    for ex in chosen:
        nox = best_of([args.nox_python, "-m", "nox", "-s", f"check-{ex.number}"], args.runs, env)
        bare = best_of([str(course_python), "-m", "pytest", str(ex.tests()), "-q",
                        "-p", "no:cacheprovider"], args.runs, env)
        print(f"{ex.slug:22} {nox:9.2f}s {bare:7.2f}s {nox / bare:6.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
