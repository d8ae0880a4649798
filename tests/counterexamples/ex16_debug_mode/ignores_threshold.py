"""Never sets slow_callback_duration, so the 0.1 s default applies."""
# expect: threshold_ignored
from __future__ import annotations

import asyncio

from solutions.ex16_debug_mode import debugging as _reference
from solutions.ex16_debug_mode.debugging import *  # noqa: F403
from tests.support.variant import variant


def _run_in_debug_mode(main, threshold):
    with asyncio.Runner(debug=True) as runner:
        runner.run(main())  # the threshold is never given to the loop


find_slow_callbacks = variant(
    _reference, _run_in_debug_mode=_run_in_debug_mode
).find_slow_callbacks
