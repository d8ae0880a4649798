"""Right answer: select() with a short timeout polls a stop Event (no wake-up pipe); deque outbox.

Exercise 07 — a single-threaded echo server with selectors.

A server that gives each client its own thread pays for every idle client.
This one uses ONE thread: every socket is non-blocking, and a selector
(epoll on Linux, kqueue on macOS) says which of them is ready to accept, to
read or to write. Nothing ever waits except ``selector.select()`` itself.

Task 1: ``EchoServer(host, port)`` and ``address`` — a listening, non-blocking socket.
Task 2: ``serve_forever`` and ``shutdown`` — the event loop, and stopping it from outside.
Task 3: echo — read what is ready, buffer the output, write it when the socket is writable.

Check your work with ``nox -s check-ex07``.
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import threading
from collections import deque

CHUNK = 64 * 1024  # bytes to read per recv() call
TICK = 0.05  # seconds select() waits before looking at the stop flag again


class EchoServer:
    """Echoes every byte back to the client that sent it, in one thread.

    >>> server = EchoServer("127.0.0.1", 0)   # port 0: the OS picks a free port
    >>> server.address                        # doctest: +SKIP
    ('127.0.0.1', 53817)
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._selector = selectors.DefaultSelector()
        try:
            self._listener.bind((host, port))
            self._listener.listen(128)
            self._listener.setblocking(False)
            self._selector.register(self._listener, selectors.EVENT_READ)
        except BaseException:
            self._listener.close()
            self._selector.close()
            raise
        self._stop = threading.Event()
        self._finished = threading.Event()
        self._running = False
        # per client: chunks still to write, and whether it finished sending
        self._outbox: dict[socket.socket, deque[memoryview]] = {}
        self._eof: set[socket.socket] = set()

    @property
    def address(self) -> tuple[str, int]:
        """The (host, port) the server listens on (the real port, also when 0 was asked)."""
        name = self._listener.getsockname()
        return (name[0], name[1])

    def serve_forever(self) -> None:
        """Run the event loop in the calling thread until :meth:`shutdown` is called.

        Before returning, close every socket: the listener, every client, the selector.
        """
        self._running = True
        try:
            while not self._stop.is_set():
                for key, mask in self._selector.select(TICK):
                    if key.fileobj is self._listener:
                        self._accept()
                    else:
                        self._handle_client(key, mask)
        finally:
            for sock in list(self._outbox):
                self._drop(sock)
            with contextlib.suppress(KeyError, ValueError):
                self._selector.unregister(self._listener)
            self._listener.close()
            self._selector.close()
            self._finished.set()

    def shutdown(self) -> None:
        """Stop :meth:`serve_forever` from another thread; it returns within 0.5 s."""
        self._stop.set()
        if self._running:
            self._finished.wait(2.0)
        else:
            self._listener.close()
            self._selector.close()

    def _accept(self) -> None:
        while True:
            try:
                sock, _ = self._listener.accept()
            except BlockingIOError:
                return
            sock.setblocking(False)
            self._outbox[sock] = deque()
            self._selector.register(sock, selectors.EVENT_READ)

    def _handle_client(self, key: selectors.SelectorKey, mask: int) -> None:
        """One client socket is ready (``mask``: EVENT_READ and/or EVENT_WRITE)."""
        sock = key.fileobj
        assert isinstance(sock, socket.socket)
        if mask & selectors.EVENT_READ:
            try:
                data = sock.recv(CHUNK)
            except BlockingIOError:
                data = None
            except OSError:
                self._drop(sock)
                return
            if data == b"":
                self._eof.add(sock)
            elif data:
                self._outbox[sock].append(memoryview(data))
        if not self._flush(sock):
            return
        outbox = self._outbox[sock]
        if not outbox and sock in self._eof:
            self._drop(sock)
            return
        events = 0 if sock in self._eof else selectors.EVENT_READ
        if outbox:
            events |= selectors.EVENT_WRITE
        self._selector.modify(sock, events)

    def _flush(self, sock: socket.socket) -> bool:
        """Write what the socket takes now; False if the client is gone."""
        outbox = self._outbox[sock]
        while outbox:
            try:
                n = sock.send(outbox[0])
            except BlockingIOError:
                return True
            except OSError:
                self._drop(sock)
                return False
            if n < len(outbox[0]):
                outbox[0] = outbox[0][n:]
                return True
            outbox.popleft()
        return True

    def _drop(self, sock: socket.socket) -> None:
        self._outbox.pop(sock, None)
        self._eof.discard(sock)
        with contextlib.suppress(KeyError, ValueError):
            self._selector.unregister(sock)
        sock.close()
