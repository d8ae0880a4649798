"""with_timeout turns any failure of the work into None, not only the timeout."""
# expect: error_swallowed
from __future__ import annotations

import asyncio
from collections.abc import Awaitable

from solutions.ex11_cancellation import cancellation as _reference
from solutions.ex11_cancellation.cancellation import T
from tests.support.variant import adopt


async def with_timeout(aw: Awaitable[T], seconds: float) -> T | None:
    try:
        return await asyncio.wait_for(aw, seconds)
    except Exception:  # TimeoutError, but also the work's own ValueError
        return None


adopt(_reference, globals())  # the rest is the reference's
