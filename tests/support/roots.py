"""Which copy of the exercises is being checked, and where things are."""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXERCISE_DIR = re.compile(r"^ex\d{2}_[a-z0-9_]+$")


def exercises_root() -> Path:
    """The folder holding ``exNN_slug/`` packages: ``$EXERCISES_ROOT`` or ``exercises/``."""
    raw = os.environ.get("EXERCISES_ROOT", "").strip()
    root = Path(raw).expanduser() if raw else REPO / "exercises"
    if not root.is_absolute():
        root = Path.cwd() / root
    return root.resolve()


@dataclass(frozen=True)
class Exercise:
    slug: str  # e.g. "ex03_fib_parallel"
    module: str  # e.g. "fib_parallel"

    @property
    def number(self) -> str:
        return self.slug[:4]

    @property
    def dotted(self) -> str:
        return f"{self.slug}.{self.module}"

    def stub(self, repo: Path = REPO) -> Path:
        return repo / "exercises" / self.slug / f"{self.module}.py"

    def solution(self, repo: Path = REPO) -> Path:
        return repo / "solutions" / self.slug / f"{self.module}.py"

    def tests(self, repo: Path = REPO) -> Path:
        return repo / "tests" / self.slug

    def counterexamples(self, repo: Path = REPO) -> list[Path]:
        return sorted((repo / "tests" / "counterexamples" / self.slug).glob("*.py"))

    def alternatives(self, repo: Path = REPO) -> list[Path]:
        """Right answers built differently from the reference (other primitives, designs)."""
        return sorted((repo / "tests" / "alternatives" / self.slug).glob("*.py"))


@cache
def exercises(repo: Path = REPO) -> tuple[Exercise, ...]:
    """Every exercise of the course, from the stubs in ``exercises/``."""
    found = []
    for folder in sorted((repo / "exercises").iterdir()):
        if not (folder.is_dir() and EXERCISE_DIR.match(folder.name)):
            continue
        modules = [p.stem for p in folder.glob("*.py") if not p.name.startswith("_")]
        if len(modules) == 1:
            found.append(Exercise(folder.name, modules[0]))
    return tuple(found)


def exercise(key: str) -> Exercise:
    """Look an exercise up by slug or number (``ex03`` or ``ex03_fib_parallel``)."""
    for ex in exercises():
        if key in (ex.slug, ex.number):
            return ex
    raise KeyError(key)


def make_importable(root: Path) -> None:
    """Put the checked copy ``root`` and the repository (for ``tests.*``) first on
    ``sys.path`` and on ``PYTHONPATH``: child processes started with spawn or
    forkserver import from the same copy."""
    for path in (str(REPO), str(root)):
        if path in sys.path:
            sys.path.remove(path)
        sys.path.insert(0, path)
    parts = [str(root), str(REPO)]
    parts += [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p and p not in parts]
    os.environ["PYTHONPATH"] = os.pathsep.join(parts)
