"""Right answer: one async cleanup coroutine under contextlib.closing; a guarded timer callback.

Also: the helper thread is a ThreadPoolExecutor job that waits (with a timeout)
until the loop is running before calling call_soon_threadsafe, and callback_order
stops the loop with loop.stop() scheduled through call_soon.

Exercise 13 — the event loop by hand.

Task 1: ``run_in_new_loop`` — ``asyncio.run`` by hand, cleanup included.
Task 2: ``future_after`` — a future whose result a timer callback sets.
Task 3: ``callback_order`` — the order in which scheduled callbacks run.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


async def _cleanup(loop: asyncio.AbstractEventLoop) -> None:
    """Everything asyncio.run does after the main coroutine, as one coroutine."""
    me = asyncio.current_task()
    leftovers = [task for task in asyncio.all_tasks(loop) if task is not me]
    for task in leftovers:
        task.cancel()
    await asyncio.gather(*leftovers, return_exceptions=True)
    await loop.shutdown_asyncgens()
    await loop.shutdown_default_executor()


def run_in_new_loop(coro: Coroutine[Any, Any, T]) -> T:
    """Run ``coro`` to completion in a new event loop, then clean up and close the loop.

    Cleanup, also when ``coro`` raises: cancel the tasks still pending and wait for
    them, shut down async generators and the default executor, close the loop. The
    new loop is not left installed as the current event loop.
    """
    with contextlib.closing(asyncio.new_event_loop()) as loop:
        try:
            return loop.run_until_complete(coro)
        finally:
            loop.run_until_complete(_cleanup(loop))


async def future_after(seconds: float, value: T) -> T:
    """Return ``value`` after ``seconds``, through a future of the running loop whose
    result a ``call_later`` callback sets."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def fire() -> None:
        if not future.done():  # the waiter may have been cancelled meanwhile
            future.set_result(value)

    loop.call_later(seconds, fire)
    return await future


def callback_order(loop: asyncio.AbstractEventLoop) -> list[str]:
    """Schedule "soon" (call_soon), "later" (call_later 0.01 s) and "threadsafe"
    (call_soon_threadsafe from another thread) on ``loop``, run the loop until all
    three ran, and return the names in the order they ran."""
    order: list[str] = []
    running = threading.Event()

    def record(name: str) -> None:
        running.set()
        order.append(name)
        if len(order) == 3:
            loop.call_soon(loop.stop)

    def from_other_thread() -> None:
        running.wait(5.0)
        loop.call_soon_threadsafe(record, "threadsafe")

    loop.call_soon(record, "soon")
    loop.call_later(0.01, record, "later")
    with ThreadPoolExecutor(max_workers=1) as helper:
        job = helper.submit(from_other_thread)
        loop.run_forever()
        job.result()
    return order
