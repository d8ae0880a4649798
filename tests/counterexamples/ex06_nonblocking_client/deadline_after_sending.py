"""Starts the timeout again once every message is sent, as if sending took no time."""
# expect: timeout_restarted
from __future__ import annotations

import time

from solutions.ex06_nonblocking_client import echo_client as _reference
from solutions.ex06_nonblocking_client.echo_client import *  # noqa: F403
from solutions.ex06_nonblocking_client.echo_client import _handle
from tests.support.variant import variant


def _converse(selector, exchanges, message, deadline, timeout):
    unfinished = len(exchanges)
    restarted = False
    while unfinished:
        if not restarted and all(e.sent == len(message) for e in exchanges):
            deadline = time.monotonic() + timeout  # "now the servers get the full timeout"
            restarted = True
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"{unfinished} server(s) had not answered after {timeout} s")
        for key, mask in selector.select(remaining):
            if _handle(selector, key.data, mask, message):
                unfinished -= 1


echo_all = variant(_reference, _converse=_converse).echo_all
