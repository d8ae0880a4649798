"""One thread per URL, but each is joined right after it is started."""
# expect: joined_one_by_one
from __future__ import annotations

import threading

from solutions.ex04_threaded_io.status_codes import *  # noqa: F403
from solutions.ex04_threaded_io.status_codes import _fetch_one


def fetch_status_codes(urls, timeout=10.0):
    codes: list[int] = [0] * len(urls)

    def fetch(i: int) -> None:
        codes[i] = _fetch_one(urls[i], timeout)

    for i in range(len(urls)):
        thread = threading.Thread(target=fetch, args=(i,))
        thread.start()
        thread.join()
    return codes
