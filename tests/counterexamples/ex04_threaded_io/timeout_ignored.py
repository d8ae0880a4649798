"""Never passes the timeout on to urlopen: a silent server holds the call."""
# expect: timeout_ignored
from __future__ import annotations

from solutions.ex04_threaded_io import status_codes as _reference
from solutions.ex04_threaded_io.status_codes import *  # noqa: F403


def fetch_status_codes(urls, timeout=10.0):
    # timeout=None is what urlopen gets when it is not given one: wait for ever.
    return _reference.fetch_status_codes(urls, timeout=None)
