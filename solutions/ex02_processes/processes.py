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


def _start(target: Callable[[A], R], arg: A) -> tuple[multiprocessing.Process, Connection]:
    """Start the child for one argument; return it and the end its outcome arrives on."""
    # One pipe per child: what arrives on it belongs to that argument, so the
    # results keep the input order whatever order the children finish in.
    receiver, sender = multiprocessing.Pipe(duplex=False)
    process = multiprocessing.Process(target=_child, args=(target, arg, sender))
    process.start()
    # Close our copy of the sending end: then a child that dies without sending
    # makes recv() raise EOFError instead of waiting forever.
    sender.close()
    return process, receiver


def _receive(receiver: Connection) -> tuple[str, Any] | None:
    """What the child sent, or None when it ended without sending anything."""
    try:
        outcome: tuple[str, Any] = receiver.recv()
    except EOFError:
        return None
    finally:
        receiver.close()
    return outcome


def _result(index: int, outcome: tuple[str, Any] | None, process: multiprocessing.Process) -> Any:
    """The result of args[index] from what its (joined) child sent, or the error to raise."""
    if outcome is None:
        raise ChildProcessError(
            f"the process for args[{index}] exited with code {process.exitcode} "
            "without sending a result"
        )
    kind, value = outcome
    if kind == "error":
        raise RuntimeError(f"the process for args[{index}] failed: {value}")
    return value


def run_in_processes(target: Callable[[A], R], args: Sequence[A]) -> list[R]:
    """Call ``target(arg)`` for every ``arg`` in a new process of its own, all at once."""
    started = [_start(target, arg) for arg in args]
    # All children are running now. Read before joining: a child whose result is
    # still in a full pipe cannot exit.
    outcomes = [_receive(receiver) for _, receiver in started]
    for process, _ in started:
        process.join()
    # Every child has ended: the first failure in input order is raised.
    return [_result(index, outcome, process)
            for index, (outcome, (process, _)) in enumerate(zip(outcomes, started, strict=True))]
