"""Right answer: wraps the coroutine in a task and cancels leftovers until none remain.

Also: future_after awaits the future, cancels the call_later handle only in
``except CancelledError`` and returns future.result(); callback_order stops the
loop when the set of recorded names is complete rather than counting calls.

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
    main = loop.create_task(coro)
    try:
        loop.run_until_complete(main)
    finally:
        try:
            # A cancelled task may start new tasks in its clean-up: repeat until none is left.
            for _ in range(10):
                pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
                if not pending:
                    break
                for task in pending:
                    task.cancel()
                loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            loop.close()
    return main.result()


async def future_after(seconds: float, value: T) -> T:
    """Return ``value`` after ``seconds``, through a future of the running loop whose
    result a ``call_later`` callback sets."""
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    handle = loop.call_later(seconds, future.set_result, value)
    try:
        await future
    except asyncio.CancelledError:
        handle.cancel()
        raise
    result: T = future.result()
    return result


def callback_order(loop: asyncio.AbstractEventLoop) -> list[str]:
    """Schedule "soon" (call_soon), "later" (call_later 0.01 s) and "threadsafe"
    (call_soon_threadsafe from another thread) on ``loop``, run the loop until all
    three ran, and return the names in the order they ran."""
    names = ("soon", "later", "threadsafe")
    order: list[str] = []

    def ran(name: str) -> None:
        order.append(name)
        if set(order) == set(names):
            loop.stop()

    loop.call_soon(ran, "soon")
    loop.call_later(0.01, ran, "later")
    thread = threading.Thread(target=loop.call_soon_threadsafe, args=(ran, "threadsafe"),
                              name="threadsafe-scheduler")
    thread.start()
    loop.run_forever()
    thread.join()
    return order
