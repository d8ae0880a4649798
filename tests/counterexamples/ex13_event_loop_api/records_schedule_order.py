"""callback_order records the names when scheduling them, not when they run."""
# expect: soon_after_later
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
    done = [0]

    def ran() -> None:
        done[0] += 1
        if done[0] == 3:
            loop.stop()

    loop.call_later(0.01, ran)
    order.append("later")  # recorded when scheduled, not when run
    loop.call_soon(ran)
    order.append("soon")
    helper = threading.Thread(target=loop.call_soon_threadsafe, args=(ran,))
    helper.start()
    order.append("threadsafe")
    try:
        loop.run_forever()
    finally:
        helper.join()
    return order
