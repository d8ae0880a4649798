"""Threads append each code when its answer arrives: completion order, not input order."""
# expect: completion_order
from __future__ import annotations

import threading

from solutions.ex04_threaded_io.status_codes import *  # noqa: F403
from solutions.ex04_threaded_io.status_codes import _fetch_one


def fetch_status_codes(urls, timeout=10.0):
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
