"""Turns workers=None into os.cpu_count(): every CPU of the machine, not the usable ones."""
# expect: default_not_usable
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor

from solutions.ex03_fib_parallel import fib_parallel as _reference
from solutions.ex03_fib_parallel.fib_parallel import fib
from tests.support.variant import adopt


def fibs_parallel(numbers, workers=None):
    if workers is None:
        workers = os.cpu_count() or 1
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(fib, numbers))


adopt(_reference, globals())  # the rest is the reference's
