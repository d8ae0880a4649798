"""A pool with a single worker process."""
# expect: one_at_a_time
from __future__ import annotations

from solutions.ex03_fib_parallel import fib_parallel as _reference
from solutions.ex03_fib_parallel.fib_parallel import fib
from tests.support.variant import adopt


def fibs_parallel(numbers, workers=None):
    from multiprocessing import Pool

    with Pool(processes=1) as pool:
        return pool.map(fib, numbers)


adopt(_reference, globals())  # the rest is the reference's
