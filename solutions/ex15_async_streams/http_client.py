"""Exercise 15 — asyncio streams: many HTTP requests at once (reference solution).

Task 1: ``fetch_status_line`` — one HTTP/1.0 GET, return the status line, close cleanly.
Task 2: ``fetch_all`` — fetch many targets at once; failures come back in place.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence


async def fetch_status_line(host: str, port: int, path: str = "/") -> str:
    """Send ``GET {path} HTTP/1.0`` to ``host:port`` and return the status line."""
    # Connecting waits for the server without blocking the loop.
    reader, writer = await asyncio.open_connection(host, port)
    try:
        return await _ask(reader, writer, host, path)
    finally:
        # close() only starts closing; wait_closed() waits until the socket is gone.
        writer.close()
        await writer.wait_closed()


async def _ask(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str, path: str
) -> str:
    """Send the request, then read only the first line of the answer: the status line."""
    writer.write(f"GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n".encode())
    await writer.drain()  # waits while the socket's send buffer is full
    line = await reader.readline()
    return line.decode("latin-1").rstrip("\r\n")


async def fetch_all(targets: Sequence[tuple[str, int]]) -> list[str | Exception]:
    """Fetch the status line of ``/`` from every ``(host, port)`` at the same time."""
    # gather wraps every coroutine in a task at once; return_exceptions=True puts
    # each failure in its place instead of raising the first one.
    results = await asyncio.gather(
        *(fetch_status_line(host, port) for host, port in targets), return_exceptions=True
    )
    return list(results)  # type: ignore[arg-type]
