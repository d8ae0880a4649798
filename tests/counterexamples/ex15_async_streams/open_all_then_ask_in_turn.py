"""Opens every connection at once, then sends and reads one request after another."""
# expect: requests_one_at_a_time
from __future__ import annotations

import asyncio

from solutions.ex15_async_streams import http_client as _reference
from solutions.ex15_async_streams.http_client import _ask
from tests.support.variant import adopt


async def fetch_all(targets):
    opened = await asyncio.gather(
        *(asyncio.open_connection(host, port) for host, port in targets), return_exceptions=True
    )
    results = []
    for (host, _), conn in zip(targets, opened):
        if isinstance(conn, BaseException):
            results.append(conn)
            continue
        reader, writer = conn
        try:
            results.append(await _ask(reader, writer, host, "/"))  # one request at a time
        except Exception as exc:
            results.append(exc)
        finally:
            writer.close()
            await writer.wait_closed()
    return results


adopt(_reference, globals())  # the rest is the reference's
