"""Raises the first error as soon as it happens, while other requests are still waiting."""
# expect: raised_early
from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed


def _fetch_one(url: str, timeout: float) -> int:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        with error:
            return error.code
    except OSError as error:
        raise OSError(f"{url}: {error}") from error


def fetch_status_codes(urls: Sequence[str], timeout: float = 10.0) -> list[int]:
    pool = ThreadPoolExecutor(max_workers=max(1, len(urls)))
    futures = [pool.submit(_fetch_one, url, timeout) for url in urls]
    try:
        for future in as_completed(futures):
            future.result()
    finally:
        pool.shutdown(wait=False)
    return [f.result() for f in futures]
