"""Keeps timers as (deadline, task) without a tie-breaker: equal deadlines compare Tasks."""
# expect: timers_compare_tasks
from __future__ import annotations

import heapq
import selectors
from typing import Any

from solutions.ex08_event_loop import scheduler as _reference
from solutions.ex08_event_loop.scheduler import *  # noqa: F403


class Scheduler(_reference.Scheduler):
    def _file(self, task: Task, request: Any, selector: selectors.BaseSelector) -> None:  # noqa: F405
        if isinstance(request, Sleep):  # noqa: F405
            deadline = self.clock() + request.seconds
            heapq.heappush(self.timers, (deadline, task))  # type: ignore[arg-type]
        else:
            super()._file(task, request, selector)

    def _wake_sleepers(self) -> None:
        now = self.clock()
        while self.timers and self.timers[0][0] <= now:
            task = heapq.heappop(self.timers)[-1]
            self.ready.append(task)  # type: ignore[arg-type]
