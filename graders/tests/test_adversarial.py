"""Hostile submissions: each scores 0 on its own exercise with a clear message, and
nothing leaks into the other students' grades, the tests, or the machine.

One batch grades them all at once (``--timeout 20``, ``--memory 1024``), next to an
honest solution, a zipped solution and an untouched stub. Every student also hands in
right answers to two other exercises (the bystanders): the grader tests a student's
exercises in one shared run, and an attack must not cost its neighbours a point.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
import shutil
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from graders import sandbox
from tests.support.roots import REPO

from .conftest import ADVERSARIAL, SOLUTION, STUB, exercise, grader, put, results

BYSTANDERS = {slug: REPO / "solutions" / slug / f"{module}.py"
              for slug, module in (("ex09_coroutines", "coroutines"),
                                   ("ex12_async_timed", "timing"))}

# Grading runs whole batches in subprocesses: far longer than one exercise test.
pytestmark = pytest.mark.timeout(600)

EXPECT = re.compile(r"^# expect: (.+)$", re.MULTILINE)
ATTACKS = sorted(p.stem for p in ADVERSARIAL.glob("*.py"))
# The daemon sleeps for a duration no other run uses, so a daemon left by another grading
# run on this machine (they live five minutes) cannot be mistaken for this one's.
DAEMON_MARK = f"313.{os.getpid() % 100000:05d}"
LINGERING = """

import atexit as _atexit
import subprocess as _subprocess

# like multiprocessing's resource tracker or forkserver: a helper that outlives the test
# process by a moment, then ends by itself (it must not count as a daemon)
_atexit.register(lambda: _subprocess.Popen(["sleep", "0.5"]))
"""


def _tests_digest() -> str:
    digest = hashlib.sha256()
    for f in sorted((REPO / "tests").rglob("*.py")):
        digest.update(str(f).encode() + f.read_bytes())
    return digest.hexdigest()


def build(folder: Path) -> None:
    solution = SOLUTION.read_text(encoding="utf-8")
    for name in ATTACKS:
        attack = (ADVERSARIAL / f"{name}.py").read_text(encoding="utf-8")
        attack = attack.replace("313.37", DAEMON_MARK)
        text = attack if "# replace" in attack else f"{solution}\n\n# -- attack --\n{attack}"
        put(folder / name, text)
    put(folder / "good", solution)
    put(folder / "lingering", solution + LINGERING)
    put(folder / "stub", STUB.read_text(encoding="utf-8"))
    # planted configuration: must never reach the run
    planted = folder / "planted_conftest"
    put(planted, STUB.read_text(encoding="utf-8"))
    passing = ("import pytest\n\n@pytest.hookimpl(hookwrapper=True)\n"
               "def pytest_runtest_makereport(item, call):\n"
               "    outcome = yield\n    outcome.get_result().outcome = 'passed'\n")
    for rel in ("conftest.py", "ex01_threads/conftest.py", "tests/conftest.py",
                "sitecustomize.py"):
        put(planted, passing, rel)
    put(planted, "[pytest]\naddopts = -p no:graders\n", "pytest.ini")
    for student in folder.iterdir():
        for slug, module in BYSTANDERS.items():
            put(student, module.read_text(encoding="utf-8"), f"{slug}/{module.name}")
    with zipfile.ZipFile(folder / "zipped.zip", "w") as z:
        z.write(SOLUTION, "zipped/ex01_threads/threads.py")
        for slug, module in BYSTANDERS.items():
            z.write(module, f"zipped/{slug}/{module.name}")


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    subs = tmp_path_factory.mktemp("subs")
    out = tmp_path_factory.mktemp("out")
    build(subs)
    before = _tests_digest()
    # A temporary folder of its own: other tests may be grading at the same time.
    tmp = tmp_path_factory.mktemp("tmp")
    proc = grader("grade", subs, "--out", out, "--exercises", "ex01,ex09,ex12", "--timeout", "20",
                  "--memory", "1024", "--no-progress", env={**os.environ, "TMPDIR": str(tmp)})
    return {"proc": proc, "out": out, "tests_before": before, "tmp": tmp}


def test_the_batch_runs_to_the_end(batch: dict[str, Any]) -> None:
    proc = batch["proc"]
    assert proc.returncode == 0, proc.stdout + proc.stderr
    rows = list(csv.DictReader((batch["out"] / "gradebook.csv").open(encoding="utf-8")))
    assert {r["student"] for r in rows} == {*ATTACKS, "good", "stub", "planted_conftest",
                                            "zipped", "lingering"}


@pytest.mark.parametrize("attack", ATTACKS)
def test_attack_scores_zero_with_a_clear_message(batch: dict[str, Any], attack: str) -> None:
    want = EXPECT.search((ADVERSARIAL / f"{attack}.py").read_text("utf-8"))
    assert want is not None
    data = results(batch["out"], attack)
    ex = exercise(data)
    assert ex["score"] == 0, ex
    assert ex["status"] == "error", ex
    assert want.group(1) in ex["message"], ex["message"]
    # Exercism's "error" is for a run that produced no test at all: the bystanders ran
    assert data["status"] == "fail"
    assert data["message"].startswith("ex01_threads: ")
    for slug in BYSTANDERS:  # the attack costs only its own exercise
        other = exercise(data, slug)
        assert (other["status"], other["score"]) == ("pass", 10), other
    assert data["score"] == 10 * len(BYSTANDERS)


def test_honest_submissions_are_unaffected(batch: dict[str, Any]) -> None:
    for student in ("good", "zipped", "lingering"):
        data = results(batch["out"], student)
        assert (data["score"], data["max_score"], data["status"]) == (30, 30, "pass"), data
    stub = results(batch["out"], "stub")
    assert (exercise(stub)["score"], stub["score"], stub["status"]) == (0, 20, "fail")
    assert "not_implemented" in {t["key"] for t in stub["tests"] if t["status"] == "fail"}


def test_planted_configuration_is_ignored(batch: dict[str, Any]) -> None:
    data = results(batch["out"], "planted_conftest")
    assert (exercise(data)["score"], data["status"]) == (0, "fail")
    notes = "\n".join(data["notes"])
    for rel in ("conftest.py", "ex01_threads/conftest.py", "tests/", "sitecustomize.py",
                "pytest.ini"):
        assert rel in notes, notes


def test_the_repository_tests_are_untouched(batch: dict[str, Any]) -> None:
    assert _tests_digest() == batch["tests_before"]


def _daemons() -> list[str]:
    alive = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
            except OSError:
                continue
            if DAEMON_MARK.encode() in cmdline:
                alive.append(entry)
    return alive


def test_no_daemon_survives(batch: dict[str, Any]) -> None:
    # A SIGKILLed process may take a moment to leave /proc on a loaded machine; a daemon
    # that escaped would sleep on for minutes.
    deadline = time.monotonic() + 3
    while _daemons() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _daemons()


@pytest.mark.skipif(sandbox.probe().unshare is None, reason="unshare is not usable here")
def test_confinement_is_reported(batch: dict[str, Any]) -> None:
    data = results(batch["out"], "good")
    assert data["confinement"]["network"].startswith("loopback only")
    assert data["confinement"]["pid_namespace"] is True
    ex = exercise(data)
    assert ex["interfaces"] == ["lo"]
    assert ex["sys_class_net"] == ["lo"]
    assert ex["default_route"] is False
    assert "/" in ex["read_only"]


def test_gradebook_names_what_went_wrong(batch: dict[str, Any]) -> None:
    rows = {r["student"]: r for r in
            csv.DictReader((batch["out"] / "gradebook.csv").open(encoding="utf-8"))}
    assert (rows["good"]["status"], rows["good"]["total"]) == ("ok", "30")
    assert rows["loop_at_import"]["status"] == "ex01: timeout"
    assert rows["patch_clock"]["status"] == "ex01: tampered"
    assert rows["syntax_error"]["status"] == "ex01: syntax error"


def test_syntax_error_shows_the_compiler_message(batch: dict[str, Any]) -> None:
    msg = exercise(results(batch["out"], "syntax_error"))["message"]
    assert "ex01_threads/threads.py, line 4" in msg, msg


def test_feedback_is_written(batch: dict[str, Any]) -> None:
    text = (batch["out"] / "patch_clock" / "feedback.md").read_text("utf-8")
    assert "tampering" in text
    assert "time.perf_counter" in text


def test_no_temporary_folders_left(batch: dict[str, Any]) -> None:
    assert shutil.which("true")  # the batch fixture ran; its job folders are removed
    assert not list(batch["tmp"].glob("grading-*"))
