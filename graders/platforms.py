"""Gradescope autograder bundle and GitHub Classroom workflow, both running the same grading.

Gradescope unpacks the bundle into ``/autograder/source``, runs ``setup.sh`` once
when building the image, then ``run_autograder`` for every submission (placed in
``/autograder/submission``), which must write ``/autograder/results/results.json``.
``AUTOGRADER_ROOT`` (default ``/autograder``) and ``AUTOGRADER_PYTHON`` move those
paths, so the layout can be simulated in a temporary folder.
"""

from __future__ import annotations

import json
import os
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import config
from .engine import REPO, Exercise

SETUP = """#!/usr/bin/env bash
# Gradescope image set-up: Python, the test dependencies, unshare/ip for isolation.
set -euo pipefail
ROOT="${AUTOGRADER_ROOT:-/autograder}"
if command -v apt-get >/dev/null; then
  apt-get update -q
  apt-get install -y -q python3 python3-venv python3-pip util-linux iproute2
fi
PY=""
for candidate in python3.13 python3.12 python3.11; do  # the course needs Python >= 3.11
  if command -v "$candidate" >/dev/null; then PY="$candidate"; break; fi
done
if [ -z "$PY" ]; then
  apt-get install -y -q python3.11 python3.11-venv
  PY=python3.11
fi
"$PY" -m venv "$ROOT/venv"
"$ROOT/venv/bin/pip" install -q REQUIREMENTS
"""

RUN = """#!/usr/bin/env bash
# Grade /autograder/submission with the course's pristine tests; write Gradescope's results.
set -u
ROOT="${AUTOGRADER_ROOT:-/autograder}"
PY="${AUTOGRADER_PYTHON:-$ROOT/venv/bin/python}"
mkdir -p "$ROOT/results"
cd "$ROOT/source/course" || exit 1
"$PY" -m graders gradescope-run --submission "$ROOT/submission" \\
  --results "$ROOT/results/results.json" ARGS
status=$?
if [ ! -s "$ROOT/results/results.json" ]; then
  printf '{"score": 0, "output": "The grader failed (exit %s); please tell your instructor."}' \\
    "$status" > "$ROOT/results/results.json"
fi
"""


def _requirements(repo: Path = REPO) -> list[str]:
    import tomllib

    data = tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))
    groups = data.get("dependency-groups", {})
    return [*groups.get("test", []), *groups.get("graders", [])]


def _course_files(repo: Path, exercises: Sequence[Exercise]) -> list[tuple[Path, str]]:
    """What the bundle carries: tests (no counterexamples, no meta), graders, stubs, config."""
    files: list[tuple[Path, str]] = []

    def add(path: Path) -> None:
        for f in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if f.is_file() and "__pycache__" not in f.parts and f.suffix != ".pyc":
                files.append((f, "course/" + str(f.relative_to(repo))))

    for name in ("pyproject.toml", "tests/__init__.py", "tests/conftest.py", "tests/support"):
        add(repo / name)
    for f in sorted((repo / "graders").rglob("*.py")):
        if "tests" not in f.relative_to(repo / "graders").parts[:-1] and f.name != "bench.py":
            add(f)
    for ex in exercises:
        add(ex.tests(repo))
        add(ex.stub(repo))  # the list of exercises comes from the stubs (no solutions shipped)
    return files


def gradescope_bundle(out: Path, exercises: Sequence[Exercise], *, timeout: float,
                      points: Path | None = None, repo: Path = REPO) -> Path:
    args = f"--timeout {timeout:g} --exercises {','.join(ex.number for ex in exercises)}"
    if points is not None:
        args += " --points points.toml"
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in (("setup.sh", SETUP.replace("REQUIREMENTS", " ".join(
                f"'{r}'" for r in _requirements(repo)))), ("run_autograder", RUN.replace(
                "ARGS", args))):
            info = zipfile.ZipInfo(name)
            info.external_attr = 0o755 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)
        for path, arcname in _course_files(repo, exercises):
            z.write(path, arcname)
        if points is not None:
            z.write(points, "course/points.toml")
    return out


def write_gradescope(path: Path, results: dict[str, Any], feedback: str, seconds: float) -> None:
    """Our results.json (Exercism v3 + scores) in Gradescope's format, without loss of scores."""
    tests = []
    for t in results["tests"]:
        number = f"{t['exercise'][2:4]}.{t.get('task_id', 0)}"
        text = t.get("message") or ""
        if t.get("timing"):
            text += "\n" + "\n".join(
                f"measured {m['what']}: {m['measured']:g} s (allowed {m['allowance']:g} s, "
                f"{m['verdict']})" for m in t["timing"])
        tests.append({
            "name": t["name"], "number": number, "score": t.get("score", 0.0),
            "max_score": t.get("max_score", 0.0),
            "status": "passed" if t["status"] == "pass" else "failed",
            "output": text.strip(), "tags": [t["exercise"]], "visibility": "visible",
        })
    for t in results.get("not_measured", []):  # shown, worth nothing, neither passed nor failed
        tests.append({
            "name": f"{t['name']} (not measured)", "number": f"{t['exercise'][2:4]}.{t['task_id']}",
            "score": 0.0, "max_score": 0.0, "output": t.get("message") or "",
            "tags": [t["exercise"]], "visibility": "visible",
        })
    data = {
        "score": results["score"], "execution_time": round(seconds, 2), "output": feedback,
        "output_format": "md", "visibility": "visible", "stdout_visibility": "hidden",
        "tests": tests,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


def classroom(dest: Path, exercises: Sequence[Exercise], points: config.Points, *,
              timeout: float, course_repo: str | None = None) -> list[Path]:
    """``.github/workflows/classroom.yml`` and ``.github/classroom/autograding.json``.

    With ``course_repo`` (``owner/name`` or ``owner/name@ref``) the workflow checks the
    course repository out into ``.course/`` and grades with *its* tests and graders, so
    a student who edits ``tests/`` in their own repository changes nothing.
    """
    minutes = max(1, int(timeout * 2 // 60) + 1)
    reqs = " ".join(f"'{r}'" for r in _requirements())
    tests = []
    steps = []
    course = ""
    prefix, root = "", "exercises"
    if course_repo:
        name, _, ref = course_repo.partition("@")
        course = f"""    - name: Check out the course's pristine tests and graders
      uses: actions/checkout@v4
      with:
        repository: {name}
        path: .course{f"{chr(10)}        ref: {ref}" if ref else ""}
"""
        prefix, root = "cd .course && ", "../exercises"
    for ex in exercises:
        command = (f"{prefix}python -m graders grade-one {ex.number} --root {root} "
                   f"--timeout {timeout:g}")
        worth = points.exercise(ex.slug)
        tests.append({"name": ex.slug, "setup": "", "run": command, "input": "", "output": "",
                      "comparison": "included", "timeout": minutes, "points": worth})
        steps.append(f"""    - name: {ex.slug}
      id: {ex.number}
      uses: classroom-resources/autograding-command-grader@v1
      with:
        test-name: {ex.slug}
        setup-command: ""
        command: {command}
        timeout: {minutes}
        max-score: {worth:g}""")
    runners = ",".join(ex.number for ex in exercises)
    env = "\n".join(
        f'        {ex.number.upper()}_RESULTS: "${{{{steps.{ex.number}.outputs.result}}}}"'
        for ex in exercises)
    workflow = f"""# Generated by `python -m graders classroom`: one autograding step per exercise.
# Each step grades the exercise with the course's grader (sandboxed test run, tamper check);
# it earns its points when every test of the exercise passes.
name: Autograding Tests
on: [push, repository_dispatch]
permissions:
  checks: write
  actions: read
  contents: read
jobs:
  run-autograding-tests:
    runs-on: ubuntu-latest
    if: github.actor != 'github-classroom[bot]'
    steps:
    - name: Checkout code
      uses: actions/checkout@v4
    - name: Set up Python
      uses: actions/setup-python@v5
      with:
        python-version: "3.12"
{course}    - name: Install the test dependencies
      run: python -m pip install {reqs}
{chr(10).join(steps)}
    - name: Autograding Reporter
      uses: classroom-resources/autograding-grading-reporter@v1
      env:
{env}
      with:
        runners: {runners}
"""
    wf = dest / ".github" / "workflows" / "classroom.yml"
    cfg = dest / ".github" / "classroom" / "autograding.json"
    wf.parent.mkdir(parents=True, exist_ok=True)
    cfg.parent.mkdir(parents=True, exist_ok=True)
    wf.write_text(workflow, encoding="utf-8")
    cfg.write_text(json.dumps({"tests": tests}, indent=2) + "\n", encoding="utf-8")
    return [wf, cfg]
