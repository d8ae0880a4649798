"""Assumes the caller is always the main thread."""
# expect: wrong_name
from __future__ import annotations

import os
import threading
from typing import TypeVar

from solutions.ex01_threads import threads as _reference
from solutions.ex01_threads.threads import ThreadInfo
from tests.support.variant import adopt

T = TypeVar("T")


def describe_current() -> ThreadInfo:
    return ThreadInfo(os.getpid(), threading.active_count(), "MainThread")


adopt(_reference, globals())  # the rest is the reference's
