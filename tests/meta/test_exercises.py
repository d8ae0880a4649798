"""The repository's own check: the exercise tests pass the reference solutions and
every right answer built differently, fail every task of the untouched stubs, and
reject every counterexample with the message that names its mistake."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from graders import engine
from tests.support.roots import REPO, Exercise, exercises

from .runner import describe, expected_keys, keys, root_with, run_tests

pytestmark = pytest.mark.meta

EXERCISES = exercises()
COUNTEREXAMPLES = [(ex, path) for ex in EXERCISES for path in ex.counterexamples()]
ALTERNATIVES = [(ex, path) for ex in EXERCISES for path in ex.alternatives()]


def test_every_exercise_is_complete() -> None:
    for ex in EXERCISES:
        folder = REPO / "exercises" / ex.slug
        for name in ("README.md", "README.ar.md", "HINTS.md"):
            assert (folder / name).is_file(), f"{ex.slug}: {name} is missing"
        assert ex.solution().is_file(), f"{ex.slug}: no reference solution"
        assert ex.tests().is_dir(), f"{ex.slug}: no tests"
        assert ex.counterexamples(), f"{ex.slug}: no counterexamples"
        assert ex.alternatives(), f"{ex.slug}: no right answer other than the reference"


@pytest.mark.parametrize("ex", EXERCISES, ids=lambda e: e.number)
def test_messages_have_both_languages(ex: Exercise) -> None:
    module = importlib.import_module(f"tests.{ex.slug}.messages")
    catalogue = module.MSG
    assert catalogue.problems() == []
    assert catalogue.parent is not None
    assert catalogue.parent.problems() == []


def assert_passes(run: engine.Result) -> None:
    assert run.returncode == 0, describe(run)
    assert run.tests, describe(run)
    skipped = [t for t in run.tests if t["status"] == "skip"]
    for t in skipped:  # only speed-up measurements may skip, and they must say why
        assert "speed" in t["nodeid"], describe(run)
        assert t["message"], describe(run)


@pytest.mark.parametrize("ex", EXERCISES, ids=lambda e: e.number)
def test_solution_passes(ex: Exercise) -> None:
    assert_passes(run_tests(ex, REPO / "solutions"))


@pytest.mark.parametrize(
    ("ex", "path"), ALTERNATIVES, ids=[f"{e.number}-{p.stem}" for e, p in ALTERNATIVES]
)
def test_alternative_passes(ex: Exercise, path: Path, tmp_path: Path) -> None:
    # The tests judge what a function does, not how the reference does it: a right
    # answer built with other primitives passes them too.
    assert_passes(run_tests(ex, root_with(ex, path, tmp_path)))


@pytest.mark.parametrize("ex", EXERCISES, ids=lambda e: e.number)
def test_stub_fails_every_task(ex: Exercise) -> None:
    run = run_tests(ex, REPO / "exercises")
    assert run.returncode == 1, describe(run)
    for task, outcomes in run.tasks().items():
        statuses = [t["status"] for t in outcomes]
        assert "fail" in statuses or "error" in statuses, f"task {task} passes on the stub"
        assert any(t["key"] == "not_implemented" for t in outcomes), describe(run)
        assert "pass" not in statuses or task == 0, f"task {task}: {statuses}\n{describe(run)}"


@pytest.mark.parametrize(
    ("ex", "path"), COUNTEREXAMPLES, ids=[f"{e.number}-{p.stem}" for e, p in COUNTEREXAMPLES]
)
def test_counterexample_is_rejected(ex: Exercise, path: Path, tmp_path: Path) -> None:
    want = expected_keys(path)
    run = run_tests(ex, root_with(ex, path, tmp_path))
    assert run.returncode == 1, f"{path.name} was not rejected\n{describe(run)}"
    assert want & keys(run), f"{path.name}: expected {want}, got {keys(run)}\n{describe(run)}"
