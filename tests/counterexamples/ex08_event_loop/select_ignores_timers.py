"""Blocks in select() without a timeout whenever a task waits for a socket."""
# expect: io_stalled, io_hang
from __future__ import annotations

import selectors

from solutions.ex08_event_loop import scheduler as _reference
from solutions.ex08_event_loop.scheduler import *  # noqa: F403


class Scheduler(_reference.Scheduler):
    def _poll(self, selector: selectors.BaseSelector, timeout: float | None) -> None:
        for key, events in selector.select():  # wait for a socket, however long it takes
            self._wake_io(selector, key.fileobj, events)
