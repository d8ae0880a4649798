"""Sets the timeout process-wide with socket.setdefaulttimeout instead of passing it on."""
# expect: global_timeout
from __future__ import annotations

import socket
import urllib.error
import urllib.request

from solutions.ex04_threaded_io import status_codes as _reference
from tests.support.variant import adopt


def _status(url: str, timeout: float) -> int:
    socket.setdefaulttimeout(timeout)  # every socket urlopen makes from now on gets it
    try:
        with urllib.request.urlopen(url) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        with error:
            return error.code


adopt(_reference, globals())  # the rest is the reference's
