"""Never closes the writer: the garbage collector has to."""
# expect: not_closed
from __future__ import annotations

import asyncio

from solutions.ex15_async_streams import http_client as _reference
from solutions.ex15_async_streams.http_client import _ask
from tests.support.variant import adopt


async def fetch_status_line(host, port, path="/"):
    reader, writer = await asyncio.open_connection(host, port)
    return await _ask(reader, writer, host, path)


adopt(_reference, globals())  # the rest is the reference's
