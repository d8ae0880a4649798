"""Matches only reports that name a Task: a slow plain callback (<Handle ...>) is missed."""
# expect: missed_handle
from __future__ import annotations

import re

from solutions.ex16_debug_mode import debugging as _reference
from tests.support.variant import adopt

# written against the reports seen in the examples, which were all tasks
SLOW_TASK = re.compile(r"^Executing (<Task .*>) took (\d+(?:\.\d+)?) seconds$", re.DOTALL)


class _SlowCallbackCollector(_reference._SlowCallbackCollector):
    def emit(self, record):
        match = SLOW_TASK.match(record.getMessage())
        if match:
            self.found.append(_reference.SlowCallback(match.group(1), float(match.group(2))))


adopt(_reference, globals())  # the rest is the reference's
