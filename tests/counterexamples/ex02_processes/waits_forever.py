"""Waits on a queue for one result per child: a child that died silently hangs it."""
# expect: stalled, stuck, hang
from __future__ import annotations

import multiprocessing


def _child(target, arg, index, queue):
    try:
        queue.put((index, "ok", target(arg)))
    except Exception as exc:
        queue.put((index, "error", f"{type(exc).__name__}: {exc}"))


def run_in_processes(target, args):
    queue = multiprocessing.Queue()
    procs = [
        multiprocessing.Process(target=_child, args=(target, a, i, queue))
        for i, a in enumerate(args)
    ]
    for p in procs:
        p.start()
    outcomes = {}
    for _ in procs:
        index, kind, value = queue.get()
        outcomes[index] = (kind, value)
    for p in procs:
        p.join()
    for i in range(len(args)):
        if outcomes[i][0] == "error":
            raise RuntimeError(outcomes[i][1])
    return [outcomes[i][1] for i in range(len(args))]
