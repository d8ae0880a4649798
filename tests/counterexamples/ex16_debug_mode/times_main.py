"""Times main() as a whole instead of reading the loop's reports."""
# expect: false_positive, wrong_description, wrong_count
from __future__ import annotations

import asyncio
import time

from solutions.ex16_debug_mode.debugging import *  # noqa: F403


def find_slow_callbacks(main, threshold):
    start = time.perf_counter()
    asyncio.run(main(), debug=True)
    elapsed = time.perf_counter() - start
    if elapsed >= threshold:
        return [SlowCallback(main.__name__, elapsed)]  # noqa: F405
    return []
