"""Never shuts down its write side: the servers wait for the rest of the message."""
# expect: no_shutdown
from __future__ import annotations

import selectors

from solutions.ex06_nonblocking_client import echo_client as _reference
from solutions.ex06_nonblocking_client.echo_client import *  # noqa: F403
from tests.support.variant import variant


def _send(selector, exchange, message):
    try:
        exchange.sent += exchange.sock.send(message[exchange.sent :])
    except (BlockingIOError, InterruptedError):
        return
    if exchange.sent == len(message):
        # all sent, but the server is never told the message is over (no shutdown)
        selector.modify(exchange.sock, selectors.EVENT_READ, exchange)


echo_all = variant(_reference, _send=_send).echo_all
