"""Submits to a two-worker pool but waits for each result before the next submit."""
# expect: one_at_a_time
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

from concurrent.futures import ProcessPoolExecutor


def fibs_parallel(numbers, workers=None):
    with ProcessPoolExecutor(max_workers=workers or os.cpu_count()) as pool:
        return [pool.submit(fib, n).result() for n in numbers]
