"""Keeps each socket registered for EVENT_WRITE after its message is sent: select() never waits."""
# expect: busy_wait
from __future__ import annotations

import selectors
import socket

from solutions.ex06_nonblocking_client import echo_client as _reference
from solutions.ex06_nonblocking_client.echo_client import *  # noqa: F403
from solutions.ex06_nonblocking_client.echo_client import _check_connected, _receive
from tests.support.variant import variant


def _send(selector, exchange, message):
    if getattr(exchange, "shut", False):
        return  # writable again (a connected socket nearly always is): nothing left to send
    try:
        exchange.sent += exchange.sock.send(message[exchange.sent :])
    except (BlockingIOError, InterruptedError):
        return
    if exchange.sent == len(message):
        exchange.sock.shutdown(socket.SHUT_WR)
        exchange.shut = True
        # adds EVENT_READ, but leaves EVENT_WRITE registered
        selector.modify(exchange.sock, selectors.EVENT_READ | selectors.EVENT_WRITE, exchange)


def _handle(selector, exchange, mask, message):
    if not exchange.connected:
        _check_connected(exchange)
    if mask & selectors.EVENT_WRITE:
        _send(selector, exchange, message)
    return bool(mask & selectors.EVENT_READ) and _receive(selector, exchange)


echo_all = variant(_reference, _send=_send, _handle=_handle).echo_all
