"""Raw processes, each joined before the next one starts."""
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

import multiprocessing


def _work(n, conn):
    conn.send(fib(n))
    conn.close()


def fibs_parallel(numbers, workers=None):
    results = []
    for n in numbers:
        receiver, sender = multiprocessing.Pipe(duplex=False)
        p = multiprocessing.Process(target=_work, args=(n, sender))
        p.start()
        sender.close()
        results.append(receiver.recv())
        p.join()
    return results
