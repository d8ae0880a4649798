"""Collects the replies in the order the servers finish."""
# expect: wrong_replies
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
    view = memoryview(message)
    selector = selectors.DefaultSelector()
    exchanges: list[_Exchange] = []
    try:
        # Start every connection first. connect_ex on a non-blocking socket returns at
        # once (EINPROGRESS); the socket becomes writable when the handshake is over.
        for address in servers:
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            exchange = _Exchange(tuple(address), sock)  # type: ignore[arg-type]
            exchanges.append(exchange)
            sock.setblocking(False)
            code = sock.connect_ex(exchange.address)
            if code not in (0, errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EAGAIN):
                raise OSError(code, f"{os.strerror(code)} ({_where(exchange.address)})")
            selector.register(sock, selectors.EVENT_WRITE, exchange)

        unfinished = len(exchanges)
        finished: list[bytes] = []
        while unfinished:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(
                    f"{unfinished} of {len(exchanges)} server(s) had not answered "
                    f"after {timeout} s"
                )
            # The one place this thread waits: the OS wakes us when a socket is ready.
            for key, mask in selector.select(remaining):
                exchange = key.data
                sock = exchange.sock
                if not exchange.connected:
                    # Writable after connect: did the handshake succeed?
                    code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                    if code:
                        # OSError(ECONNREFUSED, ...) is built as a ConnectionRefusedError.
                        raise OSError(code, f"{os.strerror(code)} ({_where(exchange.address)})")
                    exchange.connected = True
                if mask & selectors.EVENT_WRITE:
                    try:
                        # send() takes only what fits in the socket's buffer: remember
                        # how far we got and continue when the socket is writable again.
                        exchange.sent += sock.send(view[exchange.sent :])
                    except (BlockingIOError, InterruptedError):
                        continue
                    if exchange.sent == len(message):
                        sock.shutdown(socket.SHUT_WR)  # tells the server we are done
                        selector.modify(sock, selectors.EVENT_READ, exchange)
                elif mask & selectors.EVENT_READ:
                    try:
                        data = sock.recv(CHUNK)
                    except (BlockingIOError, InterruptedError):
                        continue
                    if data:
                        exchange.reply += data
                    else:  # the server closed: this reply is complete
                        selector.unregister(sock)
                        unfinished -= 1
                        finished.append(bytes(exchange.reply))
        return finished
    finally:
        # Whatever happened (success, timeout, refusal), no socket stays open.
        selector.close()
        for exchange in exchanges:
            exchange.sock.close()
