"""Returns the bytearrays it collected the replies in, not bytes."""
# expect: not_bytes
from __future__ import annotations

import selectors
import time

from solutions.ex06_nonblocking_client import echo_client as _reference
from solutions.ex06_nonblocking_client.echo_client import *  # noqa: F403
from solutions.ex06_nonblocking_client.echo_client import _connect, _converse
from tests.support.variant import adopt


def echo_all(servers, message, timeout=10.0):
    deadline = time.monotonic() + timeout
    selector = selectors.DefaultSelector()
    exchanges = []
    try:
        for address in servers:
            exchanges.append(_connect(selector, address))
        _converse(selector, exchanges, memoryview(message), deadline, timeout)
        return [exchange.reply for exchange in exchanges]  # bytearray, not bytes
    finally:
        selector.close()
        for exchange in exchanges:
            exchange.sock.close()


adopt(_reference, globals())
