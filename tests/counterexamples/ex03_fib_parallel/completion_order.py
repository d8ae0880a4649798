"""Results in completion order (imap_unordered)."""
# expect: wrong_results
from __future__ import annotations

import os


def fib(n: int) -> int:
    if n == 1:
        return 0
    if n == 2:
        return 1
    return fib(n - 1) + fib(n - 2)


def fibs_sequential(numbers):
    return [fib(n) for n in numbers]

from multiprocessing import Pool


def fibs_parallel(numbers, workers=None):
    with Pool(processes=workers or os.cpu_count()) as pool:
        return list(pool.imap_unordered(fib, numbers))
