"""Threads: the GIL lets only one of them compute at a time."""
# expect: no_child_cpu
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


def fibs_parallel(numbers, workers=None):
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=workers or os.cpu_count()) as pool:
        return list(pool.map(fib, numbers))
