"""Uses asyncio streams instead of writing the selector loop."""
# expect: used_asyncio
from __future__ import annotations

import asyncio
from collections.abc import Sequence


async def _one(address: tuple[str, int], message: bytes) -> bytes:
    reader, writer = await asyncio.open_connection(*address)
    try:
        writer.write(message)
        await writer.drain()
        writer.write_eof()
        return await reader.read()
    finally:
        writer.close()
        await writer.wait_closed()


async def _all(servers: Sequence[tuple[str, int]], message: bytes, timeout: float) -> list[bytes]:
    async with asyncio.timeout(timeout):
        return list(await asyncio.gather(*(_one(a, message) for a in servers)))


def echo_all(
    servers: Sequence[tuple[str, int]], message: bytes, timeout: float = 10.0
) -> list[bytes]:
    return asyncio.run(_all(servers, message, timeout))
