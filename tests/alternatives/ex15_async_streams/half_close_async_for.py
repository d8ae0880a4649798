"""Right answer: half-closes with write_eof, reads the first line with async for; tasks by index.

fetch_status_line signals the end of its request with writer.write_eof() and
takes the first line that ``async for`` yields; fetch_all starts one task per
target, then awaits each task in input order, catching its exception.

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
from collections.abc import Sequence


async def fetch_status_line(host: str, port: int, path: str = "/") -> str:
    """Send ``GET {path} HTTP/1.0`` to ``host:port`` and return the status line.

    The status line is the first line of the answer, without its ``\\r\\n``
    (e.g. ``"HTTP/1.0 200 OK"``). Before returning, close the writer and wait
    until it is closed — also when something fails.
    """
    reader, writer = await asyncio.open_connection(host, port)
    try:
        request = f"GET {path} HTTP/1.0\r\nHost: {host}:{port}\r\n\r\n"
        writer.write(request.encode())
        await writer.drain()
        if writer.can_write_eof():
            writer.write_eof()  # nothing more to send: half-close our side
        async for line in reader:
            return line.decode("latin-1").removesuffix("\n").removesuffix("\r")
        raise ConnectionError(f"{host}:{port} closed the connection without answering")
    finally:
        writer.close()
        await writer.wait_closed()


async def fetch_all(targets: Sequence[tuple[str, int]]) -> list[str | Exception]:
    """Fetch the status line of ``/`` from every ``(host, port)`` at the same time.

    Returns one entry per target, in input order: the status line, or the
    exception that fetching it raised (e.g. ``ConnectionRefusedError``) — returned
    in its place, not raised.
    """
    tasks = [asyncio.create_task(fetch_status_line(host, port)) for host, port in targets]
    results: list[str | Exception] = []
    for task in tasks:  # every task is already running: waiting in order loses no time
        try:
            results.append(await task)
        except Exception as error:
            results.append(error)
    return results
