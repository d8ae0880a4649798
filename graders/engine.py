"""Run the tests of one exercise against one root and read back what happened.

Learners and instructors go through here, so both run the very same tests with
the very same reporting plugin (``tests/support/report.py``).
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.support.roots import REPO, Exercise, exercises

__all__ = ["REPO", "Exercise", "Result", "exercises", "pytest_args", "run"]


TIMED_OUT = -9  # the return code of a run stopped at its timeout


@dataclass
class Result:
    """What one pytest run of one exercise reported."""

    returncode: int
    tests: list[dict[str, Any]] = field(default_factory=list)
    collect_errors: list[dict[str, Any]] = field(default_factory=list)
    output: str = ""

    @property
    def reported(self) -> bool:
        return bool(self.tests or self.collect_errors)

    def status(self) -> str:
        """done / not started / failing / broken."""
        if self.collect_errors or not self.tests:
            return "broken"
        failed = [t for t in self.tests if t["status"] in ("fail", "error")]
        if not failed:
            return "done"
        ran = [t for t in self.tests if t["status"] != "skip"]
        if all(t["key"] == "not_implemented" for t in failed) and len(failed) == len(ran):
            return "not started"
        return "failing"

    def tasks(self) -> dict[int, list[dict[str, Any]]]:
        found: dict[int, list[dict[str, Any]]] = {}
        for t in self.tests:
            found.setdefault(int(t["task_id"]), []).append(t)
        return found


def pytest_args(ex: Exercise, *, repo: Path = REPO, results: Path | None = None,
                teach: bool = False, extra: Sequence[str] = ()) -> list[str]:
    args = ["-m", "pytest", str(ex.tests(repo)), "-p", "no:cacheprovider"]
    if teach:
        args += ["-q", "--teach"]
    if results is not None:
        args += ["--results-json", str(results)]
    return args + list(extra)


def run(python: str, ex: Exercise, root: Path, *, repo: Path = REPO, teach: bool = False,
        capture: bool = True, extra: Sequence[str] = (), env: Mapping[str, str] | None = None,
        timeout: float | None = None) -> Result:
    """Run ``ex``'s tests against ``root`` (the folder holding ``exNN_slug/``)."""
    with tempfile.TemporaryDirectory(prefix="course-") as tmp:
        results = Path(tmp) / f"{os.urandom(8).hex()}.json"
        environ = dict(os.environ if env is None else env)
        environ["EXERCISES_ROOT"] = str(root)
        try:
            proc = subprocess.run(
                [python, *pytest_args(ex, repo=repo, results=results, teach=teach, extra=extra)],
                cwd=repo, env=environ, timeout=timeout,
                stdout=subprocess.PIPE if capture else None,
                stderr=subprocess.STDOUT if capture else None, text=True,
            )
            code, output = proc.returncode, proc.stdout or ""
        except subprocess.TimeoutExpired as exc:  # the run was killed: say so, keep its output
            told = exc.output or ""
            output = told.decode(errors="replace") if isinstance(told, bytes) else told
            output += f"\nthe test run did not end within {timeout:g} s and was stopped\n"
            code = TIMED_OUT
        data: dict[str, Any] = {}
        if results.exists():
            data = json.loads(results.read_text(encoding="utf-8"))
    return Result(code, data.get("tests", []), data.get("collect_errors", []), output)
