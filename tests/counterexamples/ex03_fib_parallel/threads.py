"""Threads: the GIL lets only one of them compute at a time."""
# expect: no_child_cpu
from __future__ import annotations

import os

from solutions.ex03_fib_parallel import fib_parallel as _reference
from solutions.ex03_fib_parallel.fib_parallel import fib
from tests.support.variant import adopt


def fibs_parallel(numbers, workers=None):
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=workers or os.cpu_count()) as pool:
        return list(pool.map(fib, numbers))


adopt(_reference, globals())  # the rest is the reference's
