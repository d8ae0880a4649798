"""Right answer: select.select() over dicts of per-socket bytearrays (del buf[:n]), no selectors.

Exercise 06 — a non-blocking echo client.

One thread can talk to many servers at once when no call is allowed to block:
sockets in non-blocking mode return at once, and a *selector* (epoll on Linux,
kqueue on macOS) tells the thread which sockets are ready. That loop, "wait
for readiness, then do what is ready", is the heart of every event loop.

Task 1: ``echo_all`` — talk to every server at once from one thread.
Task 2: ``echo_all`` — give up in time, report refused connections, close everything.

Check your work with ``nox -s check-ex06``.
"""

from __future__ import annotations

import errno
import select
import socket
import time
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
    deadline = time.monotonic() + timeout
    socks: list[socket.socket] = []
    try:
        index: dict[socket.socket, int] = {}
        pending: dict[socket.socket, bytearray] = {}  # what is still to send
        connected: set[socket.socket] = set()
        replies = [bytearray() for _ in servers]
        reading: set[socket.socket] = set()
        for i, (host, port) in enumerate(servers):
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            socks.append(sock)
            sock.setblocking(False)
            code = sock.connect_ex((host, port))
            if code not in (0, errno.EINPROGRESS, errno.EAGAIN, errno.EWOULDBLOCK):
                raise ConnectionRefusedError(code, f"cannot connect to {host}:{port}")
            index[sock] = i
            pending[sock] = bytearray(message)
        writing = set(pending)
        while writing or reading:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no complete reply within {timeout} s")
            readable, writable, _ = select.select(list(reading), list(writing), [], left)
            for sock in writable:
                host, port = servers[index[sock]]
                if sock not in connected:
                    err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                    if err:
                        raise ConnectionRefusedError(err, f"cannot connect to {host}:{port}")
                    connected.add(sock)
                buf = pending[sock]
                if buf:
                    try:
                        sent = sock.send(buf)
                    except BlockingIOError:
                        continue
                    del buf[:sent]
                if not buf:
                    sock.shutdown(socket.SHUT_WR)
                    writing.discard(sock)
                    reading.add(sock)
            for sock in readable:
                try:
                    data = sock.recv(CHUNK)
                except BlockingIOError:
                    continue
                if data:
                    replies[index[sock]] += data
                else:
                    reading.discard(sock)
        return [bytes(r) for r in replies]
    finally:
        for sock in socks:
            sock.close()
