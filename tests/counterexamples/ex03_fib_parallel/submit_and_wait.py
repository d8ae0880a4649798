"""Submits to a two-worker pool but waits for each result before the next submit."""
# expect: one_at_a_time
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor

from solutions.ex03_fib_parallel import fib_parallel as _reference
from solutions.ex03_fib_parallel.fib_parallel import fib
from tests.support.variant import adopt


def fibs_parallel(numbers, workers=None):
    with ProcessPoolExecutor(max_workers=workers or os.cpu_count()) as pool:
        return [pool.submit(fib, n).result() for n in numbers]


adopt(_reference, globals())  # the rest is the reference's
