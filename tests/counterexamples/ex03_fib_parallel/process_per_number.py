"""Starts one process per number, all at once, whatever `workers` says."""
# expect: too_many_workers
from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor

from solutions.ex03_fib_parallel import fib_parallel as _reference
from solutions.ex03_fib_parallel.fib_parallel import fib
from tests.support.variant import adopt


def fibs_parallel(numbers, workers=None):
    if not numbers:
        return []
    with ProcessPoolExecutor(max_workers=len(numbers)) as pool:
        return list(pool.map(fib, numbers))


adopt(_reference, globals())  # the rest is the reference's
