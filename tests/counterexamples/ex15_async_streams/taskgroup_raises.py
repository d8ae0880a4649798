"""Runs the fetches in a TaskGroup whose tasks let their errors out."""
# expect: raised_group
from __future__ import annotations

import asyncio

from solutions.ex15_async_streams import http_client as _reference
from solutions.ex15_async_streams.http_client import fetch_status_line
from tests.support.variant import adopt


async def fetch_all(targets):
    async with asyncio.TaskGroup() as group:  # one failure cancels the rest and is raised
        tasks = [group.create_task(fetch_status_line(host, port)) for host, port in targets]
    return [task.result() for task in tasks]


adopt(_reference, globals())  # the rest is the reference's
