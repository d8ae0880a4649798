"""Keeps the results in dicts keyed by URL and by number: an item given twice collapses."""
# expect: duplicates_merged
from __future__ import annotations

import asyncio
from concurrent.futures import ProcessPoolExecutor

from solutions.ex14_blocking_calls import blocking as _reference
from solutions.ex14_blocking_calls.blocking import blocking_fetch, cpu_heavy
from tests.support.variant import adopt


async def fetch_all(urls):
    tasks = {url: asyncio.create_task(asyncio.to_thread(blocking_fetch, url)) for url in urls}
    return list(await asyncio.gather(*tasks.values()))


async def crunch_all(numbers):
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor() as pool:
        futures = {n: loop.run_in_executor(pool, cpu_heavy, n) for n in numbers}
        return list(await asyncio.gather(*futures.values()))


adopt(_reference, globals())  # the rest is the reference's
