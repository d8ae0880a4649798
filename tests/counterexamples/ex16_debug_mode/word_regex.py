"""Matches only simple identifiers in the warning text."""
# expect: wrong_names
from __future__ import annotations

import re

from solutions.ex16_debug_mode import debugging as _reference
from solutions.ex16_debug_mode.debugging import *  # noqa: F403
from tests.support.variant import variant

NEVER_AWAITED = re.compile(r"coroutine '(\w+)'")

find_never_awaited = variant(_reference, NEVER_AWAITED=NEVER_AWAITED).find_never_awaited
