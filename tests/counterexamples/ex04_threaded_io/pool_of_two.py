"""A thread pool with two workers: only two requests are ever in flight."""
# expect: too_few
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from solutions.ex04_threaded_io.status_codes import *  # noqa: F403
from solutions.ex04_threaded_io.status_codes import _fetch_one


def fetch_status_codes(urls, timeout=10.0):
    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(lambda url: _fetch_one(url, timeout), urls))
