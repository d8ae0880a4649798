"""Timeline for ex08: three generator tasks on the learner's ``Scheduler``.

Each task records, in a lane of its own, every sleep it asks for (a bar from
the ``yield sleep(...)`` until the scheduler resumes it) and a mark each time it
runs. A scheduler that interleaves them lets the three sleeps overlap on one
thread; one that runs each generator to completion runs them one after another.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import TYPE_CHECKING, Any

from tests.support.timeline import Recorder

if TYPE_CHECKING:
    from types import ModuleType

    from tests.support.demo import Demo

PLAN = {"task A": [0.3], "task B": [0.1, 0.1, 0.1], "task C": [0.2]}


def sleeper(mod: ModuleType, rec: Recorder, name: str,
            naps: list[float]) -> Generator[Any, None, str]:
    rec.mark("runs", lane=name)
    if name == "task C":
        yield  # a bare yield: let the others run first
        rec.mark("runs", lane=name)
    for seconds in naps:
        request = mod.sleep(seconds)
        with rec.span(f"sleep {seconds}", lane=name):
            yield request
        rec.mark("runs", lane=name)
    return name


def scenario(demo: Demo) -> None:
    mod = demo.mod
    with demo.section("Scheduler.run(): three generator tasks that sleep", noun="sleeps",
                      total_of="the sleeps", overlap=True) as s:
        with s.calling(f"Scheduler(): spawn {len(PLAN)} tasks, run()") as box:
            scheduler = mod.Scheduler()
            tasks = [scheduler.spawn(sleeper(mod, s.rec, name, naps))
                     for name, naps in PLAN.items()]
            scheduler.run()
            errors = [task.exception() for task in tasks]
            box["result"] = [task.result() if error is None else error
                             for task, error in zip(tasks, errors, strict=True)]
        for error in errors:
            if error is not None:
                s.fail(error, "a task's generator")
        if s.peak() >= len(PLAN):
            s.note("The three tasks slept at the same time on one thread: the scheduler ran "
                   "each until its next yield, filed its sleep under a deadline, and woke it "
                   "when the deadline came (• marks each time a task ran).")
        else:
            s.note("The tasks ran one after another: a task that yields a sleep must go to the "
                   "timers while the others run; idle only when no task is ready.")
