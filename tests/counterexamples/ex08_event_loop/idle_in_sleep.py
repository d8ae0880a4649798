"""Handles a sleep request by idling right away, so every sleep stops all tasks."""
# expect: sleep_sequential
from __future__ import annotations

import selectors
from typing import Any

from solutions.ex08_event_loop import scheduler as _reference
from solutions.ex08_event_loop.scheduler import *  # noqa: F403


class Scheduler(_reference.Scheduler):
    def _file(self, task: Task, request: Any, selector: selectors.BaseSelector) -> None:  # noqa: F405
        if isinstance(request, Sleep):  # noqa: F405
            self.idle(request.seconds)
            self.ready.append(task)
        else:
            super()._file(task, request, selector)
