"""Polls the selector with timeout 0 when no timer is pending, instead of sleeping in it."""
# expect: io_spins
from __future__ import annotations

import selectors

from solutions.ex08_event_loop import scheduler as _reference
from solutions.ex08_event_loop.scheduler import *  # noqa: F403


class Scheduler(_reference.Scheduler):
    def _poll(self, selector: selectors.BaseSelector, timeout: float | None) -> None:
        # "None would block for ever": a zero timeout looks safer, and spins instead
        super()._poll(selector, 0 if timeout is None else timeout)
