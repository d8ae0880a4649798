"""Right answer: installs the loop then unsets it, cleans up with asyncio.wait, uses call_at.

Also: callback_order runs the loop with run_until_complete on a future that the
last callback resolves, instead of run_forever + loop.stop.

Exercise 13 — the event loop by hand.

Task 1: ``run_in_new_loop`` — ``asyncio.run`` by hand, cleanup included.
Task 2: ``future_after`` — a future whose result a timer callback sets.
Task 3: ``callback_order`` — the order in which scheduled callbacks run.
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
    asyncio.set_event_loop(loop)
    try:
        return loop.run_until_complete(coro)
    finally:
        try:
            pending = asyncio.all_tasks(loop)
            for task in pending:
                task.cancel()
            if pending:
                loop.run_until_complete(asyncio.wait(pending))
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            asyncio.set_event_loop(None)
            loop.close()


async def future_after(seconds: float, value: T) -> T:
    """Return ``value`` after ``seconds``, through a future of the running loop whose
    result a ``call_later`` callback sets."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()
    timer = loop.call_at(loop.time() + seconds, future.set_result, value)
    try:
        return await future
    finally:
        timer.cancel()


def callback_order(loop: asyncio.AbstractEventLoop) -> list[str]:
    """Schedule "soon" (call_soon), "later" (call_later 0.01 s) and "threadsafe"
    (call_soon_threadsafe from another thread) on ``loop``, run the loop until all
    three ran, and return the names in the order they ran."""
    order: list[str] = []
    all_ran: asyncio.Future[None] = loop.create_future()

    def record(name: str) -> None:
        order.append(name)
        if len(order) == 3 and not all_ran.done():
            all_ran.set_result(None)

    loop.call_soon(record, "soon")
    loop.call_later(0.01, record, "later")
    other = threading.Thread(target=lambda: loop.call_soon_threadsafe(record, "threadsafe"))
    other.start()
    try:
        loop.run_until_complete(all_ran)
    finally:
        other.join()
    return order
