"""Collects the status codes in the order the fetches finish."""
# expect: wrong_results
from __future__ import annotations

import asyncio

from solutions.ex14_blocking_calls import blocking as _reference
from solutions.ex14_blocking_calls.blocking import blocking_fetch
from tests.support.variant import adopt


async def fetch_all(urls):
    aws = [asyncio.to_thread(blocking_fetch, u) for u in urls]
    return [await f for f in asyncio.as_completed(aws)]


adopt(_reference, globals())  # the rest is the reference's
