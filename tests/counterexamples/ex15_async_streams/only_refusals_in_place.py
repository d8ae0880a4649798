"""Returns a ConnectionRefusedError in place, but lets every other failure escape."""
# expect: only_refusals_caught
from __future__ import annotations

import asyncio

from solutions.ex15_async_streams import http_client as _reference
from solutions.ex15_async_streams.http_client import fetch_status_line
from tests.support.variant import adopt


async def _one(host, port):
    try:
        return await fetch_status_line(host, port)
    except ConnectionRefusedError as exc:  # a reset or a timeout is not caught
        return exc


async def fetch_all(targets):
    return list(await asyncio.gather(*(_one(host, port) for host, port in targets)))


adopt(_reference, globals())  # the rest is the reference's
