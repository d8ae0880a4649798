"""Closes the writer but does not wait for it to close."""
# expect: not_waited
from __future__ import annotations

import asyncio
from collections.abc import Sequence


async def fetch_status_line(host: str, port: int, path: str = "/") -> str:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        writer.write(f"GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n".encode())
        await writer.drain()
        line = await reader.readline()
        return line.decode().rstrip("\r\n")
    finally:
        writer.close()


async def fetch_all(targets: Sequence[tuple[str, int]]) -> list[str | Exception]:
    return list(await asyncio.gather(*(fetch_status_line(h, p) for h, p in targets),
                                     return_exceptions=True))
