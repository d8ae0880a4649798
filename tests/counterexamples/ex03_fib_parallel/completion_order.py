"""Results in completion order (imap_unordered)."""
# expect: wrong_results
from __future__ import annotations

import os
from multiprocessing import Pool

from solutions.ex03_fib_parallel import fib_parallel as _reference
from solutions.ex03_fib_parallel.fib_parallel import fib
from tests.support.variant import adopt


def fibs_parallel(numbers, workers=None):
    with Pool(processes=workers or os.cpu_count()) as pool:
        return list(pool.imap_unordered(fib, numbers))


adopt(_reference, globals())  # the rest is the reference's
