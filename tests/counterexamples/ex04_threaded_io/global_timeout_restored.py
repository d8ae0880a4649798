"""Sets socket's default timeout for the duration of the call and puts it back after."""
# expect: global_timeout_during
from __future__ import annotations

import socket
from collections.abc import Sequence

from solutions.ex04_threaded_io import status_codes as _reference
from tests.support.variant import adopt


def fetch_status_codes(urls: Sequence[str], timeout: float = 10.0) -> list[int]:
    before = socket.getdefaulttimeout()
    socket.setdefaulttimeout(timeout)  # for every thread of the program, while it lasts
    try:
        return _reference.fetch_status_codes(urls, timeout)
    finally:
        socket.setdefaulttimeout(before)


adopt(_reference, globals())  # the rest is the reference's
