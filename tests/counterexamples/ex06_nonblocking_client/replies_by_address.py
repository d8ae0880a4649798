"""Keeps one reply per address: the same server twice shares one reply buffer."""
# expect: same_server_twice
from __future__ import annotations

import selectors
import time

from solutions.ex06_nonblocking_client import echo_client as _reference
from solutions.ex06_nonblocking_client.echo_client import _connect, _converse
from tests.support.variant import adopt


def echo_all(servers, message, timeout=10.0):
    deadline = time.monotonic() + timeout
    selector = selectors.DefaultSelector()
    exchanges = []
    replies = {}  # address -> reply
    try:
        for address in servers:
            exchange = _connect(selector, address)
            exchange.reply = replies.setdefault(tuple(address), bytearray())
            exchanges.append(exchange)
        _converse(selector, exchanges, memoryview(message), deadline, timeout)
        return [bytes(replies[tuple(address)]) for address in servers]
    finally:
        selector.close()
        for exchange in exchanges:
            exchange.sock.close()


adopt(_reference, globals())  # the rest is the reference's
