"""Returns the reports sorted by duration, slowest first, instead of in the order logged."""
# expect: report_order
from __future__ import annotations

from solutions.ex16_debug_mode import debugging as _reference
from solutions.ex16_debug_mode.debugging import find_slow_callbacks as _in_log_order
from tests.support.variant import adopt


def find_slow_callbacks(main, threshold):
    reports = _in_log_order(main, threshold)
    return sorted(reports, key=lambda report: report.seconds, reverse=True)


adopt(_reference, globals())  # the rest is the reference's
