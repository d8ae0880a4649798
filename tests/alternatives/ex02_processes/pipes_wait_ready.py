"""Right answer: one Pipe per child, read as they become ready with connection.wait().

Exercise 02 — processes have their own memory and their own PID.

A thread shares everything with the other threads of its process; a *process*
shares nothing: it has its own memory, its own interpreter and its own GIL.
To get a result back from a child process you must send it (a Queue or a Pipe).

Task 1: ``run_in_processes`` — one new process per argument, all running at once,
        results back in input order.
Task 2: the same function, when a child fails: re-raise its error, or say how it died.

Check your work with ``nox -s check-ex02``.

Remember the ``if __name__ == "__main__":`` guard when you try this in a script:
under the spawn and forkserver start methods each child imports your main module.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

A = TypeVar("A")
R = TypeVar("R")


def _run_and_send(target: Callable[[A], R], arg: A, conn: Connection) -> None:
    with conn:
        try:
            result = target(arg)
        except Exception as exc:  # noqa: BLE001 - the parent re-raises it
            conn.send(("error", repr(exc)))
        else:
            conn.send(("ok", result))


def run_in_processes(target: Callable[[A], R], args: Sequence[A]) -> list[R]:
    """Call ``target(arg)`` for every ``arg`` in a new process of its own, all at once.

    * one ``multiprocessing.Process`` per argument; all started before any is joined;
    * each child sends its result back (``multiprocessing.Queue`` or ``Pipe``);
      the results are returned in the order of ``args``;
    * if ``target`` raised in a child, raise an exception (after every child ended)
      whose message carries the child's error message;
    * if a child died without reporting (e.g. ``os._exit(3)``), raise
      ``ChildProcessError`` naming its exit code;
    * every child is joined: none is left alive.

    ``target`` must be a module-level function (it is pickled to reach the child).
    """
    readers: dict[Connection, int] = {}
    procs: list[multiprocessing.Process] = []
    for index, arg in enumerate(args):
        reader, writer = multiprocessing.Pipe(duplex=False)
        proc = multiprocessing.Process(target=_run_and_send, args=(target, arg, writer))
        procs.append(proc)
        readers[reader] = index
        proc.start()
        writer.close()  # only the child holds the writing end now: EOF when it dies

    outcomes: list[tuple[str, Any] | None] = [None] * len(procs)
    pending = list(readers)
    while pending:
        for ready in wait(pending):
            assert isinstance(ready, Connection)
            try:
                outcomes[readers[ready]] = ready.recv()
            except EOFError:
                pass  # died without sending: outcome stays None
            ready.close()
            pending.remove(ready)

    for proc in procs:
        proc.join()

    results: list[R] = []
    for proc, outcome in zip(procs, outcomes, strict=True):
        if outcome is None:
            raise ChildProcessError(f"{proc.name} died with exit code {proc.exitcode}")
        kind, value = outcome
        if kind == "error":
            raise RuntimeError(f"{proc.name} failed: {value}")
        results.append(value)
    return results


def _whoami(label: str) -> str:
    return f"{label} ran in process {os.getpid()}"


if __name__ == "__main__":
    # Try it by hand: python exercises/ex02_processes/processes.py
    print(f"parent is {os.getpid()}, start method {multiprocessing.get_start_method()}")
    print(run_in_processes(_whoami, ["a", "b", "c"]))
