"""Collects the replies in the order the servers finish."""
# expect: wrong_replies
from __future__ import annotations

from solutions.ex06_nonblocking_client import echo_client as _reference
from solutions.ex06_nonblocking_client.echo_client import *  # noqa: F403
from tests.support.variant import variant


def echo_all(servers, message, timeout=10.0):
    finished: list[bytes] = []

    def receive(selector, exchange):
        complete = _reference._receive(selector, exchange)
        if complete:
            finished.append(bytes(exchange.reply))  # in the order the servers finish
        return complete

    variant(_reference, _receive=receive).echo_all(servers, message, timeout)
    return finished
