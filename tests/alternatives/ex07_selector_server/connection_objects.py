"""Right answer: one object per connection, writes only on EVENT_WRITE, no back-pressure limit.

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

CHUNK = 64 * 1024  # bytes to read per recv() call


class _Connection:
    """A client, the bytes it is owed, and whether it has stopped sending."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.owed = bytearray()
        self.finished_sending = False

    def wanted_events(self) -> int:
        events = 0 if self.finished_sending else selectors.EVENT_READ
        return events | (selectors.EVENT_WRITE if self.owed else 0)


class EchoServer:
    """Echoes every byte back to the client that sent it, in one thread.

    >>> server = EchoServer("127.0.0.1", 0)   # port 0: the OS picks a free port
    >>> server.address                        # doctest: +SKIP
    ('127.0.0.1', 53817)
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.listener = socket.socket()
        self.listener.bind((host, port))
        self.listener.listen()
        self.listener.setblocking(False)
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.listener, selectors.EVENT_READ, None)
        self.stop_requested = threading.Event()
        self.loop_done = threading.Event()
        self.waker, self.wake_sender = socket.socketpair()
        self.waker.setblocking(False)
        self.selector.register(self.waker, selectors.EVENT_READ, "wake")
        self.connections: set[_Connection] = set()
        self.served = False

    @property
    def address(self) -> tuple[str, int]:
        """The (host, port) the server listens on (the real port, also when 0 was asked)."""
        host, port = self.listener.getsockname()
        return host, port

    def serve_forever(self) -> None:
        """Run the event loop in the calling thread until :meth:`shutdown` is called.

        Before returning, close every socket: the listener, every client, the selector.
        """
        self.served = True
        try:
            while not self.stop_requested.is_set():
                for key, mask in self.selector.select():
                    if key.data is None:
                        self._accept_all()
                    elif key.data == "wake":
                        with contextlib.suppress(OSError):
                            self.waker.recv(100)
                    else:
                        self._handle_client(key, mask)
        finally:
            self._close()

    def shutdown(self) -> None:
        """Stop :meth:`serve_forever` from another thread; it returns within 0.5 s."""
        self.stop_requested.set()
        if not self.served:
            self._close()
            return
        with contextlib.suppress(OSError):
            self.wake_sender.send(b"x")
        self.loop_done.wait(5.0)

    def _close(self) -> None:
        for conn in list(self.connections):
            self._drop(conn)
        self.selector.close()
        for sock in (self.listener, self.waker, self.wake_sender):
            sock.close()
        self.loop_done.set()

    def _accept_all(self) -> None:
        while True:
            try:
                sock, _ = self.listener.accept()
            except (BlockingIOError, InterruptedError):
                return
            sock.setblocking(False)
            conn = _Connection(sock)
            self.connections.add(conn)
            self.selector.register(sock, selectors.EVENT_READ, conn)

    def _handle_client(self, key: selectors.SelectorKey, mask: int) -> None:
        """One client socket is ready (``mask``: EVENT_READ and/or EVENT_WRITE)."""
        conn: _Connection = key.data
        try:
            if mask & selectors.EVENT_WRITE and conn.owed:
                with contextlib.suppress(BlockingIOError):
                    sent = conn.sock.send(conn.owed)
                    del conn.owed[:sent]
            if mask & selectors.EVENT_READ:
                with contextlib.suppress(BlockingIOError):
                    data = conn.sock.recv(CHUNK)
                    if data:
                        conn.owed += data
                    else:
                        conn.finished_sending = True
        except OSError:
            self._drop(conn)
            return
        events = conn.wanted_events()
        if not events:  # finished sending and owed nothing: done
            self._drop(conn)
        elif events != key.events:
            self.selector.modify(conn.sock, events, conn)

    def _drop(self, conn: _Connection) -> None:
        self.connections.discard(conn)
        with contextlib.suppress(KeyError, ValueError):
            self.selector.unregister(conn.sock)
        conn.sock.close()
