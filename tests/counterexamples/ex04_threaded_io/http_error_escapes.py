"""Concurrent, but a 404 or 500 answer escapes as urllib's HTTPError."""
# expect: http_error_raised
from __future__ import annotations

import urllib.request
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor


def _fetch_one(url: str, timeout: float) -> int:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return int(response.status)


def fetch_status_codes(urls: Sequence[str], timeout: float = 10.0) -> list[int]:
    with ThreadPoolExecutor(max_workers=max(1, len(urls))) as pool:
        return list(pool.map(lambda url: _fetch_one(url, timeout), urls))
