"""Uses blocking sockets in threads instead of asyncio streams."""
# expect: threads_started
from __future__ import annotations

import asyncio
import socket
from collections.abc import Sequence


def _blocking_get(host: str, port: int, path: str) -> str:
    with socket.create_connection((host, port)) as sock:
        sock.sendall(f"GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n".encode())
        with sock.makefile("rb") as f:
            return f.readline().decode().rstrip("\r\n")


async def fetch_status_line(host: str, port: int, path: str = "/") -> str:
    return await asyncio.to_thread(_blocking_get, host, port, path)


async def fetch_all(targets: Sequence[tuple[str, int]]) -> list[str | Exception]:
    return list(await asyncio.gather(*(fetch_status_line(h, p) for h, p in targets),
                                     return_exceptions=True))
