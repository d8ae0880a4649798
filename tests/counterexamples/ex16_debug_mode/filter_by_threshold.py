"""Leaves the loop's default slow_callback_duration and filters its reports by the threshold."""
# expect: default_threshold
from __future__ import annotations

import asyncio
import logging

from solutions.ex16_debug_mode import debugging as _reference
from solutions.ex16_debug_mode.debugging import _SlowCallbackCollector
from tests.support.variant import adopt


def find_slow_callbacks(main, threshold):
    logger = logging.getLogger("asyncio")
    collector = _SlowCallbackCollector()
    old_level = logger.level
    logger.addHandler(collector)
    if not logger.isEnabledFor(logging.WARNING):
        logger.setLevel(logging.WARNING)
    try:
        with asyncio.Runner(debug=True) as runner:
            runner.run(main())  # the loop reports from its default 0.1 s...
    finally:
        logger.removeHandler(collector)
        logger.setLevel(old_level)
    # ...and the threshold is applied afterwards, to the reports it happened to make
    return [report for report in collector.found if report.seconds >= threshold]


adopt(_reference, globals())  # the rest is the reference's
