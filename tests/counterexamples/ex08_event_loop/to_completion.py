"""Runs each generator to completion in turn, idling on the spot for every sleep."""
# expect: ran_to_completion
from __future__ import annotations

import heapq
import selectors

from solutions.ex08_event_loop import scheduler as _reference
from solutions.ex08_event_loop.scheduler import *  # noqa: F403


class Scheduler(_reference.Scheduler):
    def run(self) -> None:
        """Take the first task and run it until it is done, then the next one."""
        with selectors.DefaultSelector() as selector:
            while self.ready or self.timers or self.waiting:
                if not self.ready:
                    self._wait(selector)
                task = self.ready.popleft()
                while not task.done():
                    self._step(task, selector)
                    if self.ready and self.ready[-1] is task:
                        self.ready.pop()
                    elif self.timers:
                        deadline, _, _ = heapq.heappop(self.timers)
                        self.idle(max(0.0, deadline - self.clock()))
                    elif self.waiting:
                        self._wait(selector)
                        self.ready.clear()
