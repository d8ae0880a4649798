"""Right answer: a Process subclass that owns its Pipe and ships the exception object back.

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
from typing import Any, Generic, TypeVar

A = TypeVar("A")
R = TypeVar("R")

_NOTHING = object()


class _Worker(multiprocessing.Process, Generic[A, R]):
    """One call of ``target(arg)`` in a child; ``collect()`` brings back what it sent."""

    def __init__(self, target: Callable[[A], R], arg: A) -> None:
        super().__init__(daemon=False)
        self._call = target
        self._arg = arg
        self._receiver, self._sender = multiprocessing.Pipe(duplex=False)
        self.outcome: Any = _NOTHING
        self.failed = False

    def run(self) -> None:  # in the child
        self._receiver.close()
        try:
            value = self._call(self._arg)
        except Exception as exc:  # noqa: BLE001 - the exception object goes to the parent
            try:
                self._sender.send((True, exc))
            except Exception:  # noqa: BLE001 - not picklable: send its text instead
                self._sender.send((True, RuntimeError(f"{type(exc).__name__}: {exc}")))
        else:
            self._sender.send((False, value))
        self._sender.close()

    def start(self) -> None:
        super().start()
        self._sender.close()  # the parent keeps only the receiving end

    def collect(self) -> None:
        try:
            self.failed, self.outcome = self._receiver.recv()
        except EOFError:
            self.outcome = _NOTHING
        finally:
            self._receiver.close()


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
    workers: list[_Worker[A, R]] = [_Worker(target, arg) for arg in args]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.collect()
    for worker in workers:
        worker.join()
    for worker in workers:
        if worker.outcome is _NOTHING:
            raise ChildProcessError(
                f"child pid {worker.pid} sent nothing; its exitcode was {worker.exitcode}"
            )
        if worker.failed:
            raise worker.outcome  # the child's own exception, message and all
    return [worker.outcome for worker in workers]


def _whoami(label: str) -> str:
    return f"{label} ran in process {os.getpid()}"


if __name__ == "__main__":
    # Try it by hand: python exercises/ex02_processes/processes.py
    print(f"parent is {os.getpid()}, start method {multiprocessing.get_start_method()}")
    print(run_in_processes(_whoami, ["a", "b", "c"]))
