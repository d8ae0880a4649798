"""Fetches each distinct URL once (a dict of URL -> code): a repeated URL is not GET again."""
# expect: duplicates_merged
from __future__ import annotations

from collections.abc import Sequence

from solutions.ex04_threaded_io import status_codes as _reference
from tests.support.variant import adopt


def fetch_status_codes(urls: Sequence[str], timeout: float = 10.0) -> list[int]:
    unique = list(dict.fromkeys(urls))
    by_url = dict(zip(unique, _reference.fetch_status_codes(unique, timeout), strict=True))
    return [by_url[url] for url in urls]


adopt(_reference, globals())  # the rest is the reference's
