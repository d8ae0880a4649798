"""Right answer: timers in a bisect-sorted list, one waiter per socket, one task per loop pass.

Exercise 08 — build a tiny event loop out of generators.

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

import bisect
import itertools
import selectors
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
    return Sleep(seconds)


def wait_readable(sock: socket.socket) -> WaitIO:
    """The request a task yields to wait until ``sock`` can be read without blocking."""
    return WaitIO(sock, selectors.EVENT_READ)


def wait_writable(sock: socket.socket) -> WaitIO:
    """The request a task yields to wait until ``sock`` can be written without blocking."""
    return WaitIO(sock, selectors.EVENT_WRITE)


class Task:
    """A spawned generator and, once it has finished, its result or its exception."""

    def __init__(self, gen: TaskGen) -> None:
        self.gen = gen
        self._done = False
        self._result: Any = None
        self._exception: BaseException | None = None

    def done(self) -> bool:
        """True once the generator has returned or raised."""
        return self._done

    def result(self) -> Any:
        """The generator's return value; re-raises its exception if it failed."""
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self) -> BaseException | None:
        """The exception the generator raised, or None if it returned normally."""
        return self._exception


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
        self.sleeping: list[tuple[float, int, Task]] = []  # kept sorted with bisect
        self.counter = itertools.count()
        self.selector = selectors.DefaultSelector()

    def spawn(self, gen: TaskGen) -> Task:
        """Register a generator as a new task (it first runs when run() gets to it)."""
        task = Task(gen)
        self.ready.append(task)
        return task

    def run(self) -> None:
        """Run until every task has finished."""
        try:
            while self.ready or self.sleeping or self.selector.get_map():
                if not self.ready:
                    self._wait_for_something()
                    continue
                task = self.ready.popleft()
                self._resume(task)
        finally:
            self.selector.close()

    def _resume(self, task: Task) -> None:
        try:
            request = task.gen.send(None)
        except StopIteration as stop:
            task._result = stop.value
            task._done = True
            return
        except Exception as exc:
            task._exception = exc
            task._done = True
            return
        if request is None:
            self.ready.append(task)
        elif isinstance(request, Sleep):
            entry = (self.clock() + request.seconds, next(self.counter), task)
            bisect.insort(self.sleeping, entry)
        elif isinstance(request, WaitIO):
            self.selector.register(request.sock, request.events, task)
        else:
            task._exception = TypeError(f"unknown request {request!r}")
            task._done = True
            task.gen.close()

    def _wait_for_something(self) -> None:
        timeout: float | None = None
        if self.sleeping:
            timeout = max(0.0, self.sleeping[0][0] - self.clock())
        if self.selector.get_map():
            for key, _ in self.selector.select(timeout):
                self.selector.unregister(key.fileobj)
                self.ready.append(key.data)
        elif timeout:
            self.idle(timeout)
        now = self.clock()
        due = bisect.bisect_right(self.sleeping, now, key=lambda entry: entry[0])
        for _, _, task in self.sleeping[:due]:
            self.ready.append(task)
        del self.sleeping[:due]
