"""Pieces of the batch: fair scheduling, timing re-runs, scores, syntax messages, zips."""

from __future__ import annotations

import importlib.util
import json
import queue
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from graders import batch, config, engine, outputs, platforms, repeat, sandbox, soak
from graders.engine import Exercise
from graders.submissions import Submission, discover

from .conftest import SOLUTION, put

ORDINARY = Exercise("ex01_threads", "threads")
PARALLEL = Exercise("ex03_fib_parallel", "fib_parallel")


class FakeJob:
    """A job's guard, as the scheduler sees it: tests one after another, a pause point
    before each, and claims of the whole machine (``tests/support/machine.py``)."""

    def __init__(self, seat: batch.Seat | None) -> None:
        assert seat is not None
        self.seat = seat
        self.inbox: queue.Queue[bytes] = queue.Queue()
        seat.attach(self.inbox.put)

    def expect(self, wanted: bytes) -> None:
        while True:
            got = self.inbox.get(timeout=10)
            if got == wanted:
                return
            assert got == b"p", f"{got!r} while waiting for {wanted!r}"

    def pause_point(self) -> bool:
        """True when the job paused here (and was let go on)."""
        try:
            got = self.inbox.get_nowait()
        except queue.Empty:
            return False
        assert got == b"p", got
        self.seat.told(b"w")
        self.expect(b"c")
        return True

    def claim(self) -> None:
        self.seat.told(b"r")
        self.expect(b"g")

    def release(self) -> None:
        self.seat.told(b"f")


def test_jobs_never_share_a_cpu_and_a_claim_runs_alone() -> None:
    """Each job runs on a CPU of its own; a job that claims the machine gets it only when
    every other job has paused between two tests, and nothing else runs meanwhile."""
    scheduler = batch.Scheduler([0, 1, 2, 3], jobs=4)
    lock = threading.Lock()
    busy: dict[str, list[int]] = {}  # job -> the CPUs it computes on now (paused: none)
    seen: list[str] = []
    wrong: list[str] = []

    def use(name: str, cpus: list[int]) -> None:
        with lock:
            for other, theirs in busy.items():
                if other != name and set(cpus) & set(theirs):
                    wrong.append(f"{name} and {other} both on CPU {set(cpus) & set(theirs)}")
            busy[name] = cpus

    def work(job: batch.Job, cpus: list[int], seat: batch.Seat | None) -> None:
        name = job.student
        if len(cpus) != 1:
            wrong.append(f"{name} started on CPUs {cpus}")
        fake = FakeJob(seat)
        for test in range(6):
            with lock:
                busy[name] = []
            fake.pause_point()
            use(name, cpus)
            if test == 3 and job.exercise is PARALLEL:
                with lock:
                    busy[name] = []  # waiting for its turn: no CPU
                fake.claim()
                if fake.seat.cpus != [0, 1, 2, 3]:
                    wrong.append(f"{name} got CPUs {fake.seat.cpus} for its turn")
                use(name, fake.seat.cpus)
                time.sleep(0.02)
                use(name, cpus)
                fake.release()
            time.sleep(0.005)
        with lock:
            del busy[name]
            seen.append(name)

    names = [f"w{i}" if i % 3 == 0 else f"o{i}" for i in range(16)]
    for name in names:
        scheduler.add(batch.Job(name, PARALLEL if name.startswith("w") else ORDINARY, b""))
    scheduler.run(work)
    assert wrong == []
    assert sorted(seen) == sorted(names)


def test_claims_take_turns_and_paused_jobs_resume_after_the_last() -> None:
    """Two jobs claim the machine at once: one has it, the other waits; a job that claims
    again after its release waits behind one that asked before; the paused job goes on
    only when nobody needs the machine, and no job starts meanwhile."""
    scheduler = batch.Scheduler([0, 1, 2], jobs=3)
    log: list[tuple[str, str]] = []
    lock = threading.Lock()
    asked = threading.Barrier(2, timeout=10)
    released_a = threading.Event()

    def note(name: str, what: str) -> None:
        with lock:
            log.append((name, what))

    def work(job: batch.Job, cpus: list[int], seat: batch.Seat | None) -> None:
        name = job.student
        fake = FakeJob(seat)
        note(name, "start")
        if name == "idle":  # an ordinary job: tests until the others are done
            while not fake.pause_point():
                time.sleep(0.005)
            note(name, "resumed")
            return
        if name == "late":  # queued behind: starts only once nobody needs the machine
            return
        asked.wait()
        time.sleep(0.01 if name == "a" else 0.03)  # a asks first
        fake.claim()
        note(name, "turn")
        time.sleep(0.03)
        note(name, "released")
        if name == "a":
            fake.release()
            released_a.set()
            fake.claim()  # once more: behind b
            note(name, "turn again")
            time.sleep(0.03)
            note(name, "released again")
        else:
            fake.release()
            time.sleep(0.01)
            note(name, "end")
            return
        fake.release()
        note(name, "end")

    for name in ("a", "b", "idle", "late"):
        scheduler.add(batch.Job(name, PARALLEL, b""))
    scheduler.run(work)
    order = [f"{n}:{w}" for n, w in log]
    assert order.index("a:turn") < order.index("a:released") < order.index("b:turn")
    assert order.index("b:released") < order.index("a:turn again")
    assert order.index("idle:resumed") > order.index("a:released again")
    assert order.index("late:start") > order.index("a:released again")


def test_time_paused_or_waiting_for_a_turn_is_not_the_jobs() -> None:
    scheduler = batch.Scheduler([0, 1], jobs=2)
    idle: dict[str, float] = {}
    started = threading.Barrier(2, timeout=10)

    def work(job: batch.Job, cpus: list[int], seat: batch.Seat | None) -> None:
        fake = FakeJob(seat)
        started.wait()
        if job.student == "claimer":
            time.sleep(0.02)
            fake.claim()  # waits for the other to pause
            time.sleep(0.2)
            fake.release()
        else:
            deadline = time.monotonic() + 5
            while not fake.pause_point() and time.monotonic() < deadline:
                time.sleep(0.1)  # a test of 0.1 s: the claimer waits for its end
        idle[job.student] = fake.seat.idle()

    for name in ("claimer", "other"):
        scheduler.add(batch.Job(name, PARALLEL, b""))
    scheduler.run(work)
    # paused from before the claimer's turn began until after it ended (0.2 s)
    assert 0.199 <= idle["other"] < 5
    assert 0.0 < idle["claimer"] < 5  # waited for the other's test to end


def _outcome(status: str, measured: float, ok: bool) -> dict[str, Any]:
    return {"exercise": "ex01_threads", "status": "fail" if status == "fail" else "pass",
            "duration": 1.0, "tests": [
                {"nodeid": "a", "name": "fast", "task_id": 1, "status": status,
                 "message": "took too long" if status == "fail" else "", "key": "slow",
                 "timing_sensitive": True, "timing": [{"what": "wall", "measured": measured,
                                                       "allowance": 1.0,
                                                       "verdict": "pass" if ok else "fail"}]},
                {"nodeid": "b", "name": "other", "task_id": 2, "status": "pass", "message": "",
                 "key": "", "timing_sensitive": False, "timing": []}]}


def test_a_timing_failure_counts_only_if_it_fails_again() -> None:
    first = _outcome("fail", 1.5, ok=False)
    assert batch.timing_failures(first) == ["a"]  # only the timing test runs again
    assert batch.timing_failures(_outcome("pass", 0.5, ok=True)) == []
    alone = _outcome("pass", 0.5, ok=True)
    alone["tests"] = alone["tests"][:1]  # the re-run held only that test
    passed = batch.merge_rerun(first, alone)
    assert passed["status"] == "pass"
    assert [t["nodeid"] for t in passed["tests"]] == ["a", "b"]
    test = passed["tests"][0]
    assert [m["run"] for m in test["timing"]] == [1, 2]
    assert "passed on a second run" in test["rerun"]
    failed = batch.merge_rerun(first, _outcome("fail", 1.4, ok=False))
    assert failed["status"] == "fail"
    assert "failed again" in failed["tests"][0]["rerun"]
    scored = batch.score(failed, config.Points())
    assert scored["score"] == 5.0


def _one_cpu(first: str) -> dict[str, Any]:
    """ex03 graded on one CPU: tasks 1 and 2 ran (``first`` is task 1's status), the
    speed-up of task 3 skipped."""
    def test(nodeid: str, task: int, status: str) -> dict[str, Any]:
        return {"nodeid": nodeid, "name": nodeid, "task_id": task, "task_title": f"t{task}",
                "status": status, "message": "skipped: one CPU" if status == "skip" else "",
                "key": "", "timing_sensitive": False, "timing": []}
    return {"exercise": PARALLEL.slug, "status": "pass", "duration": 1.0, "tests": [
        test("values", 1, first), test("overlap", 2, first), test("speedup", 3, "skip")]}


def test_a_task_that_measured_nothing_earns_nothing_and_hands_its_points_on(
        tmp_path: Path) -> None:
    stub = batch.score(_one_cpu("fail"), config.Points())
    assert stub["score"] == 0.0  # a stub never scores, whatever could not be measured
    right = batch.score(_one_cpu("pass"), config.Points())
    assert right["score"] == right["max_score"] == 10.0
    assert right["unmeasured"] == [3]
    assert [t["max_score"] for t in right["tests"]] == [5.0, 5.0, 0.0]
    weighted = config.Points(tasks={PARALLEL.slug: {1: 2.0, 2: 6.0, 3: 12.0}})
    assert batch.score(_one_cpu("pass"), weighted)["score"] == 20.0
    half = _one_cpu("pass")
    half["tests"][1]["status"] = "fail"
    assert batch.score(half, weighted)["score"] == 5.0  # task 1 stretched to 2 * 20 / 8
    # Reported honestly: not among the passed tests, listed as not measured.
    sub = Submission("kim", tmp_path, "folder")
    results = outputs.write_student(tmp_path, sub, [right], fingerprint="x", sandbox={},
                                    exercises=[PARALLEL])
    assert [t["test_code"] for t in results["tests"]] == ["values", "overlap"]
    assert [t["test_code"] for t in results["not_measured"]] == ["speedup"]
    assert results["exercises"][0]["unmeasured_tasks"] == [3]
    text = (tmp_path / "kim" / "feedback.md").read_text(encoding="utf-8")
    assert "- not measured: speedup" in text
    assert "not measured here" in text
    scope = tmp_path / "gs.json"
    platforms.write_gradescope(scope, results, text, 1.0)
    shown = json.loads(scope.read_text(encoding="utf-8"))["tests"]
    assert [(t["name"], t["max_score"], "status" in t) for t in shown][-1] == (
        f"{PARALLEL.slug}: speedup (not measured)", 0.0, False)


def test_syntax_error_message() -> None:
    msg = batch.syntax_error(ORDINARY, b"x = 1\ndef f(:\n    pass\n")
    assert msg is not None
    assert msg.startswith("SyntaxError: ")
    assert "(ex01_threads/threads.py, line 2)" in msg


def test_zip_with_a_top_folder_and_planted_files(tmp_path: Path) -> None:
    subs = tmp_path / "subs"
    subs.mkdir()
    with zipfile.ZipFile(subs / "Jo Smith.zip", "w") as z:
        z.write(SOLUTION, "work/ex01_threads/threads.py")
        z.writestr("work/conftest.py", "raise SystemExit\n")
        z.writestr("../../evil.py", "x = 1\n")
    put(subs / "kim", "x = 1\n", "README.md")
    (subs / "notes.txt").write_text("hello")
    found, notes = discover(subs, [ORDINARY])
    by = {s.student: s for s in found}
    assert by["Jo_Smith"].modules["ex01_threads"] == SOLUTION.read_bytes()
    assert any("conftest.py" in n for n in by["Jo_Smith"].notes)
    assert by["kim"].modules == {}
    assert any("notes.txt" in n for n in notes)


def test_output_is_capped_to_its_head_and_tail() -> None:
    import subprocess
    import sys

    from graders.sandbox import _Drain

    code = "import os\nos.write(1, b'HEAD')\nfor _ in range(64): os.write(1, b'x' * 65536)\n" \
           "os.write(1, b'TAIL')\n"
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
    assert proc.stdout is not None
    drain = _Drain(proc.stdout, 4096)
    drain.start()
    proc.wait(30)
    drain.join(30)
    text = drain.text()
    assert drain.total == 8 + 64 * 65536
    assert text.startswith("HEAD")
    assert text.endswith("TAIL")
    assert "bytes of output cut" in text
    assert len(text) < 4096 + 100


def _shared_run(dirty_after: str | None, statuses: dict[str, str],
                **changes: Any) -> sandbox.JobResult:
    tests: list[dict[str, Any]] = [
        {"nodeid": f"tests/{slug}/test_x.py::test_a", "name": "a", "task_id": 1,
         "status": status, "message": "" if status == "pass" else "wrong", "key": "k",
         "timing_sensitive": False, "timing": [], "duration": 0.5}
        for slug, status in statuses.items()]
    guard = {"ok": True, "changed": [], "where": "",
             "dirty": {"after": f"tests/{dirty_after}", "what": ["threads still running"]}
             if dirty_after else None}
    data = {"tests": tests, "collect_errors": [], "guard": guard, "signed": True,
            "exitstatus": 1}
    fields: dict[str, Any] = {
        "exercise": SHARED[0], "cpus": [0], "duration": 2.0, "returncode": 1,
        "timed_out": False, "data": data, "output": "", "output_bytes": 0, "jail": {},
        "confinement": {}, "exercises": list(SHARED), **changes}
    return sandbox.JobResult(**fields)


SHARED = (ORDINARY, Exercise("ex09_coroutines", "coroutines"), Exercise("ex10_tasks", "tasks"))


def _singles() -> list[batch.Job]:
    return [batch.Job("s", ex, b"") for ex in SHARED]


def test_a_clean_shared_run_speaks_for_every_exercise() -> None:
    statuses = {"ex01_threads": "fail", "ex09_coroutines": "pass", "ex10_tasks": "fail"}
    judged, again = batch.split_shared(_singles(), _shared_run(None, statuses),
                                       sandbox.Limits())
    assert again == []
    assert {job.exercise.slug: o["status"] for job, o in judged} == statuses
    assert all(o["shared_run"] and len(o["tests"]) == 1 for _, o in judged)


def test_failures_next_to_a_module_that_could_not_be_imported_run_again() -> None:
    # the broken module ran code at collection (it may have taken all the memory)
    statuses = {"ex09_coroutines": "pass", "ex10_tasks": "fail"}
    run = _shared_run(None, statuses)
    assert run.data is not None
    run.data["collect_errors"] = [{"nodeid": "tests/ex01_threads/test_x.py",
                                   "message": "MemoryError"}]
    judged, again = batch.split_shared(_singles(), run, sandbox.Limits())
    assert [(job.exercise.slug, outcome["status"]) for job, outcome in judged] == [
        ("ex01_threads", "error"), ("ex09_coroutines", "pass")]
    assert [job.exercise.slug for job in again] == ["ex10_tasks"]


def test_a_shared_run_that_cannot_speak_is_run_again_exercise_by_exercise() -> None:
    statuses = {"ex01_threads": "pass", "ex09_coroutines": "pass", "ex10_tasks": "pass"}
    broken: list[dict[str, Any]] = [
        {"timed_out": True},
        {"data": None},
        {"jail": {"left_running": 1}},
    ]
    for change in broken:
        judged, again = batch.split_shared(_singles(), _shared_run(None, statuses, **change),
                                           sandbox.Limits())
        assert (judged, [j.exercise.slug for j in again]) == ([], [e.slug for e in SHARED])
    tampered = _shared_run(None, statuses)
    assert tampered.data is not None
    tampered.data["guard"]["ok"] = False
    judged, again = batch.split_shared(_singles(), tampered, sandbox.Limits())
    assert (judged, len(again)) == ([], 3)
    missing = _shared_run(None, {"ex01_threads": "pass"})  # the run never reached the others
    judged, again = batch.split_shared(_singles(), missing, sandbox.Limits())
    assert [j.exercise.slug for j, _ in judged] == ["ex01_threads"]
    assert [j.exercise.slug for j in again] == ["ex09_coroutines", "ex10_tasks"]


def test_later_failures_start_over_together_and_the_chain_ends() -> None:
    statuses = {"ex01_threads": "fail", "ex09_coroutines": "fail", "ex10_tasks": "fail"}
    judged, again = batch.after_shared(_singles(), _shared_run("ex01_threads", statuses),
                                       sandbox.Limits())
    assert [job.exercise.slug for job, _ in judged] == ["ex01_threads"]
    assert [[ex.slug for ex, _ in job.parts] for job in again] == [
        ["ex09_coroutines", "ex10_tasks"]]  # one fresh process for both
    # a trusted run that judged nothing (it stopped at once) is not repeated as it was
    judged, again = batch.after_shared(_singles(), _shared_run(None, {}), sandbox.Limits())
    assert judged == []
    assert [len(job.parts) for job in again] == [1, 1, 1]
    # nor is one that cannot speak
    judged, again = batch.after_shared(_singles(), _shared_run(None, statuses, timed_out=True),
                                       sandbox.Limits())
    assert judged == []
    assert [len(job.parts) for job in again] == [1, 1, 1]


def test_exercises_run_past_an_unclean_one_start_over_whole() -> None:
    # the guard stops a run at its first unclean exercise; should one go on anyway,
    # what came after runs again, passing tests and failing ones alike
    statuses = {"ex01_threads": "fail", "ex09_coroutines": "pass", "ex10_tasks": "fail"}
    judged, again = batch.after_shared(_singles(), _shared_run("ex01_threads", statuses),
                                       sandbox.Limits())
    assert [(job.exercise.slug, outcome["status"]) for job, outcome in judged] == [
        ("ex01_threads", "fail")]
    (job,) = again
    assert [ex.slug for ex, _ in job.parts] == ["ex09_coroutines", "ex10_tasks"]
    assert job.nodeids == []  # every test of both, in one fresh process


def test_one_run_s_timing_failures_are_re_run_in_one_fresh_process() -> None:
    failed = [(batch.Job("s", ex, ex.slug.encode()),
               [f"tests/{ex.slug}/test_x.py::test_{i}"]) for i, ex in enumerate(SHARED[:2])]
    rerun = batch.timing_rerun(failed)
    assert (rerun.student, rerun.attempt) == ("s", 2)
    assert [(ex.slug, module) for ex, module in rerun.parts] == [
        ("ex01_threads", b"ex01_threads"), ("ex09_coroutines", b"ex09_coroutines")]
    assert rerun.nodeids == ["tests/ex01_threads/test_x.py::test_0",
                             "tests/ex09_coroutines/test_x.py::test_1"]
    # each exercise's part of it is judged under the key of its first run (merge_rerun)
    singles = [rerun.single(ex, module) for ex, module in rerun.parts]
    assert [(j.key, j.attempt, j.nodeids) for j in singles] == [
        (job.key, 2, tests) for job, tests in failed]
    alone = batch.timing_rerun(failed[:1])  # one exercise: a re-run of its own, as ever
    assert (alone.more, alone.nodeids, alone.attempt) == ([], failed[0][1], 2)
    # a re-run left unclean by its first exercise: the rest start over, still a re-run
    statuses = {"ex01_threads": "fail", "ex09_coroutines": "fail", "ex10_tasks": "fail"}
    retry = [job.again(attempt=2, nodeids=[f"tests/{job.exercise.slug}/test_x.py::t"])
             for job in _singles()]
    judged, again = batch.after_shared(retry, _shared_run("ex01_threads", statuses),
                                       sandbox.Limits())
    assert [(job.exercise.slug, job.attempt) for job, _ in judged] == [("ex01_threads", 2)]
    assert [(len(job.parts), job.attempt, len(job.nodeids)) for job in again] == [(2, 2, 2)]


def test_a_student_shares_one_run() -> None:
    jobs = [batch.Job("s", ex, b"") for ex in (ORDINARY, PARALLEL, *SHARED[1:])]
    grouped = batch.together(jobs)
    assert [(j.exercise.slug, len(j.parts)) for j in grouped] == [("ex01_threads", 4)]
    assert batch.together(jobs[1:2]) == jobs[1:2]  # one exercise: nothing to share


def test_soak_rounds_are_read_from_the_node_ids() -> None:
    assert repeat.round_of("tests/x/test_a.py::test_b[soak3]") == 3
    assert repeat.round_of("tests/x/test_a.py::test_b[soak12-two]") == 12
    assert repeat.round_of("tests/x/test_a.py::test_b[two-soak0]") == 0
    assert repeat.round_of("tests/x/test_a.py::test_soaked[two]") is None
    result = engine.Result(1, [{"nodeid": f"t::a[soak{i % 2}]"} for i in range(4)], [], "")
    assert {k: len(v) for k, v in soak.rounds(result, 3).items()} == {0: 2, 1: 2, 2: 0}
    once = engine.Result(1, [{"nodeid": "t::a"}, {"nodeid": "t::b[two]"}], [], "")
    assert {k: len(v) for k, v in soak.rounds(once, 1).items()} == {0: 2}  # no round ids
    # a test that passes in one round and fails in another makes the score a matter of luck
    assert soak.unstable({"t::a[soak0-two]": ["pass"], "t::a[soak1-two]": ["fail"],
                          "t::b[soak0]": ["fail"], "t::b[soak1]": ["fail"]}) == [
        "unstable: t::a[two] fail 1x, pass 1x"]
    # a skip loses a right answer nothing: a speed-up test that skips under load is not luck
    assert soak.unstable({"t::c[soak0]": ["pass"], "t::c[soak1]": ["skip"]}) == []
    assert soak.unstable({"t::d[soak0]": ["skip"], "t::d[soak1]": ["fail"]}) == [
        "unstable: t::d fail 1x, skip 1x"]


def test_staged_tests_carry_bytecode_that_follows_the_source(tmp_path: Path) -> None:
    staged = sandbox.stage_tests(engine.REPO, sys.executable, tmp_path / "stage", [ORDINARY])
    assert staged is not None
    job = sandbox.pristine_copy([ORDINARY], tmp_path / "job", staged=staged)
    module = job / "tests" / ORDINARY.slug / "test_threads.py"
    pyc = Path(importlib.util.cache_from_source(str(module)))
    assert pyc.is_file()
    assert Path(importlib.util.cache_from_source(
        str(job / "tests" / "support" / "lesson.py"))).is_file()
    # Checked against a hash of the source: a changed source is compiled afresh, never
    # run from the old bytecode.
    flags = int.from_bytes(pyc.read_bytes()[4:8], "little")
    assert flags == 0b11  # hash-based, checked
    assert (job / "tests" / "conftest.py").read_bytes() == (
        engine.REPO / "tests" / "conftest.py").read_bytes()
    plain = sandbox.pristine_copy([ORDINARY], tmp_path / "plain")
    assert not list(plain.rglob("*.pyc"))


def test_compiled_tests_are_kept_for_the_next_batch_and_replaced_when_tests_change(
        tmp_path: Path) -> None:
    opts = batch.Options(out=tmp_path, exercises=[ORDINARY])
    first = batch.compiled_tests(opts, "hash-one")
    assert first is not None
    assert (first / "tests" / ORDINARY.slug / "test_threads.py").is_file()
    stamp = first.stat().st_mtime_ns
    assert batch.compiled_tests(opts, "hash-one") == first
    assert first.stat().st_mtime_ns == stamp  # not staged again
    second = batch.compiled_tests(opts, "hash-two")
    assert second is not None
    assert second != first
    assert not first.exists()
    assert [p.name for p in (tmp_path / batch.CACHE).iterdir()] == [second.parent.name]


def test_jobs_load_the_plugins_of_the_tests_dependency_group_only() -> None:
    named = sandbox.needed_plugins(sys.executable, engine.REPO)
    assert named is not None
    pairs = dict(pair.split("=", 1) for pair in named.split(","))
    # pytest-asyncio and looptime are looked up by their entry point's name
    assert pairs["asyncio"] == "pytest_asyncio.plugin"
    assert pairs["timeout"] == "pytest_timeout"
    assert "looptime_plugin" in pairs
    assert not any(value.startswith("xdist") for value in pairs.values())
    assert sandbox.needed_plugins(sys.executable, Path("/nonexistent")) is None  # autoload


def test_a_job_folder_is_removed_once_the_job_is_over(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    run = sandbox.run_job(ORDINARY, SOLUTION.read_bytes(), cpus=sandbox.usable_cpus()[:1])
    assert run.data is not None
    assert run.data["signed"]
    assert {t["status"] for t in run.data["tests"]} == {"pass"}
    assert run.jail["exit"] == 0  # the launcher's report was read
    assert sandbox.SWEEPER.flush(60)
    assert list(tmp_path.iterdir()) == []


def test_the_wait_for_a_job_ends_with_it_or_at_its_limits(tmp_path: Path) -> None:
    beat = tmp_path / "beat"
    quick = subprocess.Popen(["sleep", "0.2"])
    assert sandbox._wait(quick, beat, stall=30, cap=30) is False
    assert quick.returncode == 0
    stuck = subprocess.Popen(["sleep", "30"])
    try:
        began = time.monotonic()
        assert sandbox._wait(stuck, beat, stall=0.5, cap=30) is True  # no heartbeat
        assert time.monotonic() - began < 10
    finally:
        stuck.kill()
        stuck.wait()
