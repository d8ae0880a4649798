"""Returns the status line with its line ending still on."""
# expect: line_ending
from __future__ import annotations

from solutions.ex15_async_streams import http_client as _reference
from tests.support.variant import adopt


async def _ask(reader, writer, host, path):
    writer.write(f"GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n".encode())
    await writer.drain()
    line = await reader.readline()
    return line.decode()  # "\r\n" still on


adopt(_reference, globals())  # the rest is the reference's
