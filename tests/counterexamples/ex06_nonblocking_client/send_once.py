"""Sends the message with one send() call and assumes it all went."""
# expect: partial_send
from __future__ import annotations

import selectors
import socket

from solutions.ex06_nonblocking_client import echo_client as _reference
from solutions.ex06_nonblocking_client.echo_client import *  # noqa: F403
from tests.support.variant import variant


def _send(selector, exchange, message):
    exchange.sock.send(message)  # surely it all went out in one go
    exchange.sent = len(message)
    exchange.sock.shutdown(socket.SHUT_WR)
    selector.modify(exchange.sock, selectors.EVENT_READ, exchange)


echo_all = variant(_reference, _send=_send).echo_all
