"""Records warnings without the 'always' filter, so repeats are lost."""
# expect: missed_names
from __future__ import annotations

import warnings

from solutions.ex16_debug_mode.debugging import *  # noqa: F403
from solutions.ex16_debug_mode.debugging import _call_and_finalise, _never_awaited_names


def find_never_awaited(func):
    with warnings.catch_warnings(record=True) as caught:
        # no simplefilter("always"): the default shows a warning once per code location
        _call_and_finalise(func)
    return _never_awaited_names(caught)
