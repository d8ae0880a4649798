"""Exercise 02 — processes have their own memory and their own PID (reference solution)."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any, TypeVar

A = TypeVar("A")
R = TypeVar("R")


def _child(target: Callable[[A], R], arg: A, channel: Connection) -> None:
    """Runs in the child: call target and send back ("ok", result) or ("error", message)."""
    try:
        outcome: tuple[str, Any] = ("ok", target(arg))
    except BaseException as exc:  # sent to the parent, which re-raises it
        outcome = ("error", f"{type(exc).__name__}: {exc}")
    channel.send(outcome)
    channel.close()


def run_in_processes(target: Callable[[A], R], args: Sequence[A]) -> list[R]:
    """Call ``target(arg)`` for every ``arg`` in a new process of its own, all at once."""
    processes = []
    channels = []
    for arg in args:
        # One pipe per child: what arrives on it belongs to that argument, so the
        # results keep the input order whatever order the children finish in.
        receiver, sender = multiprocessing.Pipe(duplex=False)
        process = multiprocessing.Process(target=_child, args=(target, arg, sender))
        process.start()
        # Close our copy of the sending end: then a child that dies without sending
        # makes recv() raise EOFError instead of waiting forever.
        sender.close()
        processes.append(process)
        channels.append(receiver)

    # All children are running now. Read before joining: a child whose result is
    # still in a full pipe cannot exit.
    outcomes: list[tuple[str, Any] | None] = []
    for receiver in channels:
        try:
            outcomes.append(receiver.recv())
        except EOFError:
            outcomes.append(None)
        finally:
            receiver.close()
    for process in processes:
        process.join()

    results = []
    for index, (outcome, process) in enumerate(zip(outcomes, processes, strict=True)):
        if outcome is None:
            raise ChildProcessError(
                f"the process for args[{index}] exited with code {process.exitcode} "
                "without sending a result"
            )
        kind, value = outcome
        if kind == "error":
            raise RuntimeError(f"the process for args[{index}] failed: {value}")
        results.append(value)
    return results
