"""Exercise 08: a tiny event loop built from generators.

Evidence: an injected fake clock and idle function (virtual time: sleeping
costs nothing, every wake-up time is exact, and the number of clock reads and
idle calls shows a scheduler that spins instead of waiting, or that reads
another clock), the exact order in which tasks ran, and socket pairs that only
work if the scheduler waits on a selector.  Every run() is bounded: one that
never returns fails with a message, at once when its thread sleeps with nothing
due to wake it (tests/support/stall.py).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Generator
from typing import Any

import pytest
from ex08_event_loop import scheduler as mod

from tests.support.lesson import Lesson
from tests.support.stall import StallWatch
from tests.support.timing import call_watching, scaled

from .messages import MSG

round_robin = pytest.mark.task(1, "Task, spawn and run")
timers = pytest.mark.task(2, "sleep")
io = pytest.mark.task(3, "wait_readable and wait_writable")

DEADLINE = 5.0  # seconds (scaled) before run() counts as hung
# Seconds (scaled) that run()'s thread may sleep with nothing waking it before it counts
# as stuck: three times the longest real sleep a task takes here (0.1 s).
STILL = 0.3
READ_LIMIT = 1000  # clock reads before the fake clock starts creeping (a spinning loop)
IDLE_LIMIT = 200  # idle calls before the fake clock starts creeping


class ClockUnused(BaseException):
    """Raised by FakeTime.idle to stop a scheduler that idles on without reading the clock.

    A BaseException, so that a scheduler's ``except Exception`` does not swallow it.
    """

    def __init__(self, idles: int) -> None:
        super().__init__(f"idle() called {idles} times, the clock never read")
        self.idles = idles


class FakeTime:
    """A clock that only moves when the scheduler idles; it counts how it is used.

    A scheduler that spins (reads the clock over and over, or idles for 0 s)
    would never get anywhere on this clock; after READ_LIMIT reads or
    IDLE_LIMIT idle calls the clock starts creeping forward so that such a
    scheduler still ends and can be told what it did. One that idles on and on
    without ever reading this clock (it reads another one) cannot be helped by
    it: it is stopped with ClockUnused.
    """

    def __init__(self) -> None:
        self.now = 0.0
        self.reads = 0
        self.idles: list[float] = []

    def clock(self) -> float:
        self.reads += 1
        if self.reads > READ_LIMIT:
            self.now += 0.01
        return self.now

    def idle(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")  # as time.sleep says
        self.idles.append(seconds)
        self.now += seconds
        if len(self.idles) > IDLE_LIMIT and self.reads == 0:
            raise ClockUnused(len(self.idles))
        if len(self.idles) > IDLE_LIMIT:
            self.now += 0.01
            time.sleep(0.001)

    def spun(self) -> bool:
        return self.reads > READ_LIMIT or len(self.idles) > IDLE_LIMIT

    def check_not_spinning(self, call: str, expected_idles: int) -> None:
        # idle(0) for a sleeper already due (one call each, say) wastes a call but does not
        # spin: idling on with 0 s would never end on this clock, and spun() says so.
        zero = sum(1 for s in self.idles if s <= 0)
        waits = len(self.idles) - zero
        if self.spun() or waits > 2 * expected_idles:
            if self.reads == 0:  # it idled on, blind to this clock: it reads another one
                MSG.fail("clock_unused", call=call, idles=len(self.idles))
            MSG.fail("busy_wait", call=call, reads=self.reads, idles=len(self.idles),
                     zero=zero, want=expected_idles)


def run(sched: Any, call: str = "Scheduler.run()", seconds: float = DEADLINE) -> None:
    try:
        call_watching(sched.run, seconds=seconds, call=call, watch=StallWatch(STILL))
    except Lesson:
        raise
    except NotImplementedError:
        raise
    except ClockUnused as exc:
        MSG.fail("clock_unused", call=call, idles=exc.idles)
    except Exception as exc:
        MSG.fail(escaped_key(exc), call=call, error=repr(exc))


def escaped_key(exc: Exception) -> str:
    """The message for an exception that came out of run(): whose mistake was it?

    A task's own exceptions are caught around gen.send(); these come from the
    scheduler's own bookkeeping: a timer heap comparing Tasks on equal deadlines, or
    a selector asked to register a socket twice (or to forget one it does not know).
    """
    text = str(exc)
    if isinstance(exc, TypeError) and "not supported between instances" in text:
        return "timers_compare_tasks"
    if isinstance(exc, KeyError | ValueError) and (
            "registered" in text or any(isinstance(a, socket.socket) for a in exc.args)):
        return "selector_bookkeeping"
    return "exception_escaped"


def surface(*tasks: Any) -> None:
    """A task that failed because a stub function is missing: report that first."""
    for task in tasks:
        exc = task.exception() if task.done() else None
        if isinstance(exc, NotImplementedError):
            raise exc


def sequential_order(steps: dict[str, int]) -> list[str]:
    return [f"{name}{i}" for name, n in steps.items() for i in range(n)]


# -- task 1 -----------------------------------------------------------------------------------
@round_robin
def test_ready_tasks_take_turns() -> None:
    """three tasks with bare yields run round-robin, in this exact order"""
    log: list[str] = []

    def worker(name: str, steps: int) -> Generator[None, None, str]:
        for i in range(steps):
            log.append(f"{name}{i}")
            yield
        return name.upper()

    steps = {"a": 3, "b": 2, "c": 1}
    fake = FakeTime()
    sched = mod.Scheduler(clock=fake.clock, idle=fake.idle)
    tasks = [sched.spawn(worker(name, n)) for name, n in steps.items()]
    run(sched)
    want = ["a0", "b0", "c0", "a1", "b1", "a2"]
    if log == sequential_order(steps):
        MSG.fail("ran_to_completion", got=log, want=want)
    MSG.check(log == want, "wrong_interleaving", got=log, want=want)
    got = [t.result() for t in tasks]
    MSG.check(got == ["A", "B", "C"], "wrong_result", got=got, want=["A", "B", "C"])


@round_robin
def test_tasks_report_done_result_and_exception() -> None:
    """Task.done(), result() and exception() before and after run()"""

    def answer() -> Generator[None, None, int]:
        yield
        yield
        return 42

    sched = mod.Scheduler()
    task = sched.spawn(answer())
    MSG.check(not task.done(), "done_early", got=task.done())
    run(sched)
    MSG.check(task.done(), "not_done", got=task.done())
    MSG.check(task.exception() is None, "wrong_exception", got=task.exception(), want=None)
    MSG.check(task.result() == 42, "wrong_result", got=task.result(), want=42)


@round_robin
def test_a_failing_task_does_not_stop_the_others() -> None:
    """one task raises: run() carries on, result() re-raises, exception() returns it"""
    log: list[str] = []
    boom = ValueError("boom")

    def steady(name: str) -> Generator[None, None, str]:
        for i in range(3):
            log.append(f"{name}{i}")
            yield
        return name

    def failing() -> Generator[None, None, str]:
        log.append("bad0")
        yield
        raise boom

    sched = mod.Scheduler()
    first = sched.spawn(steady("a"))
    bad = sched.spawn(failing())
    last = sched.spawn(steady("b"))
    run(sched)
    want = ["a0", "bad0", "b0", "a1", "b1", "a2", "b2"]
    if log == ["a0", "a1", "a2", "bad0", "b0", "b1", "b2"]:
        MSG.fail("ran_to_completion", got=log, want=want)
    MSG.check(log == want, "wrong_interleaving", got=log, want=want)
    MSG.check(bad.done(), "not_done", got=bad.done())
    got_exc = bad.exception()
    MSG.check(got_exc is boom, "wrong_exception", got=got_exc, want=boom)
    try:
        value = bad.result()
    except ValueError as exc:
        MSG.check(exc is boom, "wrong_exception", got=exc, want=boom)
    else:
        MSG.fail("result_not_raising", got=value, want=boom)
    got = [first.result(), last.result()]
    MSG.check(got == ["a", "b"], "wrong_result", got=got, want=["a", "b"])


@round_robin
def test_spawn_only_queues_the_task() -> None:
    """spawn() does not start the generator: its first step runs inside run()"""
    log: list[str] = []

    def worker(name: str) -> Generator[None, None, None]:
        log.append(f"{name} started")
        yield
        log.append(f"{name} resumed")

    sched = mod.Scheduler()
    tasks = [sched.spawn(worker(name)) for name in "ab"]
    MSG.check(log == [], "spawn_ran_task", got=list(log))
    run(sched)
    surface(*tasks)
    want = ["a started", "b started", "a resumed", "b resumed"]
    MSG.check(log == want, "wrong_interleaving", got=log, want=want)


# -- task 2 -----------------------------------------------------------------------------------
@timers
def test_sleepers_all_finish_by_the_longest_sleep() -> None:
    """tasks sleeping 3, 1 and 2 s wake at 1, 2 and 3 s; all done at virtual time 3"""
    fake = FakeTime()
    woke: dict[float, float] = {}

    def sleeper(seconds: float) -> Generator[Any, None, float]:
        yield mod.sleep(seconds)
        woke[seconds] = fake.now
        return seconds

    sched = mod.Scheduler(clock=fake.clock, idle=fake.idle)
    tasks = [sched.spawn(sleeper(s)) for s in (3, 1, 2)]
    run(sched)
    surface(*tasks)
    fake.check_not_spinning("sleeps of 3, 1 and 2 s", expected_idles=3)
    if fake.now > 3 + 1e-9:
        key = "sleep_sequential" if fake.now >= 6 - 1e-9 else "timer_order"
        MSG.fail(key, total=fake.now, want=3.0, woke=woke)
    MSG.check(woke == {1: 1.0, 2: 2.0, 3: 3.0}, "timer_order", total=fake.now, want=3.0,
              woke=woke)
    got = [t.result() for t in tasks]
    MSG.check(got == [3, 1, 2], "wrong_result", got=got, want=[3, 1, 2])


@timers
def test_equal_deadlines_wake_together() -> None:
    """three tasks that sleep 1 s at the same moments (equal deadlines) all wake on time"""
    fake = FakeTime()
    log: list[tuple[str, float]] = []

    def sleeper(name: str) -> Generator[Any, None, str]:
        for _ in range(2):
            yield mod.sleep(1)
            log.append((name, fake.now))
        return name

    sched = mod.Scheduler(clock=fake.clock, idle=fake.idle)
    tasks = [sched.spawn(sleeper(name)) for name in "abc"]
    run(sched, call="Scheduler.run() (three tasks sleeping 1 s, twice, side by side)")
    surface(*tasks)
    if not fake.spun() and fake.now > 2 + 1e-9:
        MSG.fail("sleep_sequential", total=fake.now, want=2.0, woke=log)
    fake.check_not_spinning("three tasks sleeping 1 s, twice, side by side", expected_idles=2)
    # Equal deadlines may wake in any order; each sleeper wakes at 1 s, then at 2 s.
    want = [(name, at) for at in (1.0, 2.0) for name in "abc"]
    MSG.check(sorted(log, key=lambda e: (e[1], e[0])) == want, "wrong_timeline", got=log,
              want=want)
    got = [t.result() for t in tasks]
    MSG.check(got == ["a", "b", "c"], "wrong_result", got=got, want=["a", "b", "c"])


@timers
def test_timers_and_ready_tasks_interleave_by_deadline() -> None:
    """two tickers (every 1 s and every 0.75 s) log in exact deadline order"""
    fake = FakeTime()
    log: list[tuple[str, float]] = []

    def ticker(name: str, pause: float) -> Generator[Any, None, None]:
        for _ in range(3):
            log.append((name, fake.now))
            yield mod.sleep(pause)

    sched = mod.Scheduler(clock=fake.clock, idle=fake.idle)
    tasks = [sched.spawn(ticker("a", 1.0)), sched.spawn(ticker("b", 0.75))]
    run(sched)
    surface(*tasks)
    fake.check_not_spinning("two tickers", expected_idles=6)
    want = [("a", 0.0), ("b", 0.0), ("b", 0.75), ("a", 1.0), ("b", 1.5), ("a", 2.0)]
    if fake.now >= 5.25 - 1e-9:
        MSG.fail("sleep_sequential", total=fake.now, want=3.0, woke=log)
    MSG.check(log == want, "wrong_timeline", got=log, want=want)
    MSG.check(abs(fake.now - 3.0) < 1e-9, "timer_order", total=fake.now, want=3.0, woke=log)


@timers
def test_a_sleeper_does_not_hold_up_ready_tasks() -> None:
    """while one task sleeps 1 s, another task's steps all run at time 0"""
    fake = FakeTime()
    log: list[tuple[str, float]] = []

    def sleepy() -> Generator[Any, None, None]:
        yield mod.sleep(1)
        log.append(("sleepy", fake.now))

    def busy() -> Generator[None, None, None]:
        for i in range(3):
            log.append((f"busy{i}", fake.now))
            yield

    sched = mod.Scheduler(clock=fake.clock, idle=fake.idle)
    tasks = [sched.spawn(sleepy()), sched.spawn(busy())]
    run(sched)
    surface(*tasks)
    fake.check_not_spinning("one sleeper and one busy task", expected_idles=1)
    want = [("busy0", 0.0), ("busy1", 0.0), ("busy2", 0.0), ("sleepy", 1.0)]
    if fake.now > 1 + 1e-9 or log != want:
        if any(name.startswith("busy") and at > 0 for name, at in log):
            MSG.fail("sleep_blocks_others", got=log, want=want)
        MSG.check(log == want, "wrong_timeline", got=log, want=want)


# -- task 3 -----------------------------------------------------------------------------------
Gen = Generator[Any, None, Any]


def counting(func: Callable[..., Any], box: list[int]) -> Callable[..., Any]:
    def wrapper(*args: Any) -> Any:
        box[0] += 1
        return func(*args)

    return wrapper


@io
def test_socket_pair_ping_pong_through_the_selector() -> None:
    """a client and a server task talk over a socket pair while the server also sleeps"""
    left, right = socket.socketpair()
    reads, idles = [0], [0]
    try:
        left.setblocking(False)
        right.setblocking(False)

        def client() -> Gen:
            yield mod.wait_writable(left)
            left.send(b"ping")
            yield mod.wait_readable(left)  # the server sleeps meanwhile: select, do not spin
            return left.recv(100)

        def server() -> Gen:
            yield mod.wait_readable(right)
            data = right.recv(100)
            yield mod.sleep(0.1)
            yield mod.wait_writable(right)
            right.send(data.upper())
            return data

        sched = mod.Scheduler(clock=counting(time.monotonic, reads),
                              idle=counting(time.sleep, idles))
        tasks = [sched.spawn(client()), sched.spawn(server())]
        try:
            run(sched)
        except Lesson as lesson:
            if lesson.key not in ("hang", "stalled"):
                raise
            surface(*tasks)
            if lesson.key == "stalled":
                MSG.fail("io_stalled", seconds=lesson.fields["seconds"],
                         still=lesson.fields["still"])
            MSG.fail("io_hang", seconds=DEADLINE)
        surface(*tasks)
        for task in tasks:
            if task.exception() is not None:
                MSG.fail("io_task_failed", error=repr(task.exception()))
        got = [t.result() for t in tasks]
        MSG.check(got == [b"PING", b"ping"], "echo_failed", got=got, want=[b"PING", b"ping"])
        MSG.check(reads[0] <= 200 and idles[0] <= 50, "io_busy_wait", reads=reads[0],
                  idles=idles[0])
    finally:
        left.close()
        right.close()


@io
def test_a_ready_socket_does_not_wait_for_a_timer() -> None:
    """a task waiting for a socket that is already readable runs before a later timer"""
    fake = FakeTime()
    left, right = socket.socketpair()
    log: list[tuple[str, float]] = []
    try:
        right.setblocking(False)
        left.send(b"ready")

        def reader() -> Gen:
            yield mod.wait_readable(right)
            log.append(("reader", fake.now))
            return right.recv(100)

        def late() -> Gen:
            yield mod.sleep(5)
            log.append(("late", fake.now))

        sched = mod.Scheduler(clock=fake.clock, idle=fake.idle)
        tasks = [sched.spawn(late()), sched.spawn(reader())]
        run(sched, call="Scheduler.run() (a readable socket, a 5-s sleeper)")
        surface(*tasks)
        woke = dict(log).get("reader")
        MSG.check(woke is not None and woke < 1e-9, "io_waits_for_timer", woke=woke, got=log)
    finally:
        left.close()
        right.close()


@io
def test_a_socket_wait_without_timers_sleeps_in_select() -> None:
    """waiting for a socket with no timer pending, the scheduler sleeps in select()"""
    left, right = socket.socketpair()
    # A thread that sleeps in select() uses microseconds of CPU in this time; one that polls
    # uses most of it. Well under STILL, so that nothing counts as stuck meanwhile.
    wait = scaled(0.1)
    try:
        right.setblocking(False)

        def reader() -> Gen:
            cpu, start = time.thread_time(), time.monotonic()
            yield mod.wait_readable(right)  # answered `wait` s later, from another thread
            return right.recv(100), time.thread_time() - cpu, time.monotonic() - start

        sched = mod.Scheduler()
        task = sched.spawn(reader())
        sender = threading.Timer(wait, left.send, args=(b"late",))
        sender.name = "course-sender"
        sender.start()
        try:
            run(sched, call=f"Scheduler.run() (one task waiting {wait:.2f} s for a socket)")
        finally:
            sender.cancel()
            sender.join()
        surface(task)
        got = task.result()
        MSG.check(isinstance(got, tuple) and got[0] == b"late", "echo_failed", got=got,
                  want=b"late")
        _, cpu, wall = got
        MSG.check(cpu < 0.1 * wall, "io_spins", cpu=cpu, wall=wall)
    finally:
        left.close()
        right.close()


@io
def test_megabytes_flow_through_a_relay_task() -> None:
    """2 MiB go producer → relay → consumer over two socket pairs (partial sends)"""
    payload = bytes(range(256)) * (8 * 1024)  # 2 MiB: far more than the socket buffers hold
    a, b = socket.socketpair()
    c, d = socket.socketpair()
    try:
        for s in (a, b, c, d):
            s.setblocking(False)

        def send_all(sock: socket.socket, data: bytes) -> Gen:
            view = memoryview(data)
            while view:
                yield mod.wait_writable(sock)
                sent = sock.send(view[:65536])
                view = view[sent:]

        def producer() -> Gen:
            yield from send_all(a, payload)
            a.shutdown(socket.SHUT_WR)
            return len(payload)

        def relay() -> Gen:
            moved = 0
            while True:
                yield mod.wait_readable(b)
                chunk = b.recv(65536)
                if not chunk:
                    break
                yield from send_all(c, chunk)
                moved += len(chunk)
            c.shutdown(socket.SHUT_WR)
            return moved

        def consumer() -> Gen:
            parts: list[bytes] = []
            while True:
                yield mod.wait_readable(d)
                chunk = d.recv(65536)
                if not chunk:
                    return b"".join(parts)
                parts.append(chunk)

        sched = mod.Scheduler()
        tasks = [sched.spawn(producer()), sched.spawn(relay()), sched.spawn(consumer())]
        try:
            run(sched)
        except Lesson as lesson:
            if lesson.key not in ("hang", "stalled"):
                raise
            surface(*tasks)
            if lesson.key == "stalled":
                MSG.fail("io_stalled", seconds=lesson.fields["seconds"],
                         still=lesson.fields["still"])
            MSG.fail("io_hang", seconds=DEADLINE)
        surface(*tasks)
        for task in tasks:
            if task.exception() is not None:
                MSG.fail("io_task_failed", error=repr(task.exception()))
        received = tasks[2].result()
        MSG.check(received == payload, "transfer_failed", got=len(received), want=len(payload))
    finally:
        for s in (a, b, c, d):
            s.close()
