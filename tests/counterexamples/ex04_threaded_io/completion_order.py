"""Threads append each code when its answer arrives: completion order, not input order."""
# expect: completion_order
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
    codes: list[int] = []
    lock = threading.Lock()

    def fetch(url: str) -> None:
        code = _fetch_one(url, timeout)
        with lock:
            codes.append(code)

    threads = [threading.Thread(target=fetch, args=(url,)) for url in urls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return codes
