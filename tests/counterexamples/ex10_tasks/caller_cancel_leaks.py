"""Waits with asyncio.wait(FIRST_EXCEPTION) and cleans up after a failure, but when the caller
itself is cancelled the tasks keep running."""
# expect: caller_cancel_left
from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Iterable

from solutions.ex10_tasks import tasks as _reference
from solutions.ex10_tasks.tasks import T
from tests.support.variant import adopt


async def run_concurrently(aws: Iterable[Awaitable[T]]) -> list[T]:
    tasks = [asyncio.ensure_future(aw) for aw in aws]
    if not tasks:
        return []
    # a CancelledError of the caller comes out here, and nobody stops the tasks
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    for task in tasks:
        if task in done and task.exception() is not None:
            for other in pending:
                other.cancel()
            if pending:
                await asyncio.wait(pending)
            raise task.exception()
    return [task.result() for task in tasks]


adopt(_reference, globals())  # the rest is the reference's
