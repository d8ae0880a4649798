"""Waits in select() without a timeout and never checks a deadline."""
# expect: hang, timeout_late
from __future__ import annotations

from solutions.ex06_nonblocking_client import echo_client as _reference
from solutions.ex06_nonblocking_client.echo_client import *  # noqa: F403
from solutions.ex06_nonblocking_client.echo_client import _handle
from tests.support.variant import variant


def _converse(selector, exchanges, message, deadline, timeout):
    unfinished = len(exchanges)
    while unfinished:
        for key, mask in selector.select():  # waits as long as it takes
            if _handle(selector, key.data, mask, message):
                unfinished -= 1


echo_all = variant(_reference, _converse=_converse).echo_all
