"""Cancels the leftover tasks but never runs the loop to let them finish."""
# expect: leftover_not_awaited
from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
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
        try:
            _cancel_leftovers(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            loop.close()


def _cancel_leftovers(loop: asyncio.AbstractEventLoop) -> None:
    for task in asyncio.all_tasks(loop):
        task.cancel()  # asked to stop, but the loop never runs again for them


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

    def record(name: str) -> None:
        order.append(name)
        if len(order) == 3:
            loop.stop()  # run_forever returns once the current iteration is over

    loop.call_soon(record, "soon")
    loop.call_later(0.01, record, "later")
    # call_soon_threadsafe also wakes the loop up if it is waiting in select().
    helper = threading.Thread(target=loop.call_soon_threadsafe, args=(record, "threadsafe"))
    helper.start()
    try:
        loop.run_forever()
    finally:
        helper.join()
    return order
