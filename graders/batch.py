"""Grade a batch: confined jobs per student, scheduled fairly, scored, resumable.

* A student's exercises are tested in one confined pytest process (one CPU). An
  exercise of that shared run is run again on its own when the run cannot speak for it: the
  run crashed, hung, was tampered with or left processes behind (every exercise
  again, each on its own), or an exercise left the process unclean (a thread still
  running, global state changed: the run stops after it, and the exercises after it
  run together in a fresh process, so none of their tests runs twice). So a score
  never depends on the other exercises handed in, and a right submission costs one
  process start.
* Never more jobs at once than usable CPUs; each job pinned to a CPU of its own. A test
  that measures parallel speed claims the whole machine for its measurement: the other
  jobs pause after their current test, it runs alone with every CPU, and they resume
  once it released them (``Scheduler``).
* A failing test whose message rests on wall-clock time (``timing_sensitive``)
  is re-run once (that test alone, in a fresh process) and counts only if it
  fails again; both measurements are reported.
* An exercise handed in as its starter file, unchanged (the stub as shipped), is not
  run once per student: the starter files are graded once per batch, like a
  student's files (a shared run), and every student who handed one in gets
  that outcome, marked ``starter``. A stub fails at once wherever it runs, so this
  changes no verdict, only the minutes a class of unattempted exercises costs.
* A student whose ``results.json`` carries the fingerprint of the current files
  and tests is skipped (``force`` regrades).
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import hashlib
import json
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import config, outputs, sandbox
from .engine import REPO, Exercise
from .submissions import Submission

VERSION = "1"
HERE = Path(__file__).resolve().parent


@dataclass
class Options:
    out: Path
    exercises: Sequence[Exercise]
    jobs: int | None = None
    force: bool = False
    points: config.Points = field(default_factory=config.Points)
    limits: sandbox.Limits = field(default_factory=sandbox.Limits)
    python: str = sys.executable
    repo: Path = REPO
    progress: bool = True
    retry_timing: bool = True
    namespaces: bool = True
    extra_env: dict[str, str] = field(default_factory=dict)
    together: bool = True  # test a student's ordinary exercises in one process
    starter_once: bool = True  # grade the unchanged starter files once for the whole batch


@dataclass
class Job:
    student: str
    exercise: Exercise
    module: bytes
    attempt: int = 1
    more: list[tuple[Exercise, bytes]] = field(default_factory=list)  # shared-run exercises
    nodeids: list[str] = field(default_factory=list)  # only these tests (a re-run)
    fresh: bool = False  # runs again what an earlier run could not judge

    def single(self, ex: Exercise, module: bytes) -> Job:
        """This job's part for ``ex``: the same tests, of that exercise only."""
        folder = f"tests/{ex.slug}/"
        return Job(self.student, ex, module, self.attempt,
                   nodeids=[n for n in self.nodeids if n.startswith(folder)])

    @property
    def parts(self) -> list[tuple[Exercise, bytes]]:
        return [(self.exercise, self.module), *self.more]

    @property
    def key(self) -> tuple[str, str]:
        return self.student, self.exercise.slug

    def again(self, attempt: int = 1, nodeids: Sequence[str] = ()) -> Job:
        return Job(self.student, self.exercise, self.module, attempt, nodeids=list(nodeids))


# The starter files' own run: graded like a student, its outcomes handed to every student
# who submitted a starter file unchanged. A "/" cannot be part of a submission's name.
STARTER = "/starter"


# -- fingerprints -------------------------------------------------------------------------------
def _tree_hash(paths: Sequence[Path]) -> str:
    digest = hashlib.sha256()
    for base in paths:
        files = sorted(base.rglob("*")) if base.is_dir() else [base]
        for f in files:
            if f.is_file() and "__pycache__" not in f.parts and f.suffix != ".pyc":
                digest.update(str(f.relative_to(base.parent)).encode() + b"\0")
                digest.update(f.read_bytes() + b"\0")
    return digest.hexdigest()


def tests_hash(repo: Path, exercises: Sequence[Exercise]) -> str:
    t = repo / "tests"
    return _tree_hash([t / "__init__.py", t / "conftest.py", t / "support", repo / "pyproject.toml",
                       HERE / "jail.py", HERE / "guard.py", HERE / "batch.py",
                       HERE / "sandbox.py",
                       *[ex.tests(repo) for ex in exercises]])


def fingerprint(sub: Submission, opts: Options, tests: str) -> str:
    digest = hashlib.sha256(f"v{VERSION}\0{tests}\0".encode())
    digest.update(json.dumps(opts.points.as_dict(), sort_keys=True).encode())
    digest.update(repr(opts.limits).encode())
    for ex in opts.exercises:
        digest.update(ex.slug.encode() + b"\0")
        digest.update(hashlib.sha256(sub.modules.get(ex.slug, b"<missing>")).digest())
    return digest.hexdigest()


def is_current(out: Path, student: str, fp: str) -> bool:
    try:
        data = json.loads((out / student / "results.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(data.get("complete")) and data.get("fingerprint") == fp


CACHE = ".cache"  # in the results folder: the compiled tests, kept between batches


def compiled_tests(opts: Options, tests: str) -> Path | None:
    """The tests with their bytecode (``sandbox.stage_tests``), compiled once and kept in
    the results folder for later batches with the same tests and interpreter; older
    copies are removed. None when they could not be compiled or kept."""
    key = hashlib.sha256(f"{tests}\0{opts.python}".encode()).hexdigest()[:20]
    cache = opts.out / CACHE
    ready = cache / f"tests-{key}"
    if (ready / "repo").is_dir():
        return ready / "repo"
    try:
        cache.mkdir(exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix="staging-", dir=cache))
    except OSError:
        return None
    try:
        if sandbox.stage_tests(opts.repo, opts.python, tmp, opts.exercises) is None:
            return None
        for old in cache.glob("tests-*"):
            shutil.rmtree(old, ignore_errors=True)
        os.replace(tmp, ready)  # whole or not at all: a batch never sees a half-made copy
    except OSError:
        return None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)  # gone already once it was moved
    return ready / "repo"


# -- judging one run ----------------------------------------------------------------------------
SIGNALS = {
    signal.SIGXFSZ: "it wrote more than {fsize} to one file (file size limit)",
    signal.SIGXCPU: "it used more than {cpu} s of CPU time (CPU limit)",
    signal.SIGKILL: "it was killed (memory or CPU limit reached?)",
    signal.SIGSEGV: "it crashed (segmentation fault)",
}


def _size(n: int) -> str:
    return f"{n >> 20} MiB" if n >= 1 << 20 else f"{n} bytes"


def _tail(text: str, lines: int = 15) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def syntax_error(ex: Exercise, module: bytes) -> str | None:
    try:
        compile(module, f"{ex.slug}/{ex.module}.py", "exec", dont_inherit=True)
    except SyntaxError as exc:
        where = f"{exc.filename}, line {exc.lineno}"
        text = (exc.text or "").rstrip("\n")
        caret = ""
        if text and exc.offset:
            caret = "\n    " + " " * (exc.offset - 1 - (len(text) - len(text.lstrip()))) + "^"
        shown = f"\n    {text.strip()}{caret}" if text else ""
        return f"{type(exc).__name__}: {exc.msg} ({where}){shown}"
    except ValueError as exc:  # null bytes
        return f"SyntaxError: {exc}"
    return None


def limit_note(text: str, limits: sandbox.Limits) -> str:
    """Name the grading limit behind an error, when one is."""
    if "Errno 27" in text or "File too large" in text:
        return f" (it wrote more than {_size(limits.file_size)} to one file: the file size limit)"
    if "MemoryError" in text:
        return f" (the memory limit is {_size(limits.memory)} per process)"
    if "Errno 11" in text and "fork" in text.lower():
        return f" (the limit is {limits.processes} processes)"
    return ""


def judge(job: Job, run: sandbox.JobResult, limits: sandbox.Limits) -> dict[str, Any]:
    """The exercise's outcome from one run: status pass/fail/error, message, tests."""
    ex = run.exercise
    base: dict[str, Any] = {
        "exercise": ex.slug, "duration": round(run.duration, 3), "cpus": run.cpus,
        "confinement": run.confinement, "attempt": job.attempt,
        "output": _tail(run.output, 40),
    }

    def error(message: str) -> dict[str, Any]:
        return {**base, "status": "error", "message": message, "tests": [],
                "collect_errors": []}

    data = run.data
    if data is not None and "tamper_seen" in data and (data.get("guard") or {}).get("ok", True):
        where = data["tamper_seen"] or "the run"
        return {**error(f"tampering: the submission replaced what the tests rely on (noticed "
                        f"after {where}); the exercise scores 0."), "tampered": True}
    if run.timed_out:
        return error(f"the tests of {ex.slug} did not finish within {limits.timeout:g} s and "
                     "were stopped (an endless loop at import or inside a call?)")
    if data is None:
        sig = run.jail.get("signal")
        code = run.jail.get("exit", run.returncode)
        why = f"exit code {code}"
        if sig in SIGNALS:
            why = SIGNALS[signal.Signals(sig)].format(
                fsize=_size(limits.file_size), cpu=limits.rlimits()["cpu"])
        elif sig:
            why = f"killed by signal {sig}"
        return error(f"the test run of {ex.slug} ended without reporting any result ({why}); "
                     "a submission must not end the test process (os._exit, sys.exit at import) "
                     "or exhaust its limits. Last output:\n" + _tail(run.output))
    guard = data.get("guard")
    if guard is not None and not data.get("signed"):
        return error(f"the results file of {ex.slug} was not written by the test run (its "
                     "signature does not match): the submission wrote or changed it. "
                     "The exercise scores 0.")
    if guard is None:
        return error(f"the test run of {ex.slug} ended before its final tamper check "
                     "(did the submission end the process, e.g. os._exit?)")
    if not guard.get("ok", False):
        changed = ", ".join(guard.get("changed", [])[:8])
        return {**error(f"tampering: the submission replaced {changed} (noticed after "
                        f"{guard.get('where') or 'the run'}). The tests rely on these; "
                        "the exercise scores 0."), "tampered": True}
    left = run.jail.get("left_running") or 0
    if left:
        return error(f"{left} process(es) started by {ex.slug} were still running after the "
                     "tests ended (a daemon or a detached child?); they were killed and the "
                     "exercise scores 0. Every process you start must end before your "
                     "function returns.")
    errors = data.get("collect_errors", [])
    tests = data.get("tests", [])
    if errors:
        first = errors[0].get("message", "")
        return error(f"{ex.slug}/{ex.module}.py could not be imported by the tests: {first}"
                     + limit_note(first, limits))
    if not tests and "SystemExit" in run.output:
        return error(f"the submission called sys.exit() while the tests of {ex.slug} ran "
                     "(SystemExit ended the test process); a module must never exit. Last "
                     "output:\n" + _tail(run.output, 6))
    if not tests:
        return error(f"no test of {ex.slug} ran (pytest exit status "
                     f"{data.get('exitstatus')}). Last output:\n" + _tail(run.output))
    failed = [t for t in tests if t["status"] in ("fail", "error")]
    return {**base, "status": "fail" if failed else "pass", "message": "", "tests": tests,
            "collect_errors": []}


def together(jobs: list[Job]) -> list[Job]:
    """One student's jobs as one shared run holding every exercise."""
    if len(jobs) < 2:
        return jobs
    first, rest = jobs[0], jobs[1:]
    return [Job(first.student, first.exercise, first.module,
                more=[(j.exercise, j.module) for j in rest])]


def trusted(run: sandbox.JobResult) -> bool:
    """The run ended in time, with signed results, no tampering and nothing left running."""
    data = run.data
    return (not run.timed_out and data is not None and "tamper_seen" not in data
            and bool(data.get("signed")) and bool((data.get("guard") or {}).get("ok"))
            and not run.jail.get("left_running"))


def from_starter(outcome: dict[str, Any]) -> dict[str, Any]:
    """A student's copy of the outcome of an unchanged starter file."""
    mine = copy.deepcopy(outcome)
    mine["starter"] = True
    mine["message"] = mine.get("message") or (
        "the starter file, unchanged: nothing written yet (its tests ran once for every "
        "student who handed it in)")
    return mine


def split_shared(singles: list[Job], run: sandbox.JobResult,
                 limits: sandbox.Limits) -> tuple[list[tuple[Job, dict[str, Any]]], list[Job]]:
    """Per-exercise outcomes of a shared run, and the exercises to run again on their own.

    The whole run is discarded when it cannot speak for anyone: it timed out or
    stalled, ended without signed results, saw tampering, or left processes behind.
    Otherwise each exercise is judged on its own tests. The guard stops the run after
    the first exercise that left the process unclean (its ``dirty``): the exercises it
    never got to run again (the caller runs them together in a fresh process). Should
    a run have gone on past that point, the exercises after it run again all the same:
    their outcomes may not be their own. A module that could not be imported ran
    code at collection, before any test (it may have taken all the memory): then the
    other exercises' failures run again, in a process without it.
    """
    data = run.data
    if not trusted(run) or data is None:
        return [], singles
    dirty = ((data.get("guard") or {}).get("dirty") or {}).get("after")
    broken = {e["nodeid"].split("/")[1] for e in data.get("collect_errors", [])
              if e["nodeid"].startswith("tests/")}
    judged: list[tuple[Job, dict[str, Any]]] = []
    again: list[Job] = []
    unclean = False
    for one in singles:
        folder = f"tests/{one.exercise.slug}"
        tests = [t for t in data.get("tests", []) if t["nodeid"].startswith(folder + "/")]
        errors = [e for e in data.get("collect_errors", [])
                  if e["nodeid"] == folder or e["nodeid"].startswith(folder + "/")]
        if unclean or (not tests and not errors):  # spoiled by an earlier one, or never reached
            again.append(one)
        else:
            part = dataclasses.replace(
                run, exercise=one.exercise, exercises=[one.exercise], output="",
                data={**data, "tests": tests, "collect_errors": errors},
                duration=sum(float(t.get("duration", 0.0)) for t in tests))
            outcome = judge(one, part, limits)
            if broken - {one.exercise.slug} and outcome["status"] != "pass":
                again.append(one)  # perhaps the broken import's doing
            else:
                outcome["shared_run"] = True
                judged.append((one, outcome))
        if dirty == folder:
            unclean = True
    return judged, again


def after_shared(singles: list[Job], run: sandbox.JobResult, limits: sandbox.Limits
                 ) -> tuple[list[tuple[Job, dict[str, Any]]], list[Job]]:
    """``split_shared``, with the exercises to test again grouped into the jobs to run.

    Left unclean by an earlier exercise, the rest start over together in a fresh
    process: it judges at least its first exercise, so the chain of such runs ends.
    A run that judged nothing (it could not speak, or stopped before any test) is not
    repeated as it was: each of its exercises then runs on its own.
    """
    judged, again = split_shared(singles, run, limits)
    if len(again) > 1 and judged:  # split_shared judges nothing for a run it cannot trust
        first, rest = again[0], again[1:]
        again = [Job(first.student, first.exercise, first.module, first.attempt,
                     more=[(j.exercise, j.module) for j in rest],
                     nodeids=[n for j in again for n in j.nodeids])]
    return judged, again


def timing_failures(outcome: dict[str, Any]) -> list[str]:
    """The tests whose failure rests on wall-clock time: they are run once more."""
    if outcome["status"] != "fail":
        return []
    return [t["nodeid"] for t in outcome["tests"]
            if t["status"] in ("fail", "error") and t.get("timing_sensitive")]


def timing_rerun(failed: Sequence[tuple[Job, Sequence[str]]]) -> Job:
    """The re-run of one run's timing-sensitive failures: those tests, in a fresh process.

    ``failed`` holds each exercise of that run (its part, as ``Job.single`` gives it) with
    its failing tests; they are re-run together, one process for the run rather than one
    per exercise (each a second of start-up). The re-run is a shared run like the
    first: its outcome is split per exercise (``after_shared``), each merged with its
    first run (``merge_rerun``), and an exercise of it that cannot be judged there is
    re-run on its own, as after a first run.
    """
    (first, _), rest = failed[0], failed[1:]
    return Job(first.student, first.exercise, first.module, attempt=2,
               more=[(job.exercise, job.module) for job, _ in rest],
               nodeids=[n for _, tests in failed for n in tests])


def merge_rerun(first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
    """Timing-sensitive failures of ``first`` count only if they fail again in ``second``."""
    merged = dict(first)
    merged["attempt"] = 2
    merged["duration"] = round(first["duration"] + second["duration"], 3)
    again = {t["nodeid"]: t for t in second.get("tests", [])}
    tests = []
    for t in first["tests"]:
        t = dict(t)
        if t["status"] in ("fail", "error") and t.get("timing_sensitive"):
            t["timing"] = [{**m, "run": 1} for m in t.get("timing", [])]
            other = again.get(t["nodeid"])
            if other is None:
                t["rerun"] = f"the re-run could not measure it ({second.get('message', '')[:200]})"
            else:
                t["timing"] += [{**m, "run": 2} for m in other.get("timing", [])]
                if other["status"] in ("pass", "skip"):
                    t["rerun"] = ("failed on the first run, passed on a second run: "
                                  f"first run said: {t['message']}")
                    t["status"], t["message"], t["key"] = other["status"], other["message"], ""
                else:
                    t["rerun"] = "failed again on a second run"
                    t["message"] = other["message"]
        tests.append(t)
    merged["tests"] = tests
    failed = [t for t in tests if t["status"] in ("fail", "error")]
    merged["status"] = "fail" if failed else "pass"
    return merged


def score(outcome: dict[str, Any], points: config.Points) -> dict[str, Any]:
    """Per-test score/max_score and the exercise's score (tasks share its points)."""
    slug = outcome["exercise"]
    total = points.exercise(slug)
    outcome["max_score"] = total
    tests = outcome.get("tests", [])
    if outcome["status"] in ("error", "missing") or not tests:
        outcome["score"] = 0.0
        for t in tests:
            t["score"], t["max_score"] = 0.0, 0.0
        return outcome
    tasks: dict[int, list[dict[str, Any]]] = {}
    for t in tests:
        tasks.setdefault(int(t.get("task_id", 0)), []).append(t)
    worth = {task_id: points.task(slug, task_id, sorted(tasks)) for task_id in tasks}
    # A skipped test measured nothing (a speed-up on one usable CPU): it earns nothing, and
    # a task none of whose tests ran passes its points on to the tasks that were measured,
    # so that the exercise keeps its total and an untouched stub still scores 0.
    unmeasured = sorted(i for i, group in tasks.items()
                        if all(t["status"] == "skip" for t in group))
    measured = sum(w for i, w in worth.items() if i not in unmeasured)
    stretch = total / measured if measured and unmeasured else 1.0
    got = 0.0
    for task_id, group in tasks.items():
        counted = [t for t in group if t["status"] != "skip"]
        share = worth[task_id] * stretch / len(counted) if counted else 0.0
        for t in group:
            t["max_score"] = round(share, 4) if t in counted else 0.0
            t["score"] = t["max_score"] if t["status"] == "pass" else 0.0
            got += t["score"]
    outcome["score"] = round(got, 2)
    outcome["unmeasured"] = unmeasured
    return outcome


# -- scheduling ---------------------------------------------------------------------------------
class Seat:
    """A running job's place in the turns for the whole machine (``sandbox.Turns``).

    Its state: "running" on its own CPU; "pausing" (asked to stop after its current
    test) and "paused"; "asking" for every CPU (its tests are waiting for them) and
    "granted" them; "ended". Every change goes through the scheduler's lock.
    """

    def __init__(self, scheduler: Scheduler, cpus: list[int]) -> None:
        self.scheduler = scheduler
        self.cpus = cpus
        self.state = "running"
        self.send: Callable[[bytes], None] | None = None
        self.unsent: list[bytes] = []  # told before the job was up to hear it
        self.stopped = 0.0  # seconds paused or asking, before the current stop
        self.since = 0.0  # when the current stop began
        self.granted_at = 0.0

    # the scheduler's side (lock held)
    def tell(self, message: bytes) -> None:
        if self.send is None:
            self.unsent.append(message)
            return
        with contextlib.suppress(OSError):  # a job that just ended: its end tells the rest
            self.send(message)

    def stopped_now(self, now: float) -> float:
        """Seconds of the stop the job is in (paused or asking), 0 when it is in none."""
        return now - self.since if self.state in ("paused", "asking") else 0.0

    def stop(self, state: str) -> None:
        if self.state not in ("paused", "asking"):
            self.since = time.monotonic()
        self.state = state

    def go(self, state: str, message: bytes) -> None:
        now = time.monotonic()
        self.stopped += self.stopped_now(now)
        if state == "granted":
            self.granted_at = now
            self.scheduler.stats["turns"] += 1
            self.scheduler.stats["waited"] += now - self.since
        self.state = state
        self.tell(message)

    def give_back(self) -> None:
        if self.state == "granted":
            self.scheduler.stats["held"] += time.monotonic() - self.granted_at

    # the job's side (sandbox.run_jobs)
    def attach(self, send: Callable[[bytes], None]) -> None:
        with self.scheduler.cond:
            self.send = send
            for message in self.unsent:
                self.tell(message)
            self.unsent.clear()

    def told(self, message: bytes) -> None:
        with self.scheduler.cond:
            if message == b"r" and self.state in ("running", "pausing"):
                self.stop("asking")
                self.scheduler.askers.append(self)
            elif message == b"w" and self.state == "pausing":
                self.stop("paused")
            elif message == b"f" and self.state == "granted":
                self.give_back()
                self.state = "running"
            else:
                return
            self.scheduler.turns()

    def ended(self) -> None:
        with self.scheduler.cond:
            if self.state == "ended":
                return
            self.stopped += self.stopped_now(time.monotonic())
            self.give_back()
            self.state = "ended"
            if self in self.scheduler.askers:
                self.scheduler.askers.remove(self)
            if self in self.scheduler.seats:
                self.scheduler.seats.remove(self)
            self.scheduler.turns()

    def idle(self) -> float:
        with self.scheduler.cond:
            return self.stopped + self.stopped_now(time.monotonic())


class Scheduler:
    """Hands out CPUs, one per job, and the whole machine to one job at a time.

    A job whose tests need every CPU (a speed-up measurement) asks for them; every other
    job is asked to pause once its current test is over (no test is stopped halfway),
    and when all have, the asking job gets every CPU. Once it gives them back, the next
    asking job has its turn, or the paused jobs resume. No job starts while one asks or
    holds the machine.
    """

    def __init__(self, cpus: list[int], jobs: int) -> None:
        self.all = cpus
        self.slots = cpus[: max(1, min(jobs, len(cpus)))]
        self.free = list(self.slots)
        self.cond = threading.Condition()
        self.queue: deque[Job] = deque()
        self.running = 0
        self.seats: list[Seat] = []  # the running jobs'
        self.askers: list[Seat] = []  # in the order they asked
        # turns given, seconds the askers waited for them, seconds the machine was held
        self.stats = {"turns": 0, "waited": 0.0, "held": 0.0}

    def add(self, job: Job) -> None:
        with self.cond:
            self.queue.append(job)
            self.cond.notify_all()

    def claimed(self) -> bool:
        return any(s.state in ("asking", "granted") for s in self.seats)

    def turns(self) -> None:
        """Move the turns on after any change (lock held)."""
        if any(s.state == "granted" for s in self.seats):
            return
        if self.askers:
            for seat in self.seats:
                if seat.state == "running":
                    seat.state = "pausing"
                    seat.tell(b"p")
            if all(s.state in ("paused", "asking") for s in self.seats):
                self.askers.pop(0).go("granted", b"g")
            return
        for seat in self.seats:  # nobody needs the machine: the paused jobs go on
            if seat.state == "paused":
                seat.go("running", b"c")
        self.cond.notify_all()

    def run(self, work: Callable[[Job, list[int], Seat | None], None]) -> None:
        threads: list[threading.Thread] = []
        while True:
            with self.cond:
                while True:
                    if not self.queue and self.running == 0:
                        for t in threads:
                            t.join()
                        return
                    if self.queue and self.free and not self.claimed():
                        break
                    self.cond.wait(1.0)
                job = self.queue.popleft()
                taken = [self.free.pop(0)]
                seat = None
                if len(self.all) > 1:
                    seat = Seat(self, list(self.all))
                    self.seats.append(seat)
                self.running += 1

            def go(job: Job = job, taken: list[int] = taken, seat: Seat | None = seat) -> None:
                try:
                    work(job, taken, seat)
                finally:
                    if seat is not None:
                        seat.ended()
                    with self.cond:
                        self.free += taken
                        self.running -= 1
                        self.cond.notify_all()

            thread = threading.Thread(target=go, name="grader-job", daemon=True)
            threads = [t for t in threads if t.is_alive()] + [thread]
            thread.start()


# -- the batch ----------------------------------------------------------------------------------
@dataclass
class Summary:
    graded: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    jobs: int = 0
    reruns: int = 0  # timing re-run processes
    rerun_exercises: int = 0  # exercises in them (a run's timing failures re-run together)
    alone: int = 0  # exercises of a shared run tested again in a fresh process
    # seconds of jobs by kind (shared run, re-test, timing re-run): where time went
    busy: dict[str, float] = field(default_factory=dict)
    # turns with the whole machine: how many, seconds waited for them, seconds held
    turns: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0


class _Progress:
    def __init__(self, enabled: bool, total: int) -> None:
        self.bar: Any = None
        self.task: Any = None
        self.total = total
        if not enabled or total == 0:
            return
        try:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
        except ImportError:
            return
        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                            transient=False)
        self.task = self.bar.add_task("grading", total=total)
        self.bar.start()

    def grow(self) -> None:
        self.total += 1
        if self.bar is not None:
            self.bar.update(self.task, total=self.total)

    def step(self, label: str) -> None:
        if self.bar is not None:
            self.bar.update(self.task, advance=1, description=label[:40])

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def missing(ex: Exercise) -> dict[str, Any]:
    return {"exercise": ex.slug, "status": "missing", "tests": [], "collect_errors": [],
            "message": f"not submitted: no {ex.slug}/{ex.module}.py in the submission",
            "duration": 0.0, "attempt": 0}


def grade(subs: Sequence[Submission], opts: Options,
          log: Callable[[str], None] = print) -> Summary:
    started = time.monotonic()
    opts.out.mkdir(parents=True, exist_ok=True)
    box = sandbox.probe(opts.namespaces)
    summary = Summary()
    tests = tests_hash(opts.repo, opts.exercises)
    cpus = sandbox.usable_cpus()
    jobs = min(opts.jobs or len(cpus), len(cpus))
    if opts.jobs and opts.jobs > len(cpus):
        log(f"--jobs {opts.jobs} lowered to {len(cpus)}: one job per usable CPU keeps timing fair")
    lock = threading.Lock()
    pending: dict[str, int] = {}
    results: dict[str, dict[str, dict[str, Any]]] = {}
    first_runs: dict[tuple[str, str], dict[str, Any]] = {}
    prints: dict[str, str] = {}
    by_name = {s.student: s for s in subs}
    scheduler = Scheduler(cpus, jobs)
    queued: list[Job] = []
    starters: dict[str, bytes] = {}
    if opts.together and opts.starter_once:
        starters = {ex.slug: ex.stub(opts.repo).read_bytes() for ex in opts.exercises
                    if ex.stub(opts.repo).is_file()}
    waiting: dict[str, list[str]] = {}  # exercise -> students who handed in its starter file
    theirs: dict[str, list[Job]] = {}  # student -> the jobs of their own exercises
    for sub in subs:
        fp = fingerprint(sub, opts, tests)
        if not opts.force and is_current(opts.out, sub.student, fp):
            summary.skipped.append(sub.student)
            continue
        prints[sub.student] = fp
        results[sub.student] = {}
        pending[sub.student] = 0
        mine = theirs[sub.student] = []
        for ex in opts.exercises:
            module = sub.modules.get(ex.slug)
            if module is None:
                results[sub.student][ex.slug] = missing(ex)
                continue
            problem = syntax_error(ex, module)
            if problem is not None:
                results[sub.student][ex.slug] = {
                    "exercise": ex.slug, "status": "error", "tests": [], "collect_errors": [],
                    "message": f"{ex.slug}/{ex.module}.py does not compile: {problem}",
                    "duration": 0.0, "attempt": 0}
                continue
            pending[sub.student] += 1
            if starters.get(ex.slug) == module:
                waiting.setdefault(ex.slug, []).append(sub.student)
            else:
                mine.append(Job(sub.student, ex, module))
    # A starter file handed in by one student alone saves nothing: it runs with the rest of
    # that student's exercises, as any file would.
    order = {ex.slug: n for n, ex in enumerate(opts.exercises)}
    for slug in [slug for slug, students in waiting.items() if len(students) < 2]:
        (student,) = waiting.pop(slug)
        mine = theirs[student]
        mine.append(Job(student, opts.exercises[order[slug]], starters[slug]))
        mine.sort(key=lambda j: order[j.exercise.slug])
    if waiting:  # the starter files' run, first of the shared runs: many students wait for it
        theirs = {STARTER: [Job(STARTER, ex, starters[ex.slug]) for ex in opts.exercises
                            if ex.slug in waiting], **theirs}
        pending[STARTER] = len(theirs[STARTER])
        results[STARTER] = {}
    for mine in theirs.values():
        queued += together(mine) if opts.together else mine
    staged = None
    if queued:
        sandbox.precompile(opts.python)
        staged = compiled_tests(opts, tests)
    # The shared runs in student order, each finishing its student (results written) as
    # it ends: a batch stopped midway loses the students not yet finished, no more.
    progress = _Progress(opts.progress, len(queued))

    def label(job: Job) -> str:
        who = "starter files" if job.student == STARTER else job.student
        return f"{who} {job.exercise.number}" + (f" +{len(job.more)}" if job.more else "")

    def finish(student: str) -> None:
        sub = by_name[student]
        exs = [results[student][ex.slug] for ex in opts.exercises]
        for outcome in exs:
            score(outcome, opts.points)
        outputs.write_student(opts.out, sub, exs, fingerprint=prints[student],
                              sandbox=box.describe(), exercises=opts.exercises)
        summary.graded.append(student)

    def work(job: Job, job_cpus: list[int], seat: Seat | None) -> None:
        began = time.monotonic()
        singles = [job.single(ex, module) for ex, module in job.parts]
        again: list[Job] = []
        judged: list[tuple[Job, dict[str, Any]]] = []
        parked = 0.0
        try:
            run = sandbox.run_jobs(job.parts, python=opts.python, repo=opts.repo,
                                   limits=opts.limits, cpus=job_cpus, sandbox=box,
                                   extra_env=opts.extra_env, nodeids=job.nodeids,
                                   staged=staged, turns=seat)
            parked = run.parked
            if job.more:
                judged, again = after_shared(singles, run, opts.limits)
            else:
                judged = [(job, judge(job, run, opts.limits))]
        except Exception as exc:  # noqa: BLE001 - one job never stops the batch
            if job.more:
                again = singles
            else:
                judged = [(job, {
                    "exercise": job.exercise.slug, "status": "error", "tests": [],
                    "collect_errors": [], "duration": 0.0, "attempt": job.attempt,
                    "message": f"the grader could not run this exercise: {exc!r}"})]
        finished: list[str] = []
        with lock:
            summary.jobs += 1
            kind = ("timing re-run" if job.attempt > 1
                    else "re-test" if job.fresh
                    else "shared" if job.more else "alone")
            took = time.monotonic() - began - parked  # parked: no CPU used
            summary.busy[kind] = summary.busy.get(kind, 0.0) + took
            for rerun in again:
                rerun.fresh = True
                summary.alone += len(rerun.parts)
                progress.grow()
                scheduler.add(rerun)
            timing: list[tuple[Job, list[str]]] = []
            for one, outcome in judged:
                finished += resolve(one, outcome, timing)
            if timing:  # this run's timing-sensitive failures: once more, in one fresh process
                summary.reruns += 1
                summary.rerun_exercises += len(timing)
                progress.grow()
                scheduler.add(timing_rerun(timing))
            progress.step(label(job))
        for student in finished:
            try:
                finish(student)
            except Exception as exc:  # noqa: BLE001
                log(f"{student}: could not write the results: {exc!r}")

    def resolve(job: Job, outcome: dict[str, Any],
                timing: list[tuple[Job, list[str]]]) -> list[str]:
        """Take one job's outcome for one exercise (lock held); the students now done.

        An outcome with timing-sensitive failures waits for their re-run: ``job`` and
        those tests are added to ``timing``. The starter files' outcomes go to every
        student waiting for them.
        """
        failures = timing_failures(outcome) if job.attempt == 1 and opts.retry_timing else []
        if failures:  # only those tests run again, in a fresh process
            first_runs[job.key] = outcome
            timing.append((job, failures))
            return []
        if job.attempt == 2:
            outcome = merge_rerun(first_runs.pop(job.key), outcome)
        slug = job.exercise.slug
        done: list[str] = []
        results[job.student][slug] = outcome
        for student in waiting.get(slug, []) if job.student == STARTER else []:
            results[student][slug] = from_starter(outcome)
            pending[student] -= 1
            if pending[student] == 0:
                done.append(student)
        pending[job.student] -= 1
        if pending[job.student] == 0 and job.student != STARTER:
            done.append(job.student)
        return done

    try:
        for student, count in pending.items():
            if count == 0:
                finish(student)
        for job in queued:
            scheduler.add(job)
        scheduler.run(work)
        summary.turns = dict(scheduler.stats)
    except BaseException:
        sandbox.kill_all()
        raise
    finally:
        progress.stop()
        sandbox.release(box)
        sandbox.SWEEPER.flush(120.0)  # the jobs' folders are removed in the background
    summary.seconds = time.monotonic() - started
    return summary


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def run_all(students: Sequence[str], out: Path) -> list[dict[str, Any]]:
    """Every student's results.json in ``out`` (for the gradebook and the report)."""
    found = []
    for student in students:
        with contextlib.suppress(OSError, ValueError):
            found.append(json.loads((out / student / "results.json").read_text("utf-8")))
    return found


def cpu_count() -> int:
    return len(sandbox.usable_cpus()) or os.cpu_count() or 1
