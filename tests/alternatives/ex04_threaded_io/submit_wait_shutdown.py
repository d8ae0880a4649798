"""Right answer: submit-all to a per-URL executor, futures.wait, then results in input order.

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

import urllib.error
import urllib.request
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait


def _one(url: str, timeout: float) -> int:
    try:
        response = urllib.request.urlopen(url, timeout=timeout)
    except urllib.error.HTTPError as error:
        code = error.code
        error.close()
        return code
    except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
        raise ConnectionError(f"GET {url} failed: {error}") from error
    with response:
        return int(response.status)


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
    pool = ThreadPoolExecutor(max_workers=max(1, len(urls)), thread_name_prefix="fetch")
    try:
        futures: list[Future[int]] = [pool.submit(_one, url, timeout) for url in urls]
        wait(futures)  # every request has an answer or an error now
    finally:
        pool.shutdown(wait=True)
    return [future.result() for future in futures]
