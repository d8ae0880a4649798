"""A plain loop of urlopen calls: each request waits for the previous answer."""
# expect: sequential
from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Sequence


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
    return [_fetch_one(url, timeout) for url in urls]
