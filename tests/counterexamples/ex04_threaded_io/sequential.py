"""A plain loop of urlopen calls: each request waits for the previous answer."""
# expect: sequential
from __future__ import annotations

from solutions.ex04_threaded_io.status_codes import *  # noqa: F403
from solutions.ex04_threaded_io.status_codes import _fetch_one


def fetch_status_codes(urls, timeout=10.0):
    return [_fetch_one(url, timeout) for url in urls]
