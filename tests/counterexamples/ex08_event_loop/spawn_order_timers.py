"""Keeps sleepers in a plain list and idles until the first one that went to sleep."""
# expect: timer_order
from __future__ import annotations

import selectors
from typing import Any

from solutions.ex08_event_loop import scheduler as _reference
from solutions.ex08_event_loop.scheduler import *  # noqa: F403


class Scheduler(_reference.Scheduler):
    def _file(self, task: Task, request: Any, selector: selectors.BaseSelector) -> None:  # noqa: F405
        if isinstance(request, Sleep):  # noqa: F405
            deadline = self.clock() + request.seconds
            self.timers.append((deadline, next(self._order), task))  # in the order they came
        else:
            super()._file(task, request, selector)

    def _wake_sleepers(self) -> None:
        now = self.clock()
        due = [t for t in self.timers if t[0] <= now]
        self.timers = [t for t in self.timers if t[0] > now]
        for _, _, task in due:
            self.ready.append(task)
