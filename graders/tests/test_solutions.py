"""Every exercise, graded through the full sandbox: reference solutions get full marks,
untouched stubs are graded (fail), never "could not be graded".

This is what catches a confinement that breaks an exercise (loopback servers, process
pools, /dev/shm semaphores, forkserver sockets under a read-only root) or a tamper
check that mistakes the tests' own patching for the submission's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graders import batch, sandbox
from graders.engine import REPO, exercises
from graders.submissions import discover

from .conftest import put

pytestmark = pytest.mark.timeout(900)


def test_solutions_get_full_marks_and_stubs_are_graded(tmp_path: Path) -> None:
    exs = list(exercises())
    subs = tmp_path / "subs"
    for ex in exs:
        rel = f"{ex.slug}/{ex.module}.py"
        put(subs / "reference", ex.solution().read_bytes(), rel)
        put(subs / "untouched", ex.stub().read_bytes(), rel)
    found, _ = discover(subs, exs)
    out = tmp_path / "out"
    opts = batch.Options(out=out, exercises=exs, repo=REPO, progress=False,
                         limits=sandbox.Limits(timeout=300))
    batch.grade(found, opts)
    by = {r["student"]: r for r in batch.run_all(["reference", "untouched"], out)}
    wrong = [f"{e['exercise']}: {e['status']} {e['message'][:300]}"
             for e in by["reference"]["exercises"] if e["status"] != "pass"]
    assert wrong == []
    assert by["reference"]["score"] == by["reference"]["max_score"]
    broken = [f"{e['exercise']}: {e['message'][:300]}"
              for e in by["untouched"]["exercises"] if e["status"] != "fail"]
    assert broken == []
    assert by["untouched"]["score"] == 0
