"""Awaits each target in turn."""
# expect: one_at_a_time
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
        await writer.wait_closed()


async def fetch_all(targets: Sequence[tuple[str, int]]) -> list[str | Exception]:
    results: list[str | Exception] = []
    for host, port in targets:
        try:
            results.append(await fetch_status_line(host, port))
        except Exception as exc:
            results.append(exc)
    return results
