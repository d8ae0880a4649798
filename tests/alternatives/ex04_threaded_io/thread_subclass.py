"""Right answer: a Thread subclass per URL holding its code or error; Request objects.

Exercise 04 — threads for I/O-bound work.

While a thread waits for a network answer it does not hold the GIL, so other
threads run meanwhile: N requests made from N threads take about as long as
the slowest one, not as long as all of them together.

Task 1: ``fetch_status_codes`` returns the right status codes (4xx/5xx too) and
        reports a failed connection with the URL.
Task 2: ``fetch_status_codes`` sends all the requests at the same time, each
        from a thread of its own.

Check your work with ``nox -s check-ex04``.
"""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from collections.abc import Sequence


class _Fetcher(threading.Thread):
    def __init__(self, url: str, timeout: float) -> None:
        super().__init__(name=f"fetch {url}")
        self.url = url
        self.timeout = timeout
        self.code: int | None = None
        self.error: OSError | None = None

    def run(self) -> None:
        request = urllib.request.Request(self.url, method="GET")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                self.code = response.getcode()
        except urllib.error.HTTPError as answer:
            with answer:
                self.code = answer.getcode()
        except urllib.error.URLError as failure:
            self.error = OSError(f"cannot reach {self.url}: {failure.reason}")
        except OSError as failure:  # e.g. a timeout while waiting for the answer
            self.error = OSError(f"no answer from {self.url}: {failure}")


def fetch_status_codes(urls: Sequence[str], timeout: float = 10.0) -> list[int]:
    """GET every URL, all at the same time (one thread per URL), and return the status codes.

    * The codes come back in the order of ``urls``, not in the order the answers arrive.
    * An answer like 404 or 503 is a status code like any other: return it
      (``urllib.request.urlopen`` raises ``urllib.error.HTTPError`` for it; its
      ``.code`` is the status).
    * If a URL cannot be reached at all (connection refused, timed out...), raise
      an ``OSError`` whose message contains that URL — after every thread has finished.
    * ``timeout`` (seconds) is passed to every ``urlopen`` call.
    * No thread started here may still be alive when this returns.

    >>> fetch_status_codes([])
    []
    """
    fetchers = [_Fetcher(url, timeout) for url in urls]
    for fetcher in fetchers:
        fetcher.start()
    for fetcher in fetchers:
        fetcher.join()
    codes: list[int] = []
    for fetcher in fetchers:
        if fetcher.error is not None:
            raise fetcher.error
        assert fetcher.code is not None
        codes.append(fetcher.code)
    return codes
