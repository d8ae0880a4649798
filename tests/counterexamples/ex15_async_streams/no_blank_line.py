"""Sends the request head without the blank line that ends it."""
# expect: incomplete_request
from __future__ import annotations

from solutions.ex15_async_streams import http_client as _reference
from tests.support.variant import adopt


async def _ask(reader, writer, host, path):
    writer.write(f"GET {path} HTTP/1.0\r\nHost: {host}\r\n".encode())  # no final "\r\n"
    await writer.drain()
    line = await reader.readline()
    return line.decode("latin-1").rstrip("\r\n")


adopt(_reference, globals())  # the rest is the reference's
