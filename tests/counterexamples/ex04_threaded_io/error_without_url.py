"""Lets urllib's URLError through: the message never says which URL failed."""
# expect: refused_no_url
from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor


def _fetch_one(url: str, timeout: float) -> int:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        with error:
            return error.code


def fetch_status_codes(urls: Sequence[str], timeout: float = 10.0) -> list[int]:
    with ThreadPoolExecutor(max_workers=max(1, len(urls))) as pool:
        return list(pool.map(lambda url: _fetch_one(url, timeout), urls))
