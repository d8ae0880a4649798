"""Closes the writer only on the success path, not in a finally."""
# expect: not_closed_on_error
from __future__ import annotations

import asyncio

from solutions.ex15_async_streams import http_client as _reference
from solutions.ex15_async_streams.http_client import _ask
from tests.support.variant import adopt


async def fetch_status_line(host, port, path="/"):
    reader, writer = await asyncio.open_connection(host, port)
    line = await _ask(reader, writer, host, path)
    writer.close()  # skipped when _ask raises (or is cancelled)
    await writer.wait_closed()
    return line


adopt(_reference, globals())  # the rest is the reference's
