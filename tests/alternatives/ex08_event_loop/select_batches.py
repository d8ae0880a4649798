"""Right answer: asyncio-style pass (poll sockets with select.select, wake timers, run a batch).

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

import heapq
import itertools
import select
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
        self.timers: list[tuple[float, int, Task]] = []
        self.seq = itertools.count()
        self.readers: dict[socket.socket, Task] = {}
        self.writers: dict[socket.socket, Task] = {}

    def spawn(self, gen: TaskGen) -> Task:
        """Register a generator as a new task (it first runs when run() gets to it)."""
        task = Task(gen)
        self.ready.append(task)
        return task

    def run(self) -> None:
        """Run until every task has finished."""
        while self.ready or self.timers or self.readers or self.writers:
            self._run_once()

    def _run_once(self) -> None:
        # 1. how long may we wait? Not at all if something is ready.
        timeout: float | None
        if self.ready:
            timeout = 0.0
        elif self.timers:
            timeout = max(0.0, self.timers[0][0] - self.clock())
        else:
            timeout = None
        # 2. wait: for sockets in select(), otherwise with idle()
        if self.readers or self.writers:
            r, w, _ = select.select(list(self.readers), list(self.writers), [], timeout)
            for sock in r:
                self.ready.append(self.readers.pop(sock))
            for sock in w:
                self.ready.append(self.writers.pop(sock))
        elif timeout:
            self.idle(timeout)
        # 3. timers that are due
        if self.timers:
            now = self.clock()
            while self.timers and self.timers[0][0] <= now:
                self.ready.append(heapq.heappop(self.timers)[2])
        # 4. one step of every task that is ready now
        for _ in range(len(self.ready)):
            self._step(self.ready.popleft())

    def _step(self, task: Task) -> None:
        try:
            request = task.gen.send(None)
        except StopIteration as stop:
            task._done, task._result = True, stop.value
        except Exception as exc:
            task._done, task._exception = True, exc
        else:
            match request:
                case None:
                    self.ready.append(task)
                case Sleep(seconds=seconds):
                    deadline = self.clock() + seconds
                    heapq.heappush(self.timers, (deadline, next(self.seq), task))
                case WaitIO(sock=sock, events=selectors.EVENT_READ):
                    self.readers[sock] = task
                case WaitIO(sock=sock, events=selectors.EVENT_WRITE):
                    self.writers[sock] = task
                case _:
                    task.gen.close()
                    task._done = True
                    task._exception = TypeError(f"unknown request: {request!r}")
