"""Right answer: callback_order runs the loop in a helper thread and schedules
"threadsafe" from the calling thread, which is then a thread other than the loop's.

run_in_new_loop and future_after are the reference's.
"""

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

    def record(name: str) -> None:
        order.append(name)
        if len(order) == 3:
            loop.stop()

    loop.call_soon(record, "soon")
    loop.call_later(0.01, record, "later")
    runner = threading.Thread(target=loop.run_forever, name="loop-runner")
    runner.start()
    # The loop runs in `runner`: this thread is another one, so it must use the
    # thread-safe call (which also wakes the loop if it waits in select()).
    loop.call_soon_threadsafe(record, "threadsafe")
    runner.join()
    return order
