"""Never unregisters a woken socket; registering it again falls back to modify()."""
# expect: selector_bookkeeping
from __future__ import annotations

import selectors
import socket

from solutions.ex08_event_loop import scheduler as _reference
from solutions.ex08_event_loop.scheduler import *  # noqa: F403


class Scheduler(_reference.Scheduler):
    def _register(self, selector: selectors.BaseSelector, request: WaitIO, task: Task) -> None:  # noqa: F405
        waiters = self.waiting.setdefault(request.sock, {})
        waiters[request.events] = task
        mask = 0
        for flag in waiters:
            mask |= flag
        try:
            selector.register(request.sock, mask)
        except KeyError:  # still registered from its last wait: just update it
            selector.modify(request.sock, mask)

    def _wake_io(self, selector: selectors.BaseSelector, sock: socket.socket, events: int) -> None:
        waiters = self.waiting[sock]
        for flag in (selectors.EVENT_READ, selectors.EVENT_WRITE):
            if events & flag and flag in waiters:
                self.ready.append(waiters.pop(flag))
        if not waiters:
            del self.waiting[sock]  # nobody waits for it now (the selector still watches it)
