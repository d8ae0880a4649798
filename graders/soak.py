"""Reliability soak: run exercise tests many times, optionally with busy CPUs.

    python -m graders.soak --runs 50 --busy 2                 # solutions, both cores busy
    python -m graders.soak --runs 20 --counterexamples ex03   # every counterexample of ex03
    python -m graders.soak --runs 20 --alternatives ex10      # every other right answer of ex10
    python -m graders.soak --runs 50 --in-process ex10        # 50 rounds in one pytest process

``--in-process`` repeats every test in one pytest process (``graders/repeat.py``)
instead of starting pytest once per run: the same tests under the same load, without
the second of start-up per run, and each round judged on its own. Counterexamples
that leave their process unclean (a thread, a logger or a loop left behind) are better
soaked in separate runs, where one round cannot spoil the next.

Solutions and alternatives (right answers built differently) must pass every run
(speed-up tests may skip, with their reason);
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
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from graders import engine, repeat
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


def soak_solution(ex: Exercise, runs: int, root: Path = REPO / "solutions"
                  ) -> tuple[int, list[str]]:
    good, problems = 0, []
    for _ in range(runs):
        result = engine.run(sys.executable, ex, root, timeout=600)
        bad = [t for t in result.tests if t["status"] in ("fail", "error")]
        if result.returncode == 0 and not bad:
            good += 1
        else:
            problems += [f"{t['nodeid']}: {t['message'][:200]}" for t in bad] or [
                f"exit {result.returncode}"]
    return good, problems


def soak_counterexample(ex: Exercise, root: Path, want: set[str],
                        runs: int) -> tuple[int, list[str]]:
    """``runs`` runs of the counterexample held in ``root``: each must fail with ``want``."""
    good, problems = 0, []
    seen: dict[str, list[str]] = {}
    for _ in range(runs):
        result = engine.run(sys.executable, ex, root, timeout=600)
        if result.returncode == 1 and want & keys(result):
            good += 1
        else:
            problems.append(f"exit {result.returncode}, keys {sorted(keys(result))}")
        for t in result.tests:
            seen.setdefault(str(t["nodeid"]), []).append(str(t["status"]))
    return good, problems + unstable(seen)


def unstable(seen: dict[str, list[str]]) -> list[str]:
    """Tests whose status changed from one round to another: a score that depends on luck.

    ``seen`` maps node ids (with or without their soak round) to the statuses they had.
    A skip scores as a pass (the speed-up test skips when the machine is too busy to
    measure, which a soak under load is), so only a change between failing and not
    failing is a change of verdict.
    """
    by_test: dict[str, list[str]] = {}
    for nodeid, statuses in seen.items():
        by_test.setdefault(repeat.test_of(nodeid), []).extend(statuses)
    return [f"unstable: {test} " + ", ".join(f"{s} {n}x" for s, n in sorted(Counter(st).items()))
            for test, st in sorted(by_test.items()) if len({verdict(s) for s in st}) > 1]


def verdict(status: str) -> str:
    """What a status means for a right answer's score: a skip loses nothing (the task's
    points go to the tasks that were measured), so it reads as a pass."""
    return "pass" if status == "skip" else status


def rounds(result: engine.Result, runs: int) -> dict[int, list[dict[str, object]]]:
    """The tests of an ``--in-process`` run, by soak round."""
    by_round: dict[int, list[dict[str, object]]] = {i: [] for i in range(runs)}
    for t in result.tests:
        i = repeat.round_of(str(t["nodeid"]))
        if i is None and runs == 1:  # one round: the tests carry no round id
            i = 0
        if i is not None:
            by_round.setdefault(i, []).append(t)
    return by_round


def soak_in_process(ex: Exercise, root: Path, runs: int,
                    want: set[str] | None) -> tuple[int, list[str]]:
    """``runs`` rounds of every test in one pytest process; ``want`` None: all must pass."""
    result = engine.run(sys.executable, ex, root, timeout=60 * runs,
                        extra=["-p", "graders.repeat", "--soak-repeat", str(runs)])
    if result.collect_errors or not result.tests:
        return 0, [f"exit {result.returncode}, nothing ran: {result.output[-300:]}"]
    good, problems = 0, []
    if want is not None:  # a solution's unstable test already shows as a failing round
        problems += unstable({str(t["nodeid"]): [str(t["status"])] for t in result.tests})
    for tests in rounds(result, runs).values():
        bad = [t for t in tests if t["status"] in ("fail", "error")]
        if want is None:
            ok = bool(tests) and not bad
            problems += [f"{t['nodeid']}: {str(t['message'])[:200]}" for t in bad]
        else:
            seen = {str(t["key"]) for t in bad}
            ok = bool(want & seen)
            if not ok:
                problems.append(f"keys {sorted(seen)}")
        good += ok
    return good, problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("exercises", nargs="*", help="exNN numbers (default: all)")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--busy", type=int, default=0, help="busy-loop processes to run")
    parser.add_argument("--counterexamples", action="store_true",
                        help="soak the counterexamples instead of the solutions")
    parser.add_argument("--alternatives", action="store_true",
                        help="soak the right answers built differently (tests/alternatives)")
    parser.add_argument("--only", default="", help="files to soak (names, commas)")
    parser.add_argument("--skip", default="", help="files to leave out (names, commas)")
    parser.add_argument("--in-process", action="store_true",
                        help="repeat the tests inside one pytest process per target")
    args = parser.parse_args(argv)
    chosen = [e for e in engine.exercises() if not args.exercises or e.number in args.exercises]
    if not chosen:
        print(f"no exercise matches {args.exercises}", file=sys.stderr)
        return 2
    only, skip = set(filter(None, args.only.split(","))), set(args.skip.split(","))
    flaky = 0
    if args.counterexamples and args.alternatives:
        parser.error("--counterexamples and --alternatives: choose one")
    with busy_cpus(args.busy):
        for ex in chosen:
            files = (ex.counterexamples() if args.counterexamples
                     else ex.alternatives() if args.alternatives else None)
            targets: list[Path | None] = [None] if files is None else [
                p for p in files if (not only or p.stem in only) and p.stem not in skip]
            for path in targets:
                start = time.perf_counter()
                name = f"{ex.slug}/{path.stem}" if path else f"{ex.slug} (solution)"
                with tempfile.TemporaryDirectory() as tmp:
                    root = root_with(ex, path, Path(tmp)) if path else REPO / "solutions"
                    want = expected_keys(path) if path and args.counterexamples else None
                    if args.in_process:
                        good, problems = soak_in_process(ex, root, args.runs, want)
                    elif want is not None:
                        good, problems = soak_counterexample(ex, root, want, args.runs)
                    else:
                        good, problems = soak_solution(ex, args.runs, root)
                shaky = sum(1 for line in problems if line.startswith("unstable:"))
                flaky += good < args.runs or shaky > 0
                took = time.perf_counter() - start
                print(f"{name:50} {good:3}/{args.runs} held   {took:6.1f} s"
                      + (f"   {shaky} test(s) unstable" if shaky else ""), flush=True)
                for line in sorted(set(problems))[:5]:
                    print(f"    {line}")
    return 1 if flaky else 0


if __name__ == "__main__":
    sys.exit(main())
