"""Cleans up and closes the loop only when the coroutine returns normally."""
# expect: not_closed_on_error
from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


def run_in_new_loop(coro: Coroutine[Any, Any, T]) -> T:
    loop = asyncio.new_event_loop()
    result = loop.run_until_complete(coro)  # if coro raises, nothing below runs
    _cancel_leftovers(loop)
    loop.run_until_complete(loop.shutdown_asyncgens())
    loop.run_until_complete(loop.shutdown_default_executor())
    loop.close()
    return result


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
