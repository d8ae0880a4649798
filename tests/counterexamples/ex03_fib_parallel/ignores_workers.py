"""Ignores the workers argument and always uses every CPU."""
# expect: ignores_workers
from __future__ import annotations

import os
from multiprocessing import Pool

from solutions.ex03_fib_parallel import fib_parallel as _reference
from solutions.ex03_fib_parallel.fib_parallel import fib
from tests.support.variant import adopt


def fibs_parallel(numbers, workers=None):
    with Pool(processes=os.cpu_count()) as pool:
        return pool.map(fib, numbers, chunksize=1)


adopt(_reference, globals())  # the rest is the reference's
