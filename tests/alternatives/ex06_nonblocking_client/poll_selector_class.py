"""Right answer: PollSelector, connect() catching BlockingIOError, and a per-connection class.

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

import selectors
import socket
import time
from collections.abc import Sequence

CHUNK = 64 * 1024  # bytes to read per recv() call


class _Conversation:
    def __init__(self, address: tuple[str, int], message: bytes) -> None:
        self.address = address
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setblocking(False)
        self.out = memoryview(message)
        self.reply = bytearray()
        self.connected = False
        self.done = False

    def name(self) -> str:
        return f"{self.address[0]}:{self.address[1]}"

    def start(self) -> None:
        try:
            self.sock.connect(self.address)
        except BlockingIOError:
            return  # in progress
        except ConnectionError as exc:
            raise type(exc)(exc.errno, f"{exc.strerror}: {self.name()}") from None
        self.connected = True

    def on_writable(self, selector: selectors.BaseSelector) -> None:
        if not self.connected:
            err = self.sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if err:
                raise ConnectionRefusedError(err, f"{self.name()} refused the connection")
            self.connected = True
        while self.out:
            try:
                n = self.sock.send(self.out)
            except BlockingIOError:
                return
            self.out = self.out[n:]
        self.sock.shutdown(socket.SHUT_WR)
        selector.modify(self.sock, selectors.EVENT_READ, self)

    def on_readable(self, selector: selectors.BaseSelector) -> None:
        while True:
            try:
                data = self.sock.recv(CHUNK)
            except BlockingIOError:
                return
            if not data:
                self.done = True
                selector.unregister(self.sock)
                return
            self.reply += data


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
    conversations: list[_Conversation] = []
    with selectors.PollSelector() as selector:
        try:
            for address in servers:
                conv = _Conversation((address[0], address[1]), message)
                conversations.append(conv)
                conv.start()
                selector.register(conv.sock, selectors.EVENT_WRITE, conv)
            while not all(c.done for c in conversations):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"echo_all: timed out after {timeout} s")
                for key, events in selector.select(left):
                    conv = key.data
                    if events & selectors.EVENT_WRITE:
                        conv.on_writable(selector)
                    elif events & selectors.EVENT_READ:
                        conv.on_readable(selector)
            return [bytes(c.reply) for c in conversations]
        finally:
            for c in conversations:
                c.sock.close()
