"""Uses threads instead of processes: same PID, shared memory."""
# expect: ran_in_parent
from __future__ import annotations

import threading


def run_in_processes(target, args):
    results = [None] * len(args)
    errors = [None] * len(args)

    def run(i):
        try:
            results[i] = target(args[i])
        except Exception as exc:
            errors[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(args))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for e in errors:
        if e is not None:
            raise RuntimeError(str(e))
    return results
