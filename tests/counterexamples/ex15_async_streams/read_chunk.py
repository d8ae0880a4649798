"""Reads one chunk of the answer and takes its first line."""
# expect: partial_line
from __future__ import annotations

from solutions.ex15_async_streams import http_client as _reference
from tests.support.variant import adopt


async def _ask(reader, writer, host, path):
    writer.write(f"GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n".encode())
    await writer.drain()
    data = await reader.read(1024)  # "the status line is in the first chunk"
    return data.decode("latin-1").split("\r\n", 1)[0]


adopt(_reference, globals())  # the rest is the reference's
