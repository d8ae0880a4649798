"""Keeps what func() returned alive past the catch_warnings block."""
# expect: returned_coroutine
from __future__ import annotations

import gc
import warnings

from solutions.ex16_debug_mode import debugging as _reference
from solutions.ex16_debug_mode.debugging import _never_awaited_names
from tests.support.variant import adopt


def find_never_awaited(func):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = func()  # noqa: F841  (kept "in case": alive until the function returns)
        gc.collect()
    return _never_awaited_names(caught)


adopt(_reference, globals())  # the rest is the reference's
