"""Uses blocking sockets in threads instead of asyncio streams."""
# expect: threads_started
from __future__ import annotations

import asyncio
import socket

from solutions.ex15_async_streams import http_client as _reference
from tests.support.variant import adopt


def _blocking_get(host, port, path):
    with socket.create_connection((host, port)) as sock:
        sock.sendall(f"GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n".encode())
        with sock.makefile("rb") as f:
            return f.readline().decode().rstrip("\r\n")


async def fetch_status_line(host, port, path="/"):
    return await asyncio.to_thread(_blocking_get, host, port, path)


adopt(_reference, globals())  # the rest is the reference's
