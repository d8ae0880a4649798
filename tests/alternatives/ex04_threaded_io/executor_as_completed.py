"""Right answer: a per-URL ThreadPoolExecutor; as_completed fills slots by index, errors kept.

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
from concurrent.futures import Future, ThreadPoolExecutor, as_completed


def _get_code(url: str, timeout: float) -> int:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as answer:
        answer.close()
        return answer.code
    except OSError as failure:
        raise OSError(f"{url}: {failure}") from failure


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
    codes: list[int] = [0] * len(urls)
    errors: list[BaseException | None] = [None] * len(urls)
    if not urls:
        return codes
    with ThreadPoolExecutor(max_workers=len(urls)) as pool:
        index_of: dict[Future[int], int] = {
            pool.submit(_get_code, url, timeout): i for i, url in enumerate(urls)
        }
        for future in as_completed(index_of):
            i = index_of[future]
            try:
                codes[i] = future.result()
            except BaseException as failure:  # kept: raised once every request is done
                errors[i] = failure
    for error in errors:
        if error is not None:
            raise error
    return codes
