"""Configures the asyncio logger and leaves it that way."""
# expect: state_not_restored
from __future__ import annotations

import logging

from solutions.ex16_debug_mode.debugging import *  # noqa: F403
from solutions.ex16_debug_mode.debugging import _run_in_debug_mode, _SlowCallbackCollector


def find_slow_callbacks(main, threshold):
    collector = _SlowCallbackCollector()
    logger = logging.getLogger("asyncio")
    logger.addHandler(collector)  # never removed
    logger.setLevel(logging.DEBUG)  # never put back
    _run_in_debug_mode(main, threshold)
    return collector.found
