"""Gradescope and GitHub Classroom, with their directory layouts simulated in a temp dir."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.support.roots import REPO

from .conftest import SOLUTION, STUB, grader, put

# Grading runs whole batches in subprocesses: far longer than one exercise test.
pytestmark = pytest.mark.timeout(600)


def test_gradescope_autograder(tmp_path: Path) -> None:
    bundle = tmp_path / "autograder.zip"
    proc = grader("gradescope", "--out", bundle, "--exercises", "ex01", "--timeout", "30")
    assert proc.returncode == 0, proc.stderr
    root = tmp_path / "autograder"
    with zipfile.ZipFile(bundle) as z:
        names = z.namelist()
        z.extractall(root / "source")
    assert {"setup.sh", "run_autograder"} <= set(names)
    assert not [n for n in names if "solutions/" in n or "counterexamples" in n]
    run = root / "source" / "run_autograder"
    run.chmod(0o755)
    env = {**os.environ, "AUTOGRADER_ROOT": str(root), "AUTOGRADER_PYTHON": sys.executable}
    counts = set()
    for text, want in ((SOLUTION.read_text(), 10), (STUB.read_text(), 0)):
        shutil.rmtree(root / "submission", ignore_errors=True)
        shutil.rmtree(root / "results", ignore_errors=True)
        put(root / "submission", text)
        done = subprocess.run(["bash", str(run)], env=env, capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr
        data = json.loads((root / "results" / "results.json").read_text())
        assert data["score"] == want
        assert data["visibility"] == "visible"
        assert data["execution_time"] > 0
        counts.add(len(data["tests"]))
        assert {t["status"] for t in data["tests"]} == ({"passed"} if want else {"failed"})
        assert sum(t["max_score"] for t in data["tests"]) == pytest.approx(10, abs=0.01)
    (count,) = counts  # every test of ex01 reported, for the right answer and for the stub
    assert count >= 9


def _check_yaml(path: Path) -> None:
    """Parse the workflow with PyYAML when some Python here has it (the dev env does not)."""
    code = ("import json, sys, yaml; d = yaml.safe_load(open(sys.argv[1]));"
            "print(json.dumps([s.get('id') for s in d['jobs']['run-autograding-tests']['steps']]))")
    for python in (sys.executable, "/usr/bin/python3"):
        if not Path(python).exists():
            continue
        done = subprocess.run([python, "-c", code, str(path)], capture_output=True, text=True)
        if done.returncode == 0:
            assert "ex01" in json.loads(done.stdout)
            return
    pytest.skip("no PyYAML to parse the workflow (checked textually only)")


def test_github_classroom_workflow(tmp_path: Path) -> None:
    clone = tmp_path / "student-repo"
    for part in ("tests", "graders"):
        shutil.copytree(REPO / part, clone / part,
                        ignore=shutil.ignore_patterns("__pycache__", "adversarial"))
    shutil.copyfile(REPO / "pyproject.toml", clone / "pyproject.toml")
    shutil.copytree(REPO / "exercises", clone / "exercises")
    proc = subprocess.run([sys.executable, "-m", "graders", "classroom", "--dest", str(clone),
                           "--exercises", "ex01",
                           "--timeout", "30"], cwd=clone, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    workflow = (clone / ".github" / "workflows" / "classroom.yml").read_text()
    config = json.loads((clone / ".github" / "classroom" / "autograding.json").read_text())
    assert "classroom-resources/autograding-grading-reporter@v1" in workflow
    assert [t["name"] for t in config["tests"]] == ["ex01_threads"]
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    for test in config["tests"]:
        assert f"command: {test['run']}" in workflow
        stub = subprocess.run(test["run"], shell=True, cwd=clone, capture_output=True, env=env,
                              text=True, timeout=120)
        assert stub.returncode == 1, stub.stdout + stub.stderr
        assert "not implemented yet" in stub.stdout
        shutil.copyfile(SOLUTION, clone / "exercises" / "ex01_threads" / "threads.py")
        solved = subprocess.run(test["run"], shell=True, cwd=clone, capture_output=True, env=env,
                                text=True, timeout=120)
        assert solved.returncode == 0, solved.stdout + solved.stderr
    _check_yaml(clone / ".github" / "workflows" / "classroom.yml")  # last: it may skip


def test_github_classroom_with_the_course_repository(tmp_path: Path) -> None:
    """The student rewrites tests/ in their repository: grading uses the course's copy."""
    repo = tmp_path / "student-repo"
    course = repo / ".course"
    for part in ("tests", "graders"):
        shutil.copytree(REPO / part, course / part,
                        ignore=shutil.ignore_patterns("__pycache__", "adversarial"))
        shutil.copytree(REPO / part, repo / part,
                        ignore=shutil.ignore_patterns("__pycache__", "adversarial"))
    for target in (course, repo):
        shutil.copyfile(REPO / "pyproject.toml", target / "pyproject.toml")
        shutil.copytree(REPO / "exercises", target / "exercises")
    put(repo, "def test_nothing():\n    pass\n", "tests/ex01_threads/test_threads.py")
    proc = subprocess.run([sys.executable, "-m", "graders", "classroom", "--dest", str(repo),
                           "--exercises", "ex01", "--timeout", "30",
                           "--course-repo", "teacher/course@v1"],
                          cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    workflow = (repo / ".github" / "workflows" / "classroom.yml").read_text()
    assert "repository: teacher/course" in workflow
    assert "ref: v1" in workflow
    config = json.loads((repo / ".github" / "classroom" / "autograding.json").read_text())
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    (command,) = [t["run"] for t in config["tests"]]
    assert command.startswith("cd .course && ")
    stub = subprocess.run(command, shell=True, cwd=repo, capture_output=True, env=env,
                          text=True, timeout=120)
    assert stub.returncode == 1, stub.stdout + stub.stderr
    assert "not implemented yet" in stub.stdout
