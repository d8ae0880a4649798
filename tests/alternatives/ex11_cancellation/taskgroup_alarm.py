"""Right answer: a TaskGroup with an alarm task, done-callbacks and a context manager.

with_timeout races the work against an alarm task in a TaskGroup (the alarm's own
exception ends the group, which cancels the work and waits for it); cancel_after
waits on an Event set by the task's done-callback; shielded waits with wait_for on a
future that the task's done-callback resolves, so the timeout cancels only that
future; worker cleans up in a context manager that sees the CancelledError.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")


class _Expired(Exception):
    pass


async def _await(aw: Awaitable[T]) -> T:
    return await aw


async def with_timeout(aw: Awaitable[T], seconds: float) -> T | None:
    async def alarm() -> None:
        await asyncio.sleep(seconds)
        raise _Expired

    expired = False
    try:
        try:
            async with asyncio.TaskGroup() as tg:
                work = tg.create_task(_await(aw))
                timer = tg.create_task(alarm())
                work.add_done_callback(lambda _t: timer.cancel())
        except* _Expired:
            expired = True
    except BaseExceptionGroup as group:  # the work's own failure: raise it as it is
        if len(group.exceptions) == 1:
            raise group.exceptions[0] from None
        raise
    if expired:
        return None
    return work.result()


async def cancel_after(task: asyncio.Task[object], seconds: float) -> bool:
    finished = asyncio.Event()

    def on_done(_t: Any) -> None:
        finished.set()

    task.add_done_callback(on_done)
    try:
        try:
            async with asyncio.timeout(seconds):
                await finished.wait()
            return False
        except TimeoutError:
            pass
        task.cancel()
        await finished.wait()
        return True
    finally:
        task.remove_done_callback(on_done)


async def shielded(aw: Awaitable[T], seconds: float) -> tuple[T | None, asyncio.Task[T]]:
    task = asyncio.ensure_future(aw)
    waiter = asyncio.get_running_loop().create_future()

    def wake(_t: Any) -> None:
        if not waiter.done():
            waiter.set_result(None)

    task.add_done_callback(wake)
    try:
        await asyncio.wait_for(waiter, seconds)  # cancels only the waiter
    except TimeoutError:
        return None, task
    finally:
        task.remove_done_callback(wake)
    return task.result(), task


@contextlib.contextmanager
def _on_cancel(log: list[str]) -> Iterator[None]:
    try:
        yield
    except asyncio.CancelledError:
        log.append("cleanup")
        raise


async def worker(log: list[str]) -> None:
    with _on_cancel(log):
        while True:  # noqa: ASYNC110  (each round stands for a bit of periodic work)
            await asyncio.sleep(0.2)
