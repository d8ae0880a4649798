"""Closes the sockets only when every reply arrived, not on a timeout or an error."""
# expect: sockets_left_open
from __future__ import annotations

import selectors
import time

from solutions.ex06_nonblocking_client.echo_client import *  # noqa: F403
from solutions.ex06_nonblocking_client.echo_client import _connect, _converse


def echo_all(servers, message, timeout=10.0):
    deadline = time.monotonic() + timeout
    selector = selectors.DefaultSelector()
    exchanges = [_connect(selector, address) for address in servers]
    _converse(selector, exchanges, memoryview(message), deadline, timeout)
    # Only reached when every reply came back: a timeout or a refusal skips it.
    for exchange in exchanges:
        exchange.sock.close()
    selector.close()
    return [bytes(exchange.reply) for exchange in exchanges]
