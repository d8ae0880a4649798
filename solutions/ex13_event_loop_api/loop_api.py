"""Exercise 13 — the event loop by hand.

``asyncio.run`` hides a lot of work: it creates a loop, runs the coroutine,
cancels the tasks left over, closes async generators, shuts down the default
thread-pool executor and closes the loop. Here you do it yourself, then use the
loop's lower-level API: futures completed by timer callbacks, and callbacks
scheduled soon, later and from another thread.

Task 1: ``run_in_new_loop`` — ``asyncio.run`` by hand, cleanup included.
Task 2: ``future_after`` — a future whose result a timer callback sets.
Task 3: ``callback_order`` — the order in which scheduled callbacks run.

Check your work with ``nox -s check-ex13``.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


def run_in_new_loop(coro: Coroutine[Any, Any, T]) -> T:
    """Run ``coro`` to completion in a new event loop, then clean up and close the loop.

    Cleanup, also when ``coro`` raises: cancel the tasks still pending and wait for
    them, shut down async generators and the default executor, close the loop. The
    new loop is not left installed as the current event loop.
    """
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(coro)
    finally:
        # finally: the cleanup runs whether coro returned or raised.
        _clean_up_and_close(loop)


def _clean_up_and_close(loop: asyncio.AbstractEventLoop) -> None:
    """What asyncio.run does after the coroutine: cancel the leftovers, shut down async
    generators and the default executor, and close the loop (even if a step fails)."""
    try:
        _cancel_leftovers(loop)
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.run_until_complete(loop.shutdown_default_executor())
    finally:
        loop.close()


def _cancel_leftovers(loop: asyncio.AbstractEventLoop) -> None:
    """Cancel every task still pending and run the loop until they have all finished."""
    leftovers = asyncio.all_tasks(loop)
    for task in leftovers:
        task.cancel()
    if leftovers:
        # Cancelling only asks; running the loop lets their except/finally blocks run.
        loop.run_until_complete(asyncio.gather(*leftovers, return_exceptions=True))


async def future_after(seconds: float, value: T) -> T:
    """Return ``value`` after ``seconds``, through a future of the running loop whose
    result a ``call_later`` callback sets."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()
    handle = loop.call_later(seconds, future.set_result, value)
    try:
        return await future
    finally:
        # If we were cancelled first, the timer must not set a result on a dead future.
        handle.cancel()


def callback_order(loop: asyncio.AbstractEventLoop) -> list[str]:
    """Schedule "soon" (call_soon), "later" (call_later 0.01 s) and "threadsafe"
    (call_soon_threadsafe from another thread) on ``loop``, run the loop until all
    three ran, and return the names in the order they ran."""
    order: list[str] = []
    record = _recorder(loop, order, count=3)
    loop.call_soon(record, "soon")
    loop.call_later(0.01, record, "later")
    helper = _schedule_from_thread(loop, record, "threadsafe")
    try:
        loop.run_forever()
    finally:
        helper.join()
    return order


def _recorder(
    loop: asyncio.AbstractEventLoop, order: list[str], count: int
) -> Callable[[str], None]:
    """A callback that appends its name to ``order`` and stops ``loop`` after ``count``."""

    def record(name: str) -> None:
        order.append(name)
        if len(order) == count:
            loop.stop()  # run_forever returns once the current iteration is over

    return record


def _schedule_from_thread(
    loop: asyncio.AbstractEventLoop, callback: Callable[[str], None], name: str
) -> threading.Thread:
    """Start a thread that schedules ``callback(name)`` on ``loop``; join it when done."""
    # call_soon_threadsafe also wakes the loop up if it is waiting in select().
    helper = threading.Thread(target=loop.call_soon_threadsafe, args=(callback, name))
    helper.start()
    return helper
