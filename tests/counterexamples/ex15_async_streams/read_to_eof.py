"""Reads the whole answer up to EOF, waiting for the server to close first."""
# expect: closed_late
from __future__ import annotations

from solutions.ex15_async_streams import http_client as _reference
from tests.support.variant import adopt


async def _ask(reader, writer, host, path):
    writer.write(f"GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n".encode())
    await writer.drain()
    answer = await reader.read()  # waits until the server closes
    return answer.decode().split("\r\n", 1)[0]


adopt(_reference, globals())  # the rest is the reference's
