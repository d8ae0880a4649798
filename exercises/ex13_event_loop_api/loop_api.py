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
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


def run_in_new_loop(coro: Coroutine[Any, Any, T]) -> T:
    """Run ``coro`` to completion in a new event loop, then clean up and close the loop.

    Cleanup, also when ``coro`` raises: cancel the tasks still pending and wait for
    them, shut down async generators and the default executor, close the loop. The
    new loop is not left installed as the current event loop.
    """
    # TODO: loop = asyncio.new_event_loop(); run coro with loop.run_until_complete.
    # TODO: in a ``finally`` block: cancel every task of asyncio.all_tasks(loop) and run
    #       the loop until they are done (asyncio.gather(..., return_exceptions=True)),
    #       then loop.shutdown_asyncgens() and loop.shutdown_default_executor() ...
    # TODO: ... and finally loop.close().
    raise NotImplementedError(
        "task 1: run_in_new_loop — see exercises/ex13_event_loop_api/README.md"
    )


async def future_after(seconds: float, value: T) -> T:
    """Return ``value`` after ``seconds``, through a future of the running loop whose
    result a ``call_later`` callback sets."""
    # TODO: loop = asyncio.get_running_loop(); future = loop.create_future()
    # TODO: loop.call_later(seconds, future.set_result, value), then await the future.
    raise NotImplementedError("task 2: future_after — see exercises/ex13_event_loop_api/README.md")


def callback_order(loop: asyncio.AbstractEventLoop) -> list[str]:
    """Schedule "soon" (call_soon), "later" (call_later 0.01 s) and "threadsafe"
    (call_soon_threadsafe from another thread) on ``loop``, run the loop until all
    three ran, and return the names in the order they ran."""
    # TODO: a callback that appends its name to a list, and stops the loop
    #       (loop.stop()) once all three names are there.
    # TODO: schedule it with loop.call_soon and loop.call_later(0.01, ...); start a
    #       threading.Thread whose target calls loop.call_soon_threadsafe(...).
    # TODO: loop.run_forever(), join the thread, return the list.
    raise NotImplementedError(
        "task 3: callback_order — see exercises/ex13_event_loop_api/README.md"
    )
