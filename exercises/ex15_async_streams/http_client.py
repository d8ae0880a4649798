"""Exercise 15 — asyncio streams: many HTTP requests at once.

``asyncio.open_connection`` gives a (StreamReader, StreamWriter) pair without
blocking the loop: while one connection waits for its server, the others make
progress, all in one thread.

Task 1: ``fetch_status_line`` — one HTTP/1.0 GET, return the status line, close cleanly.
Task 2: ``fetch_all`` — fetch many targets at once; failures come back in place.

Check your work with ``nox -s check-ex15``.
"""

from __future__ import annotations

import asyncio  # noqa: F401  (you will need it)
from collections.abc import Sequence


async def fetch_status_line(host: str, port: int, path: str = "/") -> str:
    """Send ``GET {path} HTTP/1.0`` to ``host:port`` and return the status line.

    The status line is the first line of the answer, without its ``\\r\\n``
    (e.g. ``"HTTP/1.0 200 OK"``). Before returning, close the writer and wait
    until it is closed — also when something fails.
    """
    # TODO: reader, writer = await asyncio.open_connection(host, port)
    # TODO: write the request: f"GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n" (bytes),
    #       then await writer.drain().
    # TODO: read one line (await reader.readline()), decode it and strip the line ending.
    # TODO: in a `finally`: writer.close() and await writer.wait_closed().
    raise NotImplementedError(
        "task 1: fetch_status_line — see exercises/ex15_async_streams/README.md"
    )


async def fetch_all(targets: Sequence[tuple[str, int]]) -> list[str | Exception]:
    """Fetch the status line of ``/`` from every ``(host, port)`` at the same time.

    Returns one entry per target, in input order: the status line, or the
    exception that fetching it raised (e.g. ``ConnectionRefusedError``) — returned
    in its place, not raised.
    """
    # TODO: start every fetch before awaiting any of them ...
    # TODO: ... and collect the results in input order, with the exceptions in
    #       place (asyncio.gather has an option for exactly that).
    raise NotImplementedError("task 2: fetch_all — see exercises/ex15_async_streams/README.md")
