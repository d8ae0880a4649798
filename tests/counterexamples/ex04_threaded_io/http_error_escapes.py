"""Concurrent, but a 404 or 500 answer escapes as urllib's HTTPError."""
# expect: http_error_raised
from __future__ import annotations

import urllib.request

from solutions.ex04_threaded_io import status_codes as _reference
from solutions.ex04_threaded_io.status_codes import *  # noqa: F403
from tests.support.variant import variant


def _fetch_one(url, timeout):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return int(response.status)


fetch_status_codes = variant(_reference, _fetch_one=_fetch_one).fetch_status_codes
