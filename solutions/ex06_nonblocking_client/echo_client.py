"""Exercise 06 — a non-blocking echo client (reference solution).

Task 1: ``echo_all`` — talk to every server at once from one thread.
Task 2: ``echo_all`` — give up in time, report refused connections, close everything.
"""

from __future__ import annotations

import errno
import os
import selectors
import socket
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

CHUNK = 64 * 1024  # bytes read per recv() call


@dataclass(eq=False)
class _Exchange:
    """Where one conversation stands: how much is sent, what came back."""

    address: tuple[str, int]
    sock: socket.socket
    connected: bool = False
    sent: int = 0
    reply: bytearray = field(default_factory=bytearray)


def _where(address: tuple[str, int]) -> str:
    return f"{address[0]}:{address[1]}"


def echo_all(
    servers: Sequence[tuple[str, int]], message: bytes, timeout: float = 10.0
) -> list[bytes]:
    """Send ``message`` to every server at once and return their replies in input order."""
    deadline = time.monotonic() + timeout
    selector = selectors.DefaultSelector()
    exchanges: list[_Exchange] = []
    try:
        # Start every connection first, then serve them all in one loop.
        for address in servers:
            exchanges.append(_connect(selector, address))
        _converse(selector, exchanges, memoryview(message), deadline, timeout)
        return [bytes(exchange.reply) for exchange in exchanges]
    finally:
        # Whatever happened (success, timeout, refusal), no socket stays open.
        selector.close()
        for exchange in exchanges:
            exchange.sock.close()


def _connect(selector: selectors.BaseSelector, address: tuple[str, int]) -> _Exchange:
    """Start connecting without waiting, and watch the socket for the end of the handshake."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    exchange = _Exchange(tuple(address), sock)  # type: ignore[arg-type]
    sock.setblocking(False)
    # connect_ex on a non-blocking socket returns at once (EINPROGRESS); the socket
    # becomes writable when the handshake is over.
    code = sock.connect_ex(exchange.address)
    if code not in (0, errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EAGAIN):
        sock.close()
        raise OSError(code, f"{os.strerror(code)} ({_where(exchange.address)})")
    selector.register(sock, selectors.EVENT_WRITE, exchange)
    return exchange


def _converse(
    selector: selectors.BaseSelector,
    exchanges: list[_Exchange],
    message: memoryview,
    deadline: float,
    timeout: float,
) -> None:
    """Move every exchange on as its socket gets ready, until every reply is complete."""
    unfinished = len(exchanges)
    while unfinished:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(
                f"{unfinished} of {len(exchanges)} server(s) had not answered after {timeout} s"
            )
        # The one place this thread waits: the OS wakes us when a socket is ready.
        for key, mask in selector.select(remaining):
            if _handle(selector, key.data, mask, message):
                unfinished -= 1


def _handle(
    selector: selectors.BaseSelector, exchange: _Exchange, mask: int, message: memoryview
) -> bool:
    """Move one exchange on by what its socket is ready for; True once its reply is complete."""
    if not exchange.connected:
        _check_connected(exchange)
    if mask & selectors.EVENT_WRITE:
        _send(selector, exchange, message)
        return False
    return bool(mask & selectors.EVENT_READ) and _receive(selector, exchange)


def _check_connected(exchange: _Exchange) -> None:
    """Writable after connect: did the handshake succeed?"""
    code = exchange.sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
    if code:
        # OSError(ECONNREFUSED, ...) is built as a ConnectionRefusedError.
        raise OSError(code, f"{os.strerror(code)} ({_where(exchange.address)})")
    exchange.connected = True


def _send(selector: selectors.BaseSelector, exchange: _Exchange, message: memoryview) -> None:
    """Send what the socket takes now; once all is sent, shut our side and read the reply."""
    try:
        # send() takes only what fits in the socket's buffer: remember how far we got
        # and continue when the socket is writable again.
        exchange.sent += exchange.sock.send(message[exchange.sent :])
    except (BlockingIOError, InterruptedError):
        return
    if exchange.sent == len(message):
        exchange.sock.shutdown(socket.SHUT_WR)  # tells the server we are done
        selector.modify(exchange.sock, selectors.EVENT_READ, exchange)


def _receive(selector: selectors.BaseSelector, exchange: _Exchange) -> bool:
    """Read what arrived; True once the server has closed, so the reply is complete."""
    try:
        data = exchange.sock.recv(CHUNK)
    except (BlockingIOError, InterruptedError):
        return False
    if data:
        exchange.reply += data
        return False
    selector.unregister(exchange.sock)
    return True
