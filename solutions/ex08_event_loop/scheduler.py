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

import heapq
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
        if not self._done:
            raise RuntimeError("the task has not finished yet")
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self) -> BaseException | None:
        """The exception the generator raised, or None if it returned normally."""
        if not self._done:
            raise RuntimeError("the task has not finished yet")
        return self._exception

    def _finish(self, result: Any = None, exception: BaseException | None = None) -> None:
        self._done = True
        self._result = result
        self._exception = exception


class Scheduler:
    """Runs generator tasks round-robin on one thread, with timers and I/O waits."""

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        idle: Callable[[float], None] = time.sleep,
    ) -> None:
        self.clock = clock  # what time is it (seconds)
        self.idle = idle  # wait this many seconds when there is nothing else to do
        self.ready: deque[Task] = deque()
        # Timers: a heap of (deadline, sequence number, task); the sequence number keeps
        # equal deadlines in the order they were set and avoids comparing tasks.
        self.timers: list[tuple[float, int, Task]] = []
        self._order = itertools.count()
        # Tasks waiting for sockets, per socket: {event flag: task}.
        self.waiting: dict[socket.socket, dict[int, Task]] = {}

    def spawn(self, gen: TaskGen) -> Task:
        """Register a generator as a new task (it first runs when run() gets to it)."""
        task = Task(gen)
        self.ready.append(task)
        return task

    def run(self) -> None:
        """Run until every task has finished."""
        with selectors.DefaultSelector() as selector:
            while self.ready or self.timers or self.waiting:
                if not self.ready:
                    self._wait(selector)
                # Round-robin: run each task that is ready *now* one step; tasks that
                # yield again go to the back of the queue, behind the others.
                for _ in range(len(self.ready)):
                    self._step(self.ready.popleft(), selector)

    def _step(self, task: Task, selector: selectors.BaseSelector) -> None:
        """Resume ``task`` until its next yield, and file it by what it asked for."""
        try:
            request = task.gen.send(None)
        except StopIteration as stop:
            task._finish(result=stop.value)
        except Exception as exc:  # one task's failure must not stop the others
            task._finish(exception=exc)
        else:
            self._file(task, request, selector)

    def _file(self, task: Task, request: Any, selector: selectors.BaseSelector) -> None:
        """Put a task that has just yielded ``request`` where it waits for it."""
        if request is None:
            self.ready.append(task)
        elif isinstance(request, Sleep):
            deadline = self.clock() + request.seconds
            heapq.heappush(self.timers, (deadline, next(self._order), task))
        elif isinstance(request, WaitIO):
            self._register(selector, request, task)
        else:
            task.gen.close()
            task._finish(exception=TypeError(f"a task yielded {request!r}, not a request"))

    def _register(self, selector: selectors.BaseSelector, request: WaitIO, task: Task) -> None:
        waiters = self.waiting.setdefault(request.sock, {})
        waiters[request.events] = task
        mask = 0
        for flag in waiters:
            mask |= flag
        if len(waiters) == 1:
            selector.register(request.sock, mask)
        else:
            selector.modify(request.sock, mask)

    def _wait(self, selector: selectors.BaseSelector) -> None:
        """Nothing is ready: wait for the next deadline or for a socket, without spinning."""
        timeout = None
        if self.timers:
            timeout = max(0.0, self.timers[0][0] - self.clock())
        if self.waiting:
            self._poll(selector, timeout)
        elif timeout is not None and timeout > 0:
            self.idle(timeout)
        self._wake_sleepers()

    def _poll(self, selector: selectors.BaseSelector, timeout: float | None) -> None:
        """Wait for sockets and for the next deadline at the same time, in the selector."""
        for key, events in selector.select(timeout):
            self._wake_io(selector, key.fileobj, events)  # type: ignore[arg-type]

    def _wake_sleepers(self) -> None:
        """Make ready every sleeper whose deadline has passed, earliest first."""
        now = self.clock()
        while self.timers and self.timers[0][0] <= now:
            _, _, task = heapq.heappop(self.timers)
            self.ready.append(task)

    def _wake_io(self, selector: selectors.BaseSelector, sock: socket.socket, events: int) -> None:
        waiters = self.waiting[sock]
        for flag in (selectors.EVENT_READ, selectors.EVENT_WRITE):
            if events & flag and flag in waiters:
                self.ready.append(waiters.pop(flag))
        if waiters:
            mask = 0
            for flag in waiters:
                mask |= flag
            selector.modify(sock, mask)
        else:
            selector.unregister(sock)
            del self.waiting[sock]
