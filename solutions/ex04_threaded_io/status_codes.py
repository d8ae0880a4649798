"""Exercise 04 — threads for I/O-bound work (reference solution).

Task 1: ``fetch_status_codes`` returns the right status codes (4xx/5xx too) and
        reports a failed connection with the URL.
Task 2: ``fetch_status_codes`` sends all the requests at the same time, each
        from a thread of its own.
"""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from collections.abc import Sequence


def _status(url: str, timeout: float) -> int:
    """GET ``url`` and return the status code of the answer, whatever it is."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        # 4xx/5xx arrive as an exception, but they are answers: the code is the result.
        with error:
            return error.code


def _fetch_one(url: str, timeout: float) -> int:
    """``_status``, but a request that got no answer fails with an error naming the URL."""
    try:
        return _status(url, timeout)
    except OSError as error:  # URLError, refused, timed out...: say which URL failed
        reason = getattr(error, "reason", error)
        raise OSError(f"could not fetch {url}: {reason}") from error


def fetch_status_codes(urls: Sequence[str], timeout: float = 10.0) -> list[int]:
    """GET every URL, all at the same time (one thread per URL), and return the status codes."""
    # One slot per URL: the order of the results follows `urls`, whatever finishes first.
    codes: list[int] = [0] * len(urls)
    errors: list[BaseException | None] = [None] * len(urls)

    def fetch(index: int) -> None:
        try:
            codes[index] = _fetch_one(urls[index], timeout)
        except BaseException as error:  # kept for the caller, re-raised after the joins
            errors[index] = error

    threads = [threading.Thread(target=fetch, args=(i,)) for i in range(len(urls))]
    # Start every thread before joining any: while one waits on its socket it releases
    # the GIL, so all the requests are in flight at the same time.
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for error in errors:
        if error is not None:
            raise error
    return codes
