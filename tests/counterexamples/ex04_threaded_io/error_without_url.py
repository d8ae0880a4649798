"""Lets urllib's URLError through: the message never says which URL failed."""
# expect: refused_no_url
from __future__ import annotations

from solutions.ex04_threaded_io import status_codes as _reference
from solutions.ex04_threaded_io.status_codes import *  # noqa: F403
from tests.support.variant import variant

# Each thread returns _status() as it is: no error is wrapped with its URL.
fetch_status_codes = variant(_reference, _fetch_one=_reference._status).fetch_status_codes
