"""The grading tables: points and default limits.

Points can be overridden with ``--points FILE.toml``::

    default = 10                  # points of an exercise not listed below

    [ex03_fib_parallel]
    points = 20                   # split equally over its tasks...
    tasks = { 1 = 5, 2 = 15 }     # ...unless the tasks are given (they must add up)
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

# Points per exercise (an exercise not listed gets DEFAULT_POINTS), split equally
# over its tasks unless TASK_POINTS says otherwise; a task's points are split
# equally over its tests that ran. A task whose tests all skipped (a speed-up on one
# CPU) measured nothing: its points go to the exercise's other tasks (batch.score).
DEFAULT_POINTS = 10.0
EXERCISE_POINTS: dict[str, float] = {}
TASK_POINTS: dict[str, dict[int, float]] = {}

# Limits of one grading job (one exercise of one student).
TIMEOUT = 120.0  # wall-clock seconds, then the whole job is killed
MEMORY = 4 << 30  # RLIMIT_AS per process: multiprocessing pools fit easily
PROCESSES = 256  # pids cgroup / RLIMIT_NPROC
FILE_SIZE = 64 << 20  # RLIMIT_FSIZE: the largest file a job may write
OPEN_FILES = 1024  # RLIMIT_NOFILE
OUTPUT = 64 << 10  # bytes of a job's stdout/stderr kept (head and tail)
MODULE_SIZE = 1 << 20  # a submitted module larger than this is refused


@dataclass
class Points:
    default: float = DEFAULT_POINTS
    exercises: dict[str, float] = field(default_factory=lambda: dict(EXERCISE_POINTS))
    tasks: dict[str, dict[int, float]] = field(
        default_factory=lambda: {k: dict(v) for k, v in TASK_POINTS.items()}
    )

    def exercise(self, slug: str) -> float:
        if slug in self.tasks:
            return float(sum(self.tasks[slug].values()))
        return float(self.exercises.get(slug, self.default))

    def task(self, slug: str, task_id: int, task_ids: list[int]) -> float:
        """Points of ``task_id`` among the exercise's tasks ``task_ids``."""
        table = self.tasks.get(slug)
        if table:
            return float(table.get(task_id, 0.0))
        return self.exercise(slug) / max(1, len(task_ids))

    def as_dict(self) -> dict[str, object]:
        return {"default": self.default, "exercises": self.exercises,
                "tasks": {k: {str(t): p for t, p in v.items()} for k, v in self.tasks.items()}}


def load_points(path: Path | None) -> Points:
    points = Points()
    if path is None:
        return points
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    if "default" in data:
        points.default = float(data.pop("default"))
    for slug, table in data.items():
        if not isinstance(table, dict):
            raise ValueError(f"{path}: [{slug}] must be a table (points = N, tasks = {{1 = N}})")
        if "points" in table:
            points.exercises[slug] = float(table["points"])
        if "tasks" in table:
            tasks = {int(k): float(v) for k, v in table["tasks"].items()}
            if "points" in table and abs(sum(tasks.values()) - float(table["points"])) > 1e-9:
                raise ValueError(f"{path}: the tasks of {slug} add up to {sum(tasks.values())}, "
                                 f"not {table['points']}")
            points.tasks[slug] = tasks
    return points
