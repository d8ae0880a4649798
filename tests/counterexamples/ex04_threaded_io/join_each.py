"""One thread per URL, but each is joined right after it is started."""
# expect: joined_one_by_one
from __future__ import annotations

import threading
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
    codes: list[int] = [0] * len(urls)

    def fetch(i: int) -> None:
        codes[i] = _fetch_one(urls[i], timeout)

    for i in range(len(urls)):
        thread = threading.Thread(target=fetch, args=(i,))
        thread.start()
        thread.join()
    return codes
