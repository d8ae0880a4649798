"""Raw processes, each joined before the next one starts."""
# expect: one_at_a_time
from __future__ import annotations

import multiprocessing

from solutions.ex03_fib_parallel import fib_parallel as _reference
from solutions.ex03_fib_parallel.fib_parallel import fib
from tests.support.variant import adopt


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


adopt(_reference, globals())  # the rest is the reference's
