"""Exercise 02 — processes have their own memory and their own PID.

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
from typing import TypeVar

A = TypeVar("A")
R = TypeVar("R")


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
    # TODO (task 1): write a small module-level function that runs in the child:
    #       it calls target(arg) and sends back the result (or the error message).
    # TODO (task 1): create one Process per argument, start them all, and only then
    #       collect the results (read before you join: a child cannot exit while
    #       its data is still waiting in a full pipe).
    # TODO (task 2): a child that failed → raise with its message; a child that sent
    #       nothing → ChildProcessError with its exitcode. Join every child first.
    raise NotImplementedError("task 1: run_in_processes — see exercises/ex02_processes/README.md")


def _whoami(label: str) -> str:
    return f"{label} ran in process {os.getpid()}"


if __name__ == "__main__":
    # Try it by hand: python exercises/ex02_processes/processes.py
    print(f"parent is {os.getpid()}, start method {multiprocessing.get_start_method()}")
    print(run_in_processes(_whoami, ["a", "b", "c"]))
