"""Does not run the garbage collector, so coroutines in cycles are missed."""
# expect: missed_names
from __future__ import annotations

from solutions.ex16_debug_mode import debugging as _reference
from solutions.ex16_debug_mode.debugging import *  # noqa: F403
from tests.support.variant import variant


def _call_and_finalise(func):
    func()  # coroutines in reference cycles wait for a garbage collection that never comes


find_never_awaited = variant(
    _reference, _call_and_finalise=_call_and_finalise
).find_never_awaited
