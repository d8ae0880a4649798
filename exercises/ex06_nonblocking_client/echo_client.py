"""Exercise 06 — a non-blocking echo client.

One thread can talk to many servers at once when no call is allowed to block:
sockets in non-blocking mode return at once, and a *selector* (epoll on Linux,
kqueue on macOS) tells the thread which sockets are ready. That loop, "wait
for readiness, then do what is ready", is the heart of every event loop.

Task 1: ``echo_all`` — talk to every server at once from one thread.
Task 2: ``echo_all`` — give up in time, report refused connections, close everything.

Check your work with ``nox -s check-ex06``.
"""

from __future__ import annotations

import selectors  # noqa: F401  (you will need these)
import socket  # noqa: F401
import time  # noqa: F401
from collections.abc import Sequence

CHUNK = 64 * 1024  # bytes to read per recv() call


def echo_all(
    servers: Sequence[tuple[str, int]], message: bytes, timeout: float = 10.0
) -> list[bytes]:
    """Send ``message`` to every server at once and return their replies in input order.

    For each ``(host, port)`` in ``servers``: connect, send all of ``message``, shut
    down the write side (``sock.shutdown(socket.SHUT_WR)``) so the server knows the
    message is complete, then read until the server closes the connection. The reply
    of ``servers[i]`` is ``result[i]``.

    Rules: one thread, no asyncio; every socket non-blocking; one selector drives
    every connect, send and receive. ``send()`` may take only part of the data.
    Raise ``TimeoutError`` when not done ``timeout`` seconds after the call started,
    and a ``ConnectionError`` naming the address when a server refuses. Every socket
    is closed when this returns or raises.
    """
    # TODO (task 1): create one socket per server, make it non-blocking
    #       (sock.setblocking(False)) and start connecting with sock.connect_ex(address).
    # TODO (task 1): register each socket with a selectors.DefaultSelector() for
    #       EVENT_WRITE: it becomes writable when the connection is made.
    # TODO (task 1): loop on selector.select(): when a socket is writable, send the next
    #       part of the message and remember how much send() took; once all is sent,
    #       shut down the write side and switch to EVENT_READ (selector.modify).
    # TODO (task 1): when readable, recv() and append to that server's reply; b"" means
    #       the server closed: that reply is complete. Stop when every reply is complete.
    # TODO (task 2): one deadline for the whole call; give select() the time left and
    #       raise TimeoutError when it runs out.
    # TODO (task 2): after a connect, check sock.getsockopt(socket.SOL_SOCKET,
    #       socket.SO_ERROR); not 0 means it failed: raise a ConnectionError naming the
    #       address.
    # TODO (task 2): close the selector and every socket in a `finally:` block.
    raise NotImplementedError("task 1: echo_all — see exercises/ex06_nonblocking_client/README.md")
