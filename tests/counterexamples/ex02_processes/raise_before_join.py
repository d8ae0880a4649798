"""Raises the first error as soon as it is read, leaving the other children running."""
# expect: raised_early
from __future__ import annotations

import multiprocessing


def _child(target, arg, conn):
    try:
        conn.send(("ok", target(arg)))
    except Exception as exc:
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
    conn.close()


def run_in_processes(target, args):
    procs, pipes = [], []
    for arg in args:
        receiver, sender = multiprocessing.Pipe(duplex=False)
        p = multiprocessing.Process(target=_child, args=(target, arg, sender))
        p.start()
        sender.close()
        procs.append(p)
        pipes.append(receiver)
    results = []
    for i, receiver in enumerate(pipes):
        try:
            kind, value = receiver.recv()
        except EOFError:
            procs[i].join()
            raise ChildProcessError(f"exit code {procs[i].exitcode}") from None
        if kind == "error":
            raise RuntimeError(value)
        results.append(value)
    for p in procs:
        p.join()
    return results
