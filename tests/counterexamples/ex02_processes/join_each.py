"""Starts each process and joins it before starting the next one."""
# expect: not_concurrent
from __future__ import annotations

import multiprocessing


def _child(target, arg, conn):
    try:
        conn.send(("ok", target(arg)))
    except Exception as exc:
        conn.send(("error", str(exc)))
    conn.close()


def run_in_processes(target, args):
    results = []
    for arg in args:
        receiver, sender = multiprocessing.Pipe(duplex=False)
        p = multiprocessing.Process(target=_child, args=(target, arg, sender))
        p.start()
        sender.close()
        try:
            outcome = receiver.recv()
        except EOFError:
            outcome = None
        p.join()
        if outcome is None:
            raise ChildProcessError(f"exit code {p.exitcode}")
        if outcome[0] == "error":
            raise RuntimeError(outcome[1])
        results.append(outcome[1])
    return results
