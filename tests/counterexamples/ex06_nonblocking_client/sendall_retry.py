"""Calls sendall() on the non-blocking socket and calls it again after BlockingIOError."""
# expect: sent_twice
from __future__ import annotations

import selectors
import socket

from solutions.ex06_nonblocking_client import echo_client as _reference
from solutions.ex06_nonblocking_client.echo_client import *  # noqa: F403
from tests.support.variant import variant


def _send(selector, exchange, message):
    try:
        exchange.sock.sendall(message)  # sends part, then raises once the buffer is full
    except (BlockingIOError, InterruptedError):
        return  # next time it is writable, sendall() starts again from the first byte
    exchange.sent = len(message)
    exchange.sock.shutdown(socket.SHUT_WR)
    selector.modify(exchange.sock, selectors.EVENT_READ, exchange)


echo_all = variant(_reference, _send=_send).echo_all
