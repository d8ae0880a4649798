"""The grade command: usage errors, resuming, points tables, layouts, the HTML report."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from .conftest import ADVERSARIAL, SOLUTION, STUB, exercise, grader, put, results

# Grading runs whole batches in subprocesses: far longer than one exercise test.
pytestmark = pytest.mark.timeout(600)


def _one_line_error(proc: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert proc.returncode == 2, proc.stdout + proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert fragment in lines[0]


def test_missing_folder(tmp_path: Path) -> None:
    _one_line_error(grader("grade", tmp_path / "nope", "--out", tmp_path / "o"), "no such folder")


def test_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "subs").mkdir()
    _one_line_error(grader("grade", tmp_path / "subs", "--out", tmp_path / "o"), "no submissions")


def test_wrong_flag(tmp_path: Path) -> None:
    _one_line_error(grader("grade", tmp_path, "--out", tmp_path / "o", "--jbos", "2"),
                    "unrecognized arguments: --jbos")
    _one_line_error(grader("grade", tmp_path, "--out", tmp_path / "o", "--jobs", "0"),
                    "must be more than 0")
    _one_line_error(grader("grade", tmp_path), "--out")


def test_unknown_exercise_and_bad_points(tmp_path: Path) -> None:
    put(tmp_path / "subs" / "amy", SOLUTION.read_text())
    _one_line_error(grader("grade", tmp_path / "subs", "--out", tmp_path / "o",
                           "--exercises", "ex99"), "unknown exercise 'ex99'")
    _one_line_error(grader("grade", tmp_path / "subs", "--out", tmp_path / "o",
                           "--points", tmp_path / "none.toml"), "no such points file")
    bad = tmp_path / "bad.toml"
    bad.write_text("[ex01_threads]\npoints = 10\ntasks = { 1 = 1, 2 = 2 }\n")
    _one_line_error(grader("grade", tmp_path / "subs", "--out", tmp_path / "o",
                           "--points", bad), "add up to")


def test_resume_skips_current_results_and_force_regrades(tmp_path: Path) -> None:
    subs, out = tmp_path / "subs", tmp_path / "out"
    put(subs / "amy", SOLUTION.read_text())
    put(subs / "ben", STUB.read_text())
    first = grader("grade", subs, "--out", out, "--timeout", "30")
    assert first.returncode == 0, first.stderr
    assert "graded 2 submission(s) in" in first.stdout
    stamp = (out / "amy" / "results.json").stat().st_mtime_ns
    again = grader("grade", subs, "--out", out, "--timeout", "30")
    assert "graded 0 submission(s) (2 already graded and unchanged)" in again.stdout
    assert (out / "amy" / "results.json").stat().st_mtime_ns == stamp
    put(subs / "ben", SOLUTION.read_text())  # ben fixes his work: only ben is regraded
    changed = grader("grade", subs, "--out", out, "--timeout", "30")
    assert "graded 1 submission(s) (1 already graded" in changed.stdout
    assert results(out, "ben")["score"] == 10
    (out / "amy" / "results.json").write_text('{"complete": false}')  # killed midway
    resumed = grader("grade", subs, "--out", out, "--timeout", "30")
    assert "graded 1 submission(s) (1 already graded" in resumed.stdout
    forced = grader("grade", subs, "--out", out, "--timeout", "30", "--force")
    assert "graded 2 submission(s) in" in forced.stdout
    rows = list(csv.DictReader((out / "gradebook.csv").open()))
    assert [(r["student"], r["total"]) for r in rows] == [("amy", "10"), ("ben", "10")]


# Task 1 right, task 2 sequential: a standalone module, as a student would hand it in.
SEQUENTIAL = """
import os
import threading
from typing import NamedTuple


class ThreadInfo(NamedTuple):
    pid: int
    thread_count: int
    thread_name: str


def describe_current():
    return ThreadInfo(os.getpid(), threading.active_count(), threading.current_thread().name)


def run_in_threads(funcs):
    return [f() for f in funcs]
"""


def test_points_table_and_layouts(tmp_path: Path) -> None:
    subs, out = tmp_path / "subs", tmp_path / "out"
    # a whole clone: only exercises/ is used, solutions/ and tests/ are not
    clone = subs / "cleo"
    put(clone, STUB.read_text(), "exercises/ex01_threads/threads.py")
    put(clone, SOLUTION.read_text(), "solutions/ex01_threads/threads.py")
    put(clone, "def test_x():\n    pass\n", "tests/ex01_threads/test_threads.py")
    put(clone, "[project]\n", "pyproject.toml")
    # a counterexample that gets task 1 right only, and a stray folder
    put(subs / "dora", SEQUENTIAL)
    put(subs / "dora", "x = 1\n", "ex42_unknown/thing.py")
    points = tmp_path / "points.toml"
    points.write_text("[ex01_threads]\npoints = 20\ntasks = { 1 = 5, 2 = 15 }\n")
    proc = grader("grade", subs, "--out", out, "--points", points, "--timeout", "30",
                  "--exercises", "ex01")
    assert proc.returncode == 0, proc.stderr
    assert "dora: unknown exercise folder: ex42_unknown/" in proc.stdout
    cleo = results(out, "cleo")
    assert cleo["kind"] == "clone"
    assert (cleo["score"], cleo["max_score"]) == (0, 20)
    dora = results(out, "dora")
    assert dora["max_score"] == 20
    task1 = [t for t in dora["tests"] if t["task_id"] == 1]
    assert sum(t["max_score"] for t in task1) == pytest.approx(5, abs=0.01)
    assert dora["score"] == pytest.approx(5 + 15 * sum(
        1 for t in dora["tests"] if t["task_id"] == 2 and t["status"] == "pass") / len(
        [t for t in dora["tests"] if t["task_id"] == 2]), abs=0.01)


def test_without_namespaces_a_daemon_is_still_killed(tmp_path: Path) -> None:
    subs, out = tmp_path / "subs", tmp_path / "out"
    mark = f"271.{os.getpid() % 100000:05d}"  # used by no other run on this machine
    attack = (ADVERSARIAL / "daemon.py").read_text().replace("313.37", mark)
    put(subs / "eve", SOLUTION.read_text() + "\n" + attack)
    put(subs / "fay", SOLUTION.read_text())
    proc = grader("grade", subs, "--out", out, "--timeout", "30", "--no-namespaces")
    assert proc.returncode == 0, proc.stderr
    fay = results(out, "fay")
    assert fay["score"] == 10
    assert fay["confinement"]["network"].startswith("host network")
    eve = exercise(results(out, "eve"))
    assert eve["status"] == "error"
    assert "still running" in eve["message"]

    def alive() -> list[str]:
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    if mark.encode() in (entry / "cmdline").read_bytes():
                        found.append(entry.name)
                except OSError:
                    continue
        return found

    deadline = time.monotonic() + 3  # a killed process may take a moment to leave /proc
    while alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive()


CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists()
                                        else None)


def test_report_is_self_contained(tmp_path: Path) -> None:
    subs, out = tmp_path / "subs", tmp_path / "out"
    put(subs / "gus", SOLUTION.read_text())
    put(subs / "hal", STUB.read_text())
    assert grader("grade", subs, "--out", out, "--timeout", "30").returncode == 0
    page = (out / "report.html").read_text()
    for section in ('id="overview"', 'id="histogram"', 'id="exercises"', 'id="failures"'):
        assert section in page
    assert "not implemented yet" in page  # the most common failure message
    assert "<script" not in page
    assert "http://" not in page.replace(
        'xmlns="http://www.w3.org/2000/svg"', "")


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine to render report.html")
def test_report_renders_in_a_browser(tmp_path: Path) -> None:
    subs, out = tmp_path / "subs", tmp_path / "out"
    put(subs / "ivy", SOLUTION.read_text())
    assert grader("grade", subs, "--out", out, "--timeout", "30").returncode == 0
    assert CHROMIUM is not None
    dom = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                          "--disable-background-networking", "--dump-dom",
                          (out / "report.html").as_uri()],
                         capture_output=True, text=True, timeout=60)
    assert 'id="students">1<' in dom.stdout
    assert "class=\"bin\"" in dom.stdout


def _processes_mentioning(text: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if text.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def test_killing_the_grader_ends_its_jobs(tmp_path: Path) -> None:
    import os
    import signal
    import sys
    import time

    from tests.support.roots import REPO

    subs, out, scratch = tmp_path / "subs", tmp_path / "out", tmp_path / "scratch"
    scratch.mkdir()
    put(subs / "lou", SOLUTION.read_text() + "\nimport time\ntime.sleep(600)\n")
    env = {**os.environ, "TMPDIR": str(scratch)}
    proc = subprocess.Popen([sys.executable, "-m", "graders", "grade", str(subs), "--out",
                             str(out), "--timeout", "300", "--no-progress"], cwd=REPO, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while not _processes_mentioning(f"{scratch}/grading-") and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _processes_mentioning(f"{scratch}/grading-"), "the job never started"
        time.sleep(1.0)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    deadline = time.monotonic() + 10
    while _processes_mentioning(f"{scratch}/grading-") and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _processes_mentioning(f"{scratch}/grading-") == []
