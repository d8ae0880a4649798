"""Right answer: no SO_ERROR check; a refusal raised by send() is re-raised naming the address.

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

import contextlib
import errno
import os
import selectors
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
    start = time.monotonic()
    view = memoryview(message)
    with contextlib.ExitStack() as stack:
        selector = stack.enter_context(selectors.DefaultSelector())
        sent = [0] * len(servers)
        chunks: list[list[bytes]] = [[] for _ in servers]
        socks: list[socket.socket] = []
        for i, (host, port) in enumerate(servers):
            sock = stack.enter_context(socket.socket())
            socks.append(sock)
            sock.setblocking(False)
            code = sock.connect_ex((host, port))  # a later error shows up on send()
            if code == errno.ECONNREFUSED:
                raise ConnectionRefusedError(code, f"{os.strerror(code)} ({host}:{port})")
            selector.register(sock, selectors.EVENT_WRITE, i)
        open_count = len(socks)
        while open_count:
            left = timeout - (time.monotonic() - start)
            if left <= 0:
                raise TimeoutError(f"{open_count} server(s) still silent after {timeout} s")
            for key, events in selector.select(timeout=left):
                i = key.data
                sock = socks[i]
                host, port = servers[i]
                try:
                    if events & selectors.EVENT_WRITE:
                        try:
                            sent[i] += sock.send(view[sent[i]:])
                        except BlockingIOError:
                            continue
                        if sent[i] >= len(view):
                            sock.shutdown(socket.SHUT_WR)
                            selector.modify(sock, selectors.EVENT_READ, i)
                    elif events & selectors.EVENT_READ:
                        try:
                            data = sock.recv(CHUNK)
                        except BlockingIOError:
                            continue
                        if data:
                            chunks[i].append(data)
                        else:
                            selector.unregister(sock)
                            open_count -= 1
                except ConnectionError as exc:
                    raise type(exc)(exc.errno, f"{exc.strerror} ({host}:{port})") from exc
        return [b"".join(parts) for parts in chunks]
    raise AssertionError("unreachable")  # ExitStack does not swallow exceptions
