"""spawn() runs the generator at once, up to its first yield, instead of only queueing it."""
# expect: spawn_ran_task
from __future__ import annotations

import selectors

from solutions.ex08_event_loop import scheduler as _reference
from solutions.ex08_event_loop.scheduler import *  # noqa: F403


class Scheduler(_reference.Scheduler):
    _selector: selectors.BaseSelector | None = None

    def spawn(self, gen: TaskGen) -> Task:  # noqa: F405
        if self._selector is None:
            self._selector = selectors.DefaultSelector()
        task = Task(gen)  # noqa: F405
        self._step(task, self._selector)  # get it going right away, up to its first yield
        return task

    def run(self) -> None:
        with self._selector or selectors.DefaultSelector() as selector:
            while self.ready or self.timers or self.waiting:
                if not self.ready:
                    self._wait(selector)
                for _ in range(len(self.ready)):
                    self._step(self.ready.popleft(), selector)
