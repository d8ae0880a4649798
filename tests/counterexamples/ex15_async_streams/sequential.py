"""Awaits each target in turn."""
# expect: one_at_a_time
from __future__ import annotations

from solutions.ex15_async_streams import http_client as _reference
from solutions.ex15_async_streams.http_client import fetch_status_line
from tests.support.variant import adopt


async def fetch_all(targets):
    results: list[str | Exception] = []
    for host, port in targets:
        try:
            results.append(await fetch_status_line(host, port))
        except Exception as exc:
            results.append(exc)
    return results


adopt(_reference, globals())  # the rest is the reference's
