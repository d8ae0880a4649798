"""Computes everything in the calling process."""
# expect: no_child_cpu
from __future__ import annotations

from solutions.ex03_fib_parallel import fib_parallel as _reference
from solutions.ex03_fib_parallel.fib_parallel import fibs_sequential
from tests.support.variant import adopt


def fibs_parallel(numbers, workers=None):
    return fibs_sequential(numbers)


adopt(_reference, globals())  # the rest is the reference's
