"""Wall-clock allowances (always scaled), usable CPUs, and running a call with a deadline."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from .messages import COMMON

if TYPE_CHECKING:
    from .stall import StallWatch

# The name of the thread that runs a bounded call starts so (the call's name follows).
RUNNER_PREFIX = "deadline:"

T = TypeVar("T")


def scale() -> float:
    """``CONCURRENCY_TIME_SCALE``: stretches every wall-clock allowance (default 1)."""
    raw = os.environ.get("CONCURRENCY_TIME_SCALE", "").strip()
    try:
        value = float(raw) if raw else 1.0
    except ValueError:
        return 1.0
    return value if value > 0 else 1.0


def scaled(seconds: float) -> float:
    return seconds * scale()


def usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


class Stopwatch:
    def __init__(self) -> None:
        self.start = time.perf_counter()

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.start


def call_with_deadline(
    func: Callable[..., T], *args: Any, seconds: float, call: str, **kwargs: Any
) -> T:
    """Run ``func`` in a helper thread; a call that does not finish in time fails the test.

    The helper is a daemon thread, so a call that never returns cannot keep the
    test process alive; the test fails with the ``hang`` message instead.
    ``seconds`` is scaled here.
    """
    return _bounded(func, args, kwargs, seconds, call, None, None)


def call_watching(
    func: Callable[..., T],
    *args: Any,
    seconds: float,
    call: str,
    watch: StallWatch,
    on_stall: Callable[[], object] | None = None,
    **kwargs: Any,
) -> T:
    """:func:`call_with_deadline` that also watches for a stall (``tests/support/stall.py``).

    When nothing in the process has moved for the watch's window while the call
    runs, the call is not waited for until the deadline: ``on_stall()`` is called
    once (e.g. to break the barrier the call is stuck at) and the wait goes on; or,
    without ``on_stall``, the test fails at once with the ``stalled`` message.
    """
    return _bounded(func, args, kwargs, seconds, call, watch, on_stall)


def _bounded(
    func: Callable[..., T],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    seconds: float,
    call: str,
    watch: StallWatch | None,
    on_stall: Callable[[], object] | None,
) -> T:
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["result"] = func(*args, **kwargs)
        except BaseException as exc:  # handed to the caller below
            box["error"] = exc

    limit = scaled(seconds)
    helper = threading.Thread(target=run, name=f"{RUNNER_PREFIX}{call}", daemon=True)
    start = time.monotonic()
    helper.start()
    while helper.is_alive():
        left = start + limit - time.monotonic()
        if left <= 0:
            break
        if watch is None:
            helper.join(left)
            continue
        helper.join(min(left, watch.period))
        if helper.is_alive() and watch.stalled():
            if on_stall is None:
                COMMON.fail("stuck" if watch.certain else "stalled", call=call,
                            seconds=time.monotonic() - start,
                            still=watch.still)
            on_stall()
            watch = None  # once: the call may now end, or run into the deadline
    if helper.is_alive():
        COMMON.fail("hang", call=call, seconds=limit)
    if "error" in box:
        raise box["error"]
    result: T = box["result"]
    return result
