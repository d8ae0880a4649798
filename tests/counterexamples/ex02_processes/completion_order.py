"""Collects results from one queue in the order the children finish."""
# expect: wrong_results
from __future__ import annotations

import multiprocessing


def _child(target, arg, queue):
    try:
        queue.put(("ok", target(arg)))
    except Exception as exc:
        queue.put(("error", str(exc)))


def run_in_processes(target, args):
    queue = multiprocessing.Queue()
    procs = [multiprocessing.Process(target=_child, args=(target, a, queue)) for a in args]
    for p in procs:
        p.start()
    outcomes = [queue.get(timeout=30) for _ in procs]
    for p in procs:
        p.join()
    queue.close()
    queue.join_thread()
    for kind, value in outcomes:
        if kind == "error":
            raise RuntimeError(value)
    return [value for _, value in outcomes]
