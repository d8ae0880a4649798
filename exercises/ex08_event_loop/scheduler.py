"""Exercise 08 — build a tiny event loop out of generators.

A generator stops at every ``yield`` and resumes when someone calls
``send()`` on it: that is cooperative multitasking.  Each task is a generator
that ``yield``s a *request* when it has to wait — for nothing (a bare
``yield``: "let the others run"), for time (``yield sleep(2)``), or for a
socket (``yield wait_readable(sock)``).  The scheduler keeps

* a ready queue (``collections.deque``) of tasks that can run now,
* timers: sleeping tasks, woken in deadline order,
* a selector (ex06/ex07) for tasks waiting on sockets,

and when nothing can run it waits — idling until the next deadline, or in
``select()`` — instead of spinning.  asyncio's event loop is this, grown up.

Task 1: ``Task`` and ``Scheduler.spawn`` / ``Scheduler.run`` — round-robin.
Task 2: ``sleep`` — timers and idling until the next deadline.
Task 3: ``wait_readable`` / ``wait_writable`` — I/O readiness through a selector.

Check your work with ``nox -s check-ex08``.
"""

from __future__ import annotations

import heapq  # noqa: F401  (timers: heapq.heappush / heappop)
import itertools  # noqa: F401  (itertools.count(): tie-breaks between equal deadlines)
import selectors  # noqa: F401  (selectors.DefaultSelector, EVENT_READ...)
import socket
import time
from collections import deque
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any

#: What a task is: a generator that yields requests (or None) and returns its result.
TaskGen = Generator[Any, None, Any]


@dataclass(frozen=True)
class Sleep:
    """Request: wake me up in ``seconds``."""

    seconds: float


@dataclass(frozen=True)
class WaitIO:
    """Request: wake me up when ``sock`` is ready (``events``: a selectors.EVENT_* flag)."""

    sock: socket.socket
    events: int


def sleep(seconds: float) -> Sleep:
    """The request a task yields to sleep: ``yield sleep(1.5)``."""
    # TODO: return the request object (Sleep above, or your own); run() must recognise it.
    raise NotImplementedError("task 2: sleep — see exercises/ex08_event_loop/README.md")


def wait_readable(sock: socket.socket) -> WaitIO:
    """The request a task yields to wait until ``sock`` can be read without blocking."""
    # TODO: return WaitIO(sock, selectors.EVENT_READ) (or your own request object).
    raise NotImplementedError("task 3: wait_readable — see exercises/ex08_event_loop/README.md")


def wait_writable(sock: socket.socket) -> WaitIO:
    """The request a task yields to wait until ``sock`` can be written without blocking."""
    # TODO: return WaitIO(sock, selectors.EVENT_WRITE) (or your own request object).
    raise NotImplementedError("task 3: wait_writable — see exercises/ex08_event_loop/README.md")


class Task:
    """A spawned generator and, once it has finished, its result or its exception."""

    def __init__(self, gen: TaskGen) -> None:
        self.gen = gen
        self._done = False
        self._result: Any = None
        self._exception: BaseException | None = None

    def done(self) -> bool:
        """True once the generator has returned or raised."""
        # TODO: report whether the scheduler has seen the generator finish.
        raise NotImplementedError("task 1: Task.done — see exercises/ex08_event_loop/README.md")

    def result(self) -> Any:
        """The generator's return value; re-raises its exception if it failed."""
        # TODO: like asyncio: raise the stored exception if there is one, else return the
        #       value (a finished generator's return value is StopIteration.value).
        raise NotImplementedError("task 1: Task.result — see exercises/ex08_event_loop/README.md")

    def exception(self) -> BaseException | None:
        """The exception the generator raised, or None if it returned normally."""
        # TODO: return the stored exception (None when the generator returned normally).
        raise NotImplementedError(
            "task 1: Task.exception — see exercises/ex08_event_loop/README.md"
        )


class Scheduler:
    """Runs generator tasks round-robin on one thread, with timers and I/O waits."""

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        idle: Callable[[float], None] = time.sleep,
    ) -> None:
        self.clock = clock  # what time is it (seconds): always ask self.clock(), never time.*
        self.idle = idle  # wait this many seconds when there is nothing else to do
        self.ready: deque[Task] = deque()
        # TODO (task 2): somewhere to keep sleeping tasks with their deadlines
        #       (a heap of (deadline, counter, task) keeps the earliest first).
        # TODO (task 3): somewhere to remember which task waits for which socket.

    def spawn(self, gen: TaskGen) -> Task:
        """Register a generator as a new task (it first runs when run() gets to it)."""
        # TODO: wrap the generator in a Task, put it on the ready queue, return the Task.
        raise NotImplementedError("task 1: spawn — see exercises/ex08_event_loop/README.md")

    def run(self) -> None:
        """Run until every task has finished."""
        # TODO (task 1): while there are tasks: take each ready task in turn and resume it
        #       with gen.send(None) until its next yield. A bare yield (None) puts it at the
        #       back of the ready queue. StopIteration means it returned (keep the value);
        #       any other exception means it failed (keep the exception, go on with others).
        # TODO (task 2): a yielded sleep request files the task under clock() + seconds.
        #       When no task is ready, call self.idle(seconds until the earliest deadline)
        #       ONCE (never spin on the clock), then move every due task to the ready queue.
        # TODO (task 3): a yielded wait request registers the socket with a selector;
        #       when no task is ready, selector.select(timeout until the next deadline)
        #       tells which sockets are ready: unregister them and make their tasks ready.
        raise NotImplementedError("task 1: run — see exercises/ex08_event_loop/README.md")
