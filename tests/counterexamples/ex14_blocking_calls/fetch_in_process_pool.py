"""Sends the blocking fetches to a process pool instead of threads."""
# expect: fetch_in_processes
from __future__ import annotations

import asyncio
from concurrent.futures import ProcessPoolExecutor

from solutions.ex14_blocking_calls import blocking as _reference
from solutions.ex14_blocking_calls.blocking import blocking_fetch
from tests.support.variant import adopt


async def fetch_all(urls):
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor() as pool:  # processes for blocking I/O
        return list(await asyncio.gather(*(loop.run_in_executor(pool, blocking_fetch, url)
                                           for url in urls)))


adopt(_reference, globals())  # the rest is the reference's
