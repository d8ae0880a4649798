"""Computes everything in the calling process."""
# expect: no_child_cpu
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
    return fibs_sequential(numbers)
