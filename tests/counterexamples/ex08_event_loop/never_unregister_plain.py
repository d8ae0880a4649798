"""Forgets a socket once its task is woken, but never unregisters it from the selector."""
# expect: selector_bookkeeping
from __future__ import annotations

import selectors
import socket

from solutions.ex08_event_loop import scheduler as _reference
from solutions.ex08_event_loop.scheduler import *  # noqa: F403


class Scheduler(_reference.Scheduler):
    def _wake_io(self, selector: selectors.BaseSelector, sock: socket.socket, events: int) -> None:
        waiters = self.waiting[sock]
        for flag in (selectors.EVENT_READ, selectors.EVENT_WRITE):
            if events & flag and flag in waiters:
                self.ready.append(waiters.pop(flag))
        if not waiters:
            del self.waiting[sock]  # nobody waits for it now (the selector still watches it)
