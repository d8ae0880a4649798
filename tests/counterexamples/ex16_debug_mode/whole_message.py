"""Keeps the whole log message as the description."""
# expect: wrong_description
from __future__ import annotations

from solutions.ex16_debug_mode import debugging as _reference
from solutions.ex16_debug_mode.debugging import *  # noqa: F403
from solutions.ex16_debug_mode.debugging import SLOW, SlowCallback
from tests.support.variant import variant


class _SlowCallbackCollector(_reference._SlowCallbackCollector):
    def emit(self, record):
        match = SLOW.match(record.getMessage())
        if match:
            self.found.append(SlowCallback(record.getMessage(), float(match.group(2))))


find_slow_callbacks = variant(
    _reference, _SlowCallbackCollector=_SlowCallbackCollector
).find_slow_callbacks
