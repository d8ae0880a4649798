"""Raises the first error as soon as it happens, while other requests are still waiting."""
# expect: raised_early
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor, as_completed

from solutions.ex04_threaded_io.status_codes import *  # noqa: F403
from solutions.ex04_threaded_io.status_codes import _fetch_one


def fetch_status_codes(urls, timeout=10.0):
    pool = ThreadPoolExecutor(max_workers=max(1, len(urls)))
    futures = [pool.submit(_fetch_one, url, timeout) for url in urls]
    try:
        for future in as_completed(futures):
            future.result()
    finally:
        pool.shutdown(wait=False)
    return [f.result() for f in futures]
