"""Counts only the non-daemon threads: daemon threads are alive but left out."""
# expect: daemons_missed
from __future__ import annotations

import os
import threading

from solutions.ex01_threads import threads as _reference
from solutions.ex01_threads.threads import ThreadInfo
from tests.support.variant import adopt


def describe_current() -> ThreadInfo:
    count = sum(1 for t in threading.enumerate() if not t.daemon)
    return ThreadInfo(os.getpid(), count, threading.current_thread().name)


adopt(_reference, globals())  # the rest is the reference's
