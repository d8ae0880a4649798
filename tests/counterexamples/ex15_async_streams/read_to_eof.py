"""Reads the whole answer up to EOF, waiting for the server to close first."""
# expect: closed_late
from __future__ import annotations

import asyncio
from collections.abc import Sequence


async def fetch_status_line(host: str, port: int, path: str = "/") -> str:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        writer.write(f"GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n".encode())
        await writer.drain()
        answer = await reader.read()
        return answer.decode().split("\r\n", 1)[0]
    finally:
        writer.close()
        await writer.wait_closed()


async def fetch_all(targets: Sequence[tuple[str, int]]) -> list[str | Exception]:
    return list(await asyncio.gather(*(fetch_status_line(h, p) for h, p in targets),
                                     return_exceptions=True))
