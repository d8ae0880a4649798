"""A pool with a single worker process."""
# expect: one_at_a_time
from __future__ import annotations


def fib(n: int) -> int:
    if n == 1:
        return 0
    if n == 2:
        return 1
    return fib(n - 1) + fib(n - 2)


def fibs_sequential(numbers):
    return [fib(n) for n in numbers]


def fibs_parallel(numbers, workers=None):
    from multiprocessing import Pool

    with Pool(processes=1) as pool:
        return pool.map(fib, numbers)
