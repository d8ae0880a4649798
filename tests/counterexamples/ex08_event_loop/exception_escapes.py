"""Does not catch a task's exception, so it stops the whole scheduler."""
# expect: exception_escaped
from __future__ import annotations

import selectors

from solutions.ex08_event_loop import scheduler as _reference
from solutions.ex08_event_loop.scheduler import *  # noqa: F403


class Scheduler(_reference.Scheduler):
    def _step(self, task: Task, selector: selectors.BaseSelector) -> None:  # noqa: F405
        """Resume the task; when it returns, keep its result."""
        try:
            request = task.gen.send(None)
        except StopIteration as stop:
            task._finish(result=stop.value)
        else:
            self._file(task, request, selector)
