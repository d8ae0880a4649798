"""Right answer: contextlib.AsyncExitStack closes the writer; asyncio.wait then reads each task.

fetch_status_line registers the close-and-wait clean-up on an AsyncExitStack and
reads the status line with readline under asyncio.timeout; fetch_all waits for
all the tasks with asyncio.wait and reads each one's result or exception in
target order.

Exercise 15 — asyncio streams: many HTTP requests at once.

``asyncio.open_connection`` gives a (StreamReader, StreamWriter) pair without
blocking the loop: while one connection waits for its server, the others make
progress, all in one thread.

Task 1: ``fetch_status_line`` — one HTTP/1.0 GET, return the status line, close cleanly.
Task 2: ``fetch_all`` — fetch many targets at once; failures come back in place.

Check your work with ``nox -s check-ex15``.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence


async def _close(writer: asyncio.StreamWriter) -> None:
    writer.close()
    await writer.wait_closed()


async def fetch_status_line(host: str, port: int, path: str = "/") -> str:
    """Send ``GET {path} HTTP/1.0`` to ``host:port`` and return the status line.

    The status line is the first line of the answer, without its ``\\r\\n``
    (e.g. ``"HTTP/1.0 200 OK"``). Before returning, close the writer and wait
    until it is closed — also when something fails.
    """
    async with contextlib.AsyncExitStack() as stack:
        reader, writer = await asyncio.open_connection(host, port)
        stack.push_async_callback(_close, writer)
        writer.write(b"GET %s HTTP/1.0\r\nHost: %s\r\n\r\n" % (path.encode(), host.encode()))
        await writer.drain()
        async with asyncio.timeout(30):
            status = await reader.readline()
        return status.decode("iso-8859-1").strip()


async def fetch_all(targets: Sequence[tuple[str, int]]) -> list[str | Exception]:
    """Fetch the status line of ``/`` from every ``(host, port)`` at the same time.

    Returns one entry per target, in input order: the status line, or the
    exception that fetching it raised (e.g. ``ConnectionRefusedError``) — returned
    in its place, not raised.
    """
    if not targets:
        return []
    tasks = [asyncio.create_task(fetch_status_line(host, port)) for host, port in targets]
    await asyncio.wait(tasks)
    results: list[str | Exception] = []
    for task in tasks:
        error = task.exception()
        if error is None:
            results.append(task.result())
        elif isinstance(error, Exception):
            results.append(error)
        else:
            raise error
    return results
