"""Right answer: one short-lived Process per number, never more than ``workers`` alive at once.

Exercise 03 — CPU-bound work and the GIL: threads give no speed-up, processes do.

``fib`` is deliberately slow: pure Python arithmetic, no waiting. In CPython the
Global Interpreter Lock lets only one thread of a process run Python bytecode at
a time, so splitting this work over threads does not make it faster. Separate
*processes* each have their own interpreter and their own GIL, and run on
different CPU cores at the same time.

Task 1: ``fibs_parallel`` — compute ``fib`` of every number in worker processes,
        results in input order.
Task 2: the workers really compute at the same time (``workers`` of them).
Task 3: it is faster than ``fibs_sequential`` on a machine with 2+ CPUs.

Check your work with ``nox -s check-ex03``.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from multiprocessing.process import BaseProcess
from multiprocessing.queues import Queue


def fib(n: int) -> int:
    """The n-th Fibonacci number, slowly: fib(1) == 0, fib(2) == 1 (given, complete)."""
    if n == 1:
        return 0
    if n == 2:
        return 1
    return fib(n - 1) + fib(n - 2)


def fibs_sequential(numbers: Sequence[int]) -> list[int]:
    """fib of every number, one after another in this process (given, complete)."""
    return [fib(n) for n in numbers]


def _one(index: int, n: int, done: Queue[tuple[int, int]]) -> None:
    """Runs in its own process: one number, then the process ends."""
    done.put((index, fib(n)))


def fibs_parallel(numbers: Sequence[int], workers: int | None = None) -> list[int]:
    """fib of every number, computed in worker processes; results in input order.

    ``workers`` is how many processes compute at once; ``None`` means as many as
    this process may use (``len(os.sched_getaffinity(0))`` where it exists,
    ``os.cpu_count()`` elsewhere).

    Any of ``multiprocessing.Pool``, ``concurrent.futures.ProcessPoolExecutor`` or
    raw ``multiprocessing.Process`` objects will do. Whatever you start, close it.
    """
    if workers is None:
        workers = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
            os.cpu_count() or 1
        )
    done: Queue[tuple[int, int]] = multiprocessing.Queue()
    results = [0] * len(numbers)
    alive: dict[int, BaseProcess] = {}  # index of its number -> process
    waiting = list(enumerate(numbers))
    try:
        for _ in numbers:
            # A new process for each number, while fewer than `workers` are alive...
            while waiting and len(alive) < workers:
                index, n = waiting.pop(0)
                alive[index] = multiprocessing.Process(target=_one, args=(index, n, done))
                alive[index].start()
            # ...then take any one result; its process is done: let it end first.
            index, value = done.get(timeout=600)
            results[index] = value
            alive.pop(index).join(timeout=5)
    finally:
        for proc in alive.values():
            proc.terminate()
            proc.join()
        done.close()
        done.join_thread()
    return results


if __name__ == "__main__":
    # The guard matters: spawn/forkserver workers import this module, and without it
    # each of them would run this block again.
    import time

    for name, func in (("sequential", fibs_sequential), ("parallel", fibs_parallel)):
        start = time.perf_counter()
        func([30, 30, 30, 30])
        print(f"{name:10} {time.perf_counter() - start:.2f} s")
