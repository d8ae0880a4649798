"""Right answer: one shared Queue of (index, ok, value), polled while children live.

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
import queue
from collections.abc import Callable, Sequence
from multiprocessing.queues import Queue
from typing import Any, TypeVar

A = TypeVar("A")
R = TypeVar("R")

POLL = 0.05  # seconds between looks at the children while waiting for results


def _child(target: Callable[[A], R], arg: A, index: int, outbox: Queue[Any]) -> None:
    """Runs in the child: report (index, True, result) or (index, False, message)."""
    try:
        outbox.put((index, True, target(arg)))
    except Exception as exc:  # noqa: BLE001 - every failure goes back to the parent
        outbox.put((index, False, f"{type(exc).__name__}: {exc}"))


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
    outbox: Queue[Any] = multiprocessing.Queue()
    children = [
        multiprocessing.Process(target=_child, args=(target, arg, index, outbox))
        for index, arg in enumerate(args)
    ]
    for child in children:
        child.start()

    # Read while any child may still send: a child cannot exit while its (large)
    # result is still waiting to go into the pipe.
    received: dict[int, tuple[bool, Any]] = {}
    while len(received) < len(children):
        try:
            index, ok, value = outbox.get(timeout=POLL)
        except queue.Empty:
            if not any(child.is_alive() for child in children):
                # Everyone has ended: what they sent is in the pipe already.
                while True:
                    try:
                        index, ok, value = outbox.get(timeout=POLL)
                    except queue.Empty:
                        break
                    received[index] = (ok, value)
                break
            continue
        received[index] = (ok, value)

    for child in children:
        child.join()
    outbox.close()
    outbox.join_thread()

    results: list[R] = []
    for index, child in enumerate(children):
        if index not in received:
            raise ChildProcessError(
                f"child {index} ended with exit code {child.exitcode} and sent no result"
            )
        ok, value = received[index]
        if not ok:
            raise RuntimeError(f"child {index} raised {value}")
        results.append(value)
    return results


def _whoami(label: str) -> str:
    return f"{label} ran in process {os.getpid()}"


if __name__ == "__main__":
    # Try it by hand: python exercises/ex02_processes/processes.py
    print(f"parent is {os.getpid()}, start method {multiprocessing.get_start_method()}")
    print(run_in_processes(_whoami, ["a", "b", "c"]))
