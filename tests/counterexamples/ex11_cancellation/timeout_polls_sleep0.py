"""with_timeout polls the work and the loop clock around asyncio.sleep(0): a busy wait."""
# expect: never_idle
from __future__ import annotations

import asyncio
from collections.abc import Awaitable

from solutions.ex11_cancellation import cancellation as _reference
from solutions.ex11_cancellation.cancellation import T
from tests.support.variant import adopt


async def with_timeout(aw: Awaitable[T], seconds: float) -> T | None:
    work = asyncio.ensure_future(aw)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not work.done() and loop.time() < deadline:
        await asyncio.sleep(0)  # checks again at once: the loop never idles
    if work.done():
        return work.result()
    work.cancel()
    await asyncio.wait({work})
    return None


adopt(_reference, globals())  # the rest is the reference's
