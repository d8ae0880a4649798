"""Right answer: readuntil(b"\\r\\n") and a TaskGroup whose tasks catch their own errors.

fetch_status_line sends the request with writelines and reads the status line
with readuntil; fetch_all wraps each fetch so that it returns its exception
instead of raising it, and runs the wrappers in an asyncio.TaskGroup.

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
        writer.writelines([f"GET {path} HTTP/1.0\r\n".encode("ascii"),
                           f"Host: {host}\r\n".encode("ascii"), b"\r\n"])
        await writer.drain()
        line = await reader.readuntil(b"\r\n")
        return line[:-2].decode("ascii")
    finally:
        writer.close()
        await writer.wait_closed()


async def _status_or_error(host: str, port: int) -> str | Exception:
    try:
        return await fetch_status_line(host, port)
    except Exception as error:  # returned in its place, not raised
        return error


async def fetch_all(targets: Sequence[tuple[str, int]]) -> list[str | Exception]:
    """Fetch the status line of ``/`` from every ``(host, port)`` at the same time.

    Returns one entry per target, in input order: the status line, or the
    exception that fetching it raised (e.g. ``ConnectionRefusedError``) — returned
    in its place, not raised.
    """
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(_status_or_error(host, port)) for host, port in targets]
    return [task.result() for task in tasks]
