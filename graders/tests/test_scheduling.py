"""Claims of the whole machine and timing re-runs, end to end, on a synthetic course.

A temporary copy of the repository gets two made-up exercises: ``ex02_processes``
(ordinary: one pinned CPU) and ``ex03_fib_parallel`` (one of its tests claims every CPU,
``tests/support/machine.py``, and its other test runs on one CPU again), whose tests
fail with a timing-sensitive message when the submitted ``fast()`` says so. The last
test grades real exercises: one leaves a thread behind, and the run stops there so that
the exercises after it start in a fresh process.
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from graders import batch, sandbox
from graders.engine import exercises
from graders.submissions import discover
from tests.support.roots import REPO

from .conftest import SOLUTION, put

pytestmark = pytest.mark.timeout(600)

MESSAGES = '''
from tests.support.lesson import Catalogue
from tests.support.messages import COMMON

MSG = Catalogue("{slug}", {{"too_slow": {{"en": "took {{t}} s", "ar": "استغرق {{t}} ث"}}}},
                parent=COMMON, timing_keys=("too_slow",))
'''
TEST = '''
import contextlib
import os

import pytest

from {slug} import {module} as mod
from tests.support import machine
from tests.support.report import note_timing

from .messages import MSG


@pytest.mark.task(1, "speed")
def test_speed():
    """the CPUs it was given, and a wall-clock verdict"""
    with {claim}:
        cpus = len(os.sched_getaffinity(0))
    ok = mod.fast()
    note_timing("cpus given", cpus, 1.0, ok)
    MSG.check(ok, "too_slow", t=cpus)


@pytest.mark.task(2, "works")
def test_works():
    """the CPUs of an ordinary test"""
    assert mod.fast() in (True, False)
    note_timing("cpus given", len(os.sched_getaffinity(0)), 1.0, True)
'''


PROCESS_TEST = '''
import psutil
import pytest

from {slug} import {module} as mod
from tests.support.report import note_timing

from .messages import MSG


@pytest.mark.task(1, "speed")
def test_speed():
    """a wall-clock verdict, and the process that gave it"""
    ok = mod.fast()
    note_timing("process started", psutil.Process().create_time(), 1.0, ok)
    MSG.check(ok, "too_slow", t=1)
'''


def _course(root: Path, test: str = TEST,
            slugs: tuple[tuple[str, str], ...] = (("ex02_processes", "processes"),
                                                  ("ex03_fib_parallel", "fib_parallel"))
            ) -> Path:
    (root / "tests").mkdir(parents=True)
    for name in ("__init__.py", "conftest.py"):
        shutil.copyfile(REPO / "tests" / name, root / "tests" / name)
    shutil.copytree(REPO / "tests" / "support", root / "tests" / "support",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copyfile(REPO / "pyproject.toml", root / "pyproject.toml")
    for slug, module in slugs:
        put(root / "exercises", "def fast():\n    raise NotImplementedError\n",
            f"{slug}/{module}.py")
        put(root / "tests", "", f"{slug}/__init__.py")
        put(root / "tests", textwrap.dedent(MESSAGES.format(slug=slug)), f"{slug}/messages.py")
        claim = "machine.whole()" if slug == "ex03_fib_parallel" else "contextlib.nullcontext()"
        put(root / "tests", textwrap.dedent(test.format(slug=slug, module=module, claim=claim)),
            f"{slug}/test_{slug}.py")
    return root


def test_claims_of_the_whole_machine_and_timing_reruns(tmp_path: Path) -> None:
    course = _course(tmp_path / "course")
    exs = list(exercises(course))
    assert [e.slug for e in exs] == ["ex02_processes", "ex03_fib_parallel"]
    subs = tmp_path / "subs"
    for student, fast in (("quick", True), ("slow", False)):
        put(subs / student, f"def fast():\n    return {fast}\n", "ex02_processes/processes.py")
        put(subs / student, f"def fast():\n    return {fast}\n",
            "ex03_fib_parallel/fib_parallel.py")
    found, _ = discover(subs, exs)
    out = tmp_path / "out"
    opts = batch.Options(out=out, exercises=exs, repo=course, progress=False,
                         limits=sandbox.Limits(timeout=60))
    summary = batch.grade(found, opts)
    # slow's two exercises, once each, in one re-run process (they shared one run)
    assert (summary.reruns, summary.rerun_exercises) == (1, 2)
    cpus = sandbox.usable_cpus()
    by = {r["student"]: r for r in batch.run_all(["quick", "slow"], out)}
    quick = {e["exercise"]: e for e in by["quick"]["exercises"]}
    assert len(quick["ex02_processes"]["cpus"]) == 1
    assert quick["ex03_fib_parallel"]["cpus"] == quick["ex02_processes"]["cpus"]  # one run
    given = {t["name"]: t["timing"][0]["measured"] for t in by["quick"]["tests"]}
    assert given == {"ex02_processes: the CPUs it was given, and a wall-clock verdict": 1,
                     "ex02_processes: the CPUs of an ordinary test": 1,
                     "ex03_fib_parallel: the CPUs it was given, and a wall-clock verdict":
                         len(cpus),
                     "ex03_fib_parallel: the CPUs of an ordinary test": 1}  # given back
    assert by["quick"]["score"] == 20
    assert [e["runs"] for e in quick.values()] == [1, 1]
    slow = {t["exercise"]: t for t in by["slow"]["tests"] if "verdict" in t["name"]}
    for slug in ("ex02_processes", "ex03_fib_parallel"):
        test = slow[slug]
        assert test["status"] == "fail"
        assert "failed again" in test["rerun"]
        assert [m["run"] for m in test["timing"]] == [1, 2]
        want = len(cpus) if slug == "ex03_fib_parallel" else 1
        assert [m["measured"] for m in test["timing"]] == [want, want]
    assert by["slow"]["score"] == 10  # task 2 of both exercises


def test_the_timing_failures_of_one_run_are_re_run_together_in_a_fresh_process(
        tmp_path: Path) -> None:
    slugs = (("ex01_threads", "threads"), ("ex02_processes", "processes"))
    course = _course(tmp_path / "course", PROCESS_TEST, slugs)
    exs = list(exercises(course))
    subs = tmp_path / "subs"
    for slug, module in slugs:
        put(subs / "slow", "def fast():\n    return False\n", f"{slug}/{module}.py")
    found, _ = discover(subs, exs)
    out = tmp_path / "out"
    opts = batch.Options(out=out, exercises=exs, repo=course, progress=False,
                         limits=sandbox.Limits(timeout=60))
    summary = batch.grade(found, opts)
    assert (summary.jobs, summary.reruns, summary.rerun_exercises) == (2, 1, 2)
    tests = batch.run_all(["slow"], out)[0]["tests"]
    assert [t["exercise"] for t in tests] == ["ex01_threads", "ex02_processes"]
    started: dict[int, set[float]] = {1: set(), 2: set()}
    for test in tests:
        assert test["status"] == "fail"
        assert "failed again" in test["rerun"]
        assert [m["run"] for m in test["timing"]] == [1, 2]
        for m in test["timing"]:
            started[m["run"]].add(m["measured"])
    # one process for each run, and the re-run's is a new one
    assert len(started[1]) == len(started[2]) == 1
    assert started[1] != started[2]


def test_starter_files_are_graded_once_for_the_batch(tmp_path: Path) -> None:
    course = _course(tmp_path / "course")
    exs = list(exercises(course))
    stub = "def fast():\n    raise NotImplementedError\n"
    subs = tmp_path / "subs"
    files = {"ex02_processes": "ex02_processes/processes.py",
             "ex03_fib_parallel": "ex03_fib_parallel/fib_parallel.py"}
    handed = {"untouched": (stub, stub), "half": (stub, "def fast():\n    return True\n"),
              "edited": (stub + "# started\n", stub)}
    for student, texts in handed.items():
        for rel, text in zip(files.values(), texts, strict=True):
            put(subs / student, text, rel)
    found, _ = discover(subs, exs)
    scores = {}
    for once in (True, False):
        out = tmp_path / f"out-{once}"
        opts = batch.Options(out=out, exercises=exs, repo=course, progress=False,
                             limits=sandbox.Limits(timeout=60), starter_once=once)
        summary = batch.grade(found, opts)
        by = {r["student"]: r for r in batch.run_all(list(handed), out)}
        starter = {(s, e["exercise"]) for s, r in by.items() for e in r["exercises"]
                   if e["starter"]}
        scores[once] = {(s, e["exercise"]): e["score"]
                        for s, r in by.items() for e in r["exercises"]}
        if once:
            # the starter files' run, then one run each for "half" (its ex03) and
            # "edited" (its ex02); "untouched" runs nothing of its own
            assert summary.jobs == 3
            assert starter == {("untouched", "ex02_processes"), ("half", "ex02_processes"),
                               ("untouched", "ex03_fib_parallel"),
                               ("edited", "ex03_fib_parallel")}
            feedback = (out / "untouched" / "feedback.md").read_text(encoding="utf-8")
            assert "starter file, unchanged" in feedback
            tests = by["untouched"]["tests"]
            assert len(tests) == 4
            assert {t["status"] for t in tests} == {"fail"}
        else:
            assert not starter
            assert summary.jobs == 3  # every student's own shared run
    assert scores[True] == scores[False]
    assert scores[True][("half", "ex03_fib_parallel")] == 20 / 2
    # One student's starter file saves nothing: it runs with that student's other files.
    alone = [s for s in found if s.student == "half"]
    out = tmp_path / "out-alone"
    summary = batch.grade(alone, batch.Options(out=out, exercises=exs, repo=course,
                                               progress=False, limits=sandbox.Limits(timeout=60)))
    assert summary.jobs == 1  # a shared run, no more
    (result,) = batch.run_all(["half"], out)
    assert not any(e["starter"] for e in result["exercises"])
    assert result["score"] == scores[True][("half", "ex03_fib_parallel")]


LINGERING = '''
import threading
import time

_real = describe_current


def describe_current():
    # a thread left behind: the process is no longer clean after this exercise
    threading.Thread(target=time.sleep, args=(30,), name="lingering", daemon=True).start()
    return _real()
'''


def test_the_run_stops_at_an_unclean_exercise_and_the_rest_start_fresh(tmp_path: Path) -> None:
    exs = [e for e in exercises() if e.number in ("ex01", "ex09", "ex10")]
    subs = tmp_path / "subs"
    ex01, ex09, ex10 = exs
    put(subs / "s", SOLUTION.read_text(encoding="utf-8") + LINGERING)
    put(subs / "s", ex09.solution().read_bytes(), f"{ex09.slug}/{ex09.module}.py")
    # the stub with one more line: not the starter file itself, so it is part of the chain
    put(subs / "s", ex10.stub().read_bytes() + b"# begun\n", f"{ex10.slug}/{ex10.module}.py")
    found, _ = discover(subs, exs)
    out = tmp_path / "out"
    opts = batch.Options(out=out, exercises=exs, repo=REPO, progress=False,
                         limits=sandbox.Limits(timeout=120))
    summary = batch.grade(found, opts)
    # ex09 and ex10 never ran in the spoiled process: together in one fresh one
    assert summary.alone == 2
    assert summary.jobs == 2
    assert "re-test" in summary.busy
    (result,) = batch.run_all(["s"], out)
    by = {e["exercise"]: e for e in result["exercises"]}
    assert by[ex01.slug].get("shared_run") is True
    assert by[ex09.slug]["status"] == "pass"  # not blamed for ex01's thread
    assert by[ex10.slug]["status"] == "fail"
    ids = [t["test_code"] for t in result["tests"]]
    assert len(ids) == len(set(ids))  # no test ran twice
