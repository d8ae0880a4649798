"""Reliability soak: run exercise tests many times, optionally with busy CPUs.

    python -m graders.soak --runs 50 --busy 2                 # solutions, both cores busy
    python -m graders.soak --runs 20 --counterexamples ex03   # every counterexample of ex03

Solutions must pass every run (speed-up tests may skip, with their reason);
counterexamples must fail every run with their expected message key. Prints
one line per target with the pass/flake counts, and exits 1 on any flake.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from graders import engine
from graders.engine import REPO, Exercise
from tests.meta.runner import expected_keys, keys, root_with


def _burn() -> None:
    while True:
        pass


@contextlib.contextmanager
def busy_cpus(count: int) -> Iterator[None]:
    """``count`` processes spinning on the CPU for the duration of the block."""
    procs = [multiprocessing.Process(target=_burn, daemon=True) for _ in range(count)]
    for p in procs:
        p.start()
    try:
        yield
    finally:
        for p in procs:
            p.kill()
            p.join()


def soak_solution(ex: Exercise, runs: int) -> tuple[int, list[str]]:
    good, problems = 0, []
    for _ in range(runs):
        result = engine.run(sys.executable, ex, REPO / "solutions", timeout=600)
        bad = [t for t in result.tests if t["status"] in ("fail", "error")]
        if result.returncode == 0 and not bad:
            good += 1
        else:
            problems += [f"{t['nodeid']}: {t['message'][:200]}" for t in bad] or [
                f"exit {result.returncode}"]
    return good, problems


def soak_counterexample(ex: Exercise, path: Path, runs: int) -> tuple[int, list[str]]:
    want = expected_keys(path)
    good, problems = 0, []
    with tempfile.TemporaryDirectory() as tmp:
        root = root_with(ex, path, Path(tmp))
        for _ in range(runs):
            result = engine.run(sys.executable, ex, root, timeout=600)
            if result.returncode == 1 and want & keys(result):
                good += 1
            else:
                problems.append(f"exit {result.returncode}, keys {sorted(keys(result))}")
    return good, problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("exercises", nargs="*", help="exNN numbers (default: all)")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--busy", type=int, default=0, help="busy-loop processes to run")
    parser.add_argument("--counterexamples", action="store_true",
                        help="soak the counterexamples instead of the solutions")
    args = parser.parse_args(argv)
    chosen = [e for e in engine.exercises() if not args.exercises or e.number in args.exercises]
    if not chosen:
        print(f"no exercise matches {args.exercises}", file=sys.stderr)
        return 2
    flaky = 0
    with busy_cpus(args.busy):
        for ex in chosen:
            targets = ex.counterexamples() if args.counterexamples else [None]
            for path in targets:
                start = time.perf_counter()
                if path is None:
                    good, problems = soak_solution(ex, args.runs)
                    name = f"{ex.slug} (solution)"
                else:
                    good, problems = soak_counterexample(ex, path, args.runs)
                    name = f"{ex.slug}/{path.stem}"
                flaky += good < args.runs
                took = time.perf_counter() - start
                print(f"{name:50} {good:3}/{args.runs} held   {took:6.1f} s", flush=True)
                for line in sorted(set(problems))[:5]:
                    print(f"    {line}")
    return 1 if flaky else 0


if __name__ == "__main__":
    sys.exit(main())
