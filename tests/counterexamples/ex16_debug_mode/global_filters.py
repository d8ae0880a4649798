"""Changes the global warning filters and display without restoring them."""
# expect: state_not_restored, printed
from __future__ import annotations

import warnings

from solutions.ex16_debug_mode.debugging import *  # noqa: F403
from solutions.ex16_debug_mode.debugging import _call_and_finalise, _never_awaited_names


def find_never_awaited(func):
    caught: list[warnings.WarningMessage] = []
    shown = warnings.showwarning

    def keep(message, category, filename, lineno, file=None, line=None):
        caught.append(warnings.WarningMessage(message, category, filename, lineno, file, line))
        shown(message, category, filename, lineno, file, line)

    # Set for the whole process, and never put back.
    warnings.simplefilter("always")
    warnings.showwarning = keep
    _call_and_finalise(func)
    return _never_awaited_names(caught)
