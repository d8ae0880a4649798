"""Right answer: raw Process workers that pull (index, n) from a task Queue until a sentinel.

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


def _worker(tasks: Queue[tuple[int, int] | None], done: Queue[tuple[int, int]]) -> None:
    """Runs in a worker process: compute until the sentinel ``None`` arrives."""
    while (task := tasks.get()) is not None:
        index, n = task
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
    count = min(workers, len(numbers))
    tasks: Queue[tuple[int, int] | None] = multiprocessing.Queue()
    done: Queue[tuple[int, int]] = multiprocessing.Queue()
    for item in enumerate(numbers):
        tasks.put(item)
    for _ in range(count):
        tasks.put(None)  # one stop sign per worker
    procs = [multiprocessing.Process(target=_worker, args=(tasks, done)) for _ in range(count)]
    for proc in procs:
        proc.start()
    results = [0] * len(numbers)
    try:
        for _ in numbers:
            index, value = done.get(timeout=600)
            results[index] = value
    finally:
        for proc in procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.terminate()
                proc.join()
        for q in (tasks, done):
            q.close()
            q.join_thread()
    return results


if __name__ == "__main__":
    # The guard matters: spawn/forkserver workers import this module, and without it
    # each of them would run this block again.
    import time

    for name, func in (("sequential", fibs_sequential), ("parallel", fibs_parallel)):
        start = time.perf_counter()
        func([30, 30, 30, 30])
        print(f"{name:10} {time.perf_counter() - start:.2f} s")
