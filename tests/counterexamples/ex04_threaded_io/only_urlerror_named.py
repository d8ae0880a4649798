"""Names the URL only in a URLError: a timeout while waiting for the answer escapes unnamed."""
# expect: timeout_no_url
from __future__ import annotations

import urllib.error

from solutions.ex04_threaded_io import status_codes as _reference
from solutions.ex04_threaded_io.status_codes import _status
from tests.support.variant import adopt


def _fetch_one(url: str, timeout: float) -> int:
    try:
        return _status(url, timeout)
    except urllib.error.URLError as error:  # refused, unknown host...: but not a read timeout
        raise OSError(f"could not fetch {url}: {error.reason}") from error


adopt(_reference, globals())  # the rest is the reference's
