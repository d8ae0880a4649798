"""Passes the timeout positionally: urlopen(url, timeout) makes it the request body (data)."""
# expect: timeout_as_data
from __future__ import annotations

import urllib.error
import urllib.request

from solutions.ex04_threaded_io import status_codes as _reference
from tests.support.variant import adopt


def _status(url: str, timeout: float) -> int:
    try:
        with urllib.request.urlopen(url, timeout) as response:  # type: ignore[arg-type]
            return int(response.status)
    except urllib.error.HTTPError as error:
        with error:
            return error.code


adopt(_reference, globals())  # the rest is the reference's
