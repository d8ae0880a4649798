"""Exercise 05: a Counter whose updates survive many threads.

Evidence: the module's ``pause()`` hook is replaced by a real pause that lets
other threads run between each read and write, so a racy update loses counts
every time; the hook also counts its calls and how many threads were inside it
at once (at most one when the whole update is locked). The counters are built
while ``threading.Lock``/``RLock`` make locks whose ``release()`` lets the other
threads run at once (as the OS may), and the locks it reaches in the module, its
class or itself get the same release; so a write made after the lock is released
loses counts too, where otherwise it would hardly ever. Threads that all sleep
with none ever woken (tests/support/stall.py) are deadlocked: the test says so at
once instead of waiting for its deadline.
"""

from __future__ import annotations

import contextlib
import functools
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from ex05_race_condition import counter as mod

from tests.support.lesson import Lesson
from tests.support.stall import StallWatch
from tests.support.timing import call_watching, scaled

from .messages import MSG

value_task = pytest.mark.task(1, "value")
increment_task = pytest.mark.task(2, "increment")
add_task = pytest.mark.task(3, "add")

THREADS = 8
ROUNDS = 25  # updates per thread
DEADLINE = 5.0  # seconds (scaled) before the threads count as hung


PAUSE = 0.0002  # seconds each pause() sleeps: the other threads run meanwhile
# Seconds (scaled) of a process where no thread has run after which the threads are
# deadlocked: the workers sleep PAUSE in every pause() and SWITCH after every release, so
# a live run is never still for more than a millisecond or so.
STILL = 0.1


class YieldingPause:
    """Stands in for ``pause()``: a short sleep (other threads run), counted."""

    def __init__(self, seconds: float = PAUSE) -> None:
        self.seconds = seconds
        self.calls = 0
        self.inside = 0
        self.peak = 0
        self._lock = threading.Lock()

    def __call__(self) -> None:
        with self._lock:
            self.calls += 1
            self.inside += 1
            self.peak = max(self.peak, self.inside)
        try:
            time.sleep(self.seconds)
        finally:
            with self._lock:
                self.inside -= 1


class YieldingLock:
    """A lock made by the real ``threading.Lock``/``RLock``, whose ``release()`` then sleeps.

    The sleep happens after the lock is free, so a thread waiting for it takes it and
    runs while the releasing thread is still between its release and its next line.
    Anything the releasing thread does after the release is thus done with another
    thread in the middle of its own update — which is what the OS may do at any time.
    """

    def __init__(self, factory: Callable[[], Any]) -> None:
        self._inner = factory()

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        return bool(self._inner.acquire(blocking, timeout))

    def release(self) -> None:
        self._inner.release()
        time.sleep(SWITCH)

    def __enter__(self) -> bool:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()

    def __getattr__(self, name: str) -> Any:  # locked(), and what Condition looks for
        return getattr(self._inner, name)


SWITCH = 0.0002  # seconds the releasing thread sleeps after each release


@contextlib.contextmanager
def yielding_locks() -> Iterator[None]:
    """``threading.Lock()``/``RLock()`` (also as names imported into the module) make
    :class:`YieldingLock` s inside the block; everything else is left as it was."""
    factories = {"Lock": threading.Lock, "RLock": threading.RLock}
    with pytest.MonkeyPatch.context() as patch:
        for name, factory in factories.items():
            patch.setattr(threading, name, functools.partial(YieldingLock, factory))
        for attr, value in list(vars(mod).items()):
            for factory in factories.values():
                if value is factory:
                    patch.setattr(mod, attr, functools.partial(YieldingLock, factory))
        yield


LOCKS = (type(threading.Lock()), type(threading.RLock()), threading.Condition,
         threading.Semaphore)


def _slowed(lock: Any) -> YieldingLock:
    return YieldingLock(lambda: lock)


def new_counter(patch: pytest.MonkeyPatch) -> mod.Counter:
    """A Counter whose locks let other threads run when released: the locks made in
    ``__init__`` and those it reaches in the module, in its class or on itself (made at
    import, at class definition, by a default argument or a dataclass factory).
    ``patch`` puts the module's and the class's own back after the test."""
    with yielding_locks():
        counter = mod.Counter()
    for name, value in list(vars(mod).items()):
        if isinstance(value, LOCKS):
            patch.setattr(mod, name, _slowed(value))
    for cls in type(counter).__mro__[:-1]:  # not object
        for name, value in list(vars(cls).items()):
            if isinstance(value, LOCKS):
                patch.setattr(cls, name, _slowed(value))
    names = set(getattr(counter, "__dict__", {}))
    for cls in type(counter).__mro__:
        slots = getattr(cls, "__slots__", ())
        names.update([slots] if isinstance(slots, str) else slots)
    for name in names:
        value = getattr(counter, name, None)
        if isinstance(value, LOCKS):
            object.__setattr__(counter, name, _slowed(value))  # also frozen or slotted
    return counter


@pytest.fixture
def pause(monkeypatch: pytest.MonkeyPatch) -> YieldingPause:
    hook = YieldingPause()
    monkeypatch.setattr(mod, "pause", hook)  # undone after the test
    return hook


def together(jobs: list[Callable[[], None]], what: str) -> None:
    """Run every job in a thread of its own, all released at the same moment."""
    start = threading.Barrier(len(jobs), timeout=scaled(5))
    errors: list[BaseException] = []

    def run(job: Callable[[], None]) -> None:
        try:
            start.wait()
            job()
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(job,), name=f"course-worker-{i}", daemon=True)
               for i, job in enumerate(jobs)]
    watch = StallWatch(STILL)
    for t in threads:
        t.start()
    started = time.monotonic()
    deadline = started + scaled(DEADLINE)
    # Daemons named course-*: threads left stuck cannot block the exit.
    while alive := [t for t in threads if t.is_alive()]:
        left = deadline - time.monotonic()
        if left <= 0:
            MSG.fail("stuck", calls=what, seconds=scaled(DEADLINE))
        if watch.stalled():
            MSG.fail("deadlock", calls=what, seconds=time.monotonic() - started,
                     still=watch.still)
        alive[0].join(min(left, watch.period))
    for exc in errors:
        if isinstance(exc, NotImplementedError):
            raise exc
    if errors:
        exc = errors[0]
        MSG.fail("worker_raised", calls=what, threads=len(jobs),
                 error=f"{type(exc).__name__}({exc})")


def repeat(update: Callable[[], None], times: int = ROUNDS) -> Callable[[], None]:
    def job() -> None:
        for _ in range(times):
            update()

    return job


def judge(counter: mod.Counter, hook: YieldingPause, want: int, updates: int,
          what: str) -> None:
    """The checks shared by every many-thread test, most telling first."""
    got = counter.value
    MSG.check(hook.calls == updates, "pause_count", threads=THREADS, updates=updates,
              calls=hook.calls)
    lost = (want - got) if isinstance(got, int) else "?"
    # Never two threads in pause() at once: the lock did cover the read and the pause, so
    # what was lost slipped in after the lock was released (or before it was taken).
    key = "lost_updates" if hook.peak > 1 else "write_after_release"
    MSG.check(got == want, key, threads=THREADS, calls=what, got=got, want=want, lost=lost)
    MSG.check(hook.peak <= 1, "pause_outside_lock", peak=hook.peak, calls=what)


# -- task 1 -----------------------------------------------------------------------------------
@value_task
def test_new_counter_is_zero() -> None:
    """a new Counter has value 0"""
    got = mod.Counter().value
    MSG.check(got == 0, "value_start", got=got)


@value_task
def test_value_follows_updates_in_one_thread() -> None:
    """value shows the count after increments and adds in one thread"""
    counter = mod.Counter()

    def updates() -> int:
        for _ in range(3):
            counter.increment()
        counter.add(5)
        counter.add(-2)
        return counter.value

    what = "3 × increment(), add(5), add(-2)"
    try:
        got = call_watching(updates, seconds=DEADLINE, call=what, watch=StallWatch(STILL))
    except Lesson as lesson:
        if lesson.key == "hang":
            MSG.fail("stuck", calls=what, seconds=scaled(DEADLINE))
        if lesson.key == "stalled":
            MSG.fail("deadlock", calls=what, seconds=lesson.fields["seconds"],
                     still=lesson.fields["still"])
        raise
    MSG.check(got == 6, "value_wrong", calls=what, got=got, want=6)


@value_task
def test_value_is_read_only() -> None:
    """value cannot be assigned"""
    counter = mod.Counter()
    counter.increment()
    counter.value  # noqa: B018 (reading it must work before writing it is tried)
    try:
        counter.value = 42  # type: ignore[misc]
    except AttributeError:
        return
    MSG.fail("value_writable", forced=42, got=counter.value)


# -- task 2 -----------------------------------------------------------------------------------
@increment_task
def test_increments_from_many_threads_all_count(
    pause: YieldingPause, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """8 threads × 25 increments, interrupted between read and write, give 200"""
    counter = new_counter(monkeypatch)
    what = f"increment() {ROUNDS} times each"
    together([repeat(counter.increment) for _ in range(THREADS)], what)
    judge(counter, pause, THREADS * ROUNDS, THREADS * ROUNDS, what)


@increment_task
def test_two_counters_do_not_mix(pause: YieldingPause) -> None:
    """two counters updated at the same time keep their own counts"""
    first, second = mod.Counter(), mod.Counter()
    half = THREADS // 2
    what = f"increment() {ROUNDS} times each on two counters"
    together([repeat(first.increment) for _ in range(half)]
             + [repeat(second.increment) for _ in range(half)], what)
    got = (first.value, second.value)
    want = half * ROUNDS
    MSG.check(pause.calls == THREADS * ROUNDS, "pause_count", threads=THREADS,
              updates=THREADS * ROUNDS, calls=pause.calls)
    MSG.check(got == (want, want), "lost_updates", threads=THREADS, calls=what,
              got=got, want=(want, want), lost=2 * want - sum(got))


# -- task 3 -----------------------------------------------------------------------------------
@add_task
def test_adds_from_many_threads_all_count(
    pause: YieldingPause, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """8 threads adding different amounts (one negative) give the exact total"""
    counter = new_counter(monkeypatch)
    amounts = [1, 2, 3, 5, 7, 11, 13, -4]
    what = f"add(n) {ROUNDS} times each, n = {amounts}"
    together([repeat(functools.partial(counter.add, n)) for n in amounts], what)
    judge(counter, pause, sum(amounts) * ROUNDS, THREADS * ROUNDS, what)


@add_task
def test_add_and_increment_together(
    pause: YieldingPause, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """increment() and add(3) running at the same time lose nothing"""
    counter = new_counter(monkeypatch)
    half = THREADS // 2
    what = f"increment() in {half} threads and add(3) in {half} threads, {ROUNDS} times each"
    together([repeat(counter.increment) for _ in range(half)]
             + [repeat(functools.partial(counter.add, 3)) for _ in range(half)], what)
    judge(counter, pause, half * ROUNDS * (1 + 3), THREADS * ROUNDS, what)
