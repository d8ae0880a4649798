"""Shared helpers of the graders' own tests: building submission folders, running the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.support.roots import REPO

SOLUTION = REPO / "solutions" / "ex01_threads" / "threads.py"
STUB = REPO / "exercises" / "ex01_threads" / "threads.py"
ADVERSARIAL = Path(__file__).parent / "adversarial"


def put(folder: Path, text: str | bytes, rel: str = "ex01_threads/threads.py") -> Path:
    path = folder / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def grader(*args: str | Path, timeout: float = 300,
           env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "graders", *map(str, args)], cwd=REPO,
                          capture_output=True, text=True, timeout=timeout, env=env)


def results(out: Path, student: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / student / "results.json").read_text("utf-8"))
    return data


def exercise(data: dict[str, Any], slug: str = "ex01_threads") -> dict[str, Any]:
    found: dict[str, Any] = next(e for e in data["exercises"] if e["exercise"] == slug)
    return found


@pytest.fixture
def solution_text() -> str:
    return SOLUTION.read_text(encoding="utf-8")
