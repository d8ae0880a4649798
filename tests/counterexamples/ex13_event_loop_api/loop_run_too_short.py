"""callback_order runs the loop only briefly, before the call_later callback is due."""
# expect: wrong_names
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
    order: list[str] = []
    loop.call_soon(order.append, "soon")
    loop.call_later(0.01, order.append, "later")
    helper = threading.Thread(target=loop.call_soon_threadsafe, args=(order.append, "threadsafe"))
    helper.start()
    helper.join()
    loop.run_until_complete(asyncio.sleep(0))  # one short run: "later" is not due yet
    return order
