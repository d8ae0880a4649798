"""Exercise 07 — a single-threaded echo server with selectors (reference solution).

Task 1: ``EchoServer(host, port)`` and ``address`` — a listening, non-blocking socket.
Task 2: ``serve_forever`` and ``shutdown`` — the event loop, and stopping it from outside.
Task 3: echo — read what is ready, buffer the output, write it when the socket is writable.
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import threading

CHUNK = 64 * 1024  # bytes read per recv() call
HIGH_WATER = 1 << 20  # stop reading a client that has this much output waiting


class _Client:
    """One connection and the bytes still to be written back to it."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.outbox = bytearray()
        self.reading = True  # False once the client shut down its write side


class EchoServer:
    """Echoes every byte back to the client that sent it, in one thread."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self._selector = selectors.DefaultSelector()
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        # The self-pipe trick: shutdown() writes a byte here to wake select() at once.
        self._wake_r, self._wake_w = socket.socketpair()
        self._stop = threading.Event()
        self._serving = threading.Event()
        self._done = threading.Event()
        self._clients: dict[socket.socket, _Client] = {}
        try:
            self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self._listener.bind((host, port))
            self._listener.listen()
            # accept() must never block the loop: it is called only when the selector
            # says a connection is waiting, and returns at once otherwise.
            self._listener.setblocking(False)
            self._wake_r.setblocking(False)
            self._wake_w.setblocking(False)
            self._selector.register(self._listener, selectors.EVENT_READ, "accept")
            self._selector.register(self._wake_r, selectors.EVENT_READ, "wake")
        except BaseException:
            self._close_all()
            raise

    @property
    def address(self) -> tuple[str, int]:
        host, port = self._listener.getsockname()[:2]
        return host, port

    def serve_forever(self) -> None:
        """Run the event loop in the calling thread until :meth:`shutdown` is called."""
        self._serving.set()
        try:
            while not self._stop.is_set():
                # The only place this thread waits; no timeout needed thanks to the wake-up.
                for key, mask in self._selector.select():
                    self._dispatch(key, mask)
        finally:
            self._close_all()
            self._done.set()

    def shutdown(self) -> None:
        """Stop :meth:`serve_forever` (call it from another thread) and wait until it ends."""
        self._stop.set()
        if not self._serving.is_set():
            self._close_all()  # never served: nothing to wait for
            return
        with contextlib.suppress(OSError):
            self._wake_w.send(b"\0")
        self._done.wait(5)

    # -- the handlers ------------------------------------------------------------------------
    def _dispatch(self, key: selectors.SelectorKey, mask: int) -> None:
        """Hand one ready socket to its handler: the listener, the wake-up pipe or a client."""
        if key.data == "accept":
            self._accept()
        elif key.data == "wake":
            with contextlib.suppress(BlockingIOError):
                self._wake_r.recv(64)
        else:
            self._serve(key.data, mask)

    def _accept(self) -> None:
        try:
            sock, _ = self._listener.accept()
        except (BlockingIOError, InterruptedError):
            return  # another handler already took it
        sock.setblocking(False)
        client = _Client(sock)
        self._clients[sock] = client
        self._selector.register(sock, selectors.EVENT_READ, client)

    def _serve(self, client: _Client, mask: int) -> None:
        if mask & selectors.EVENT_READ:
            self._read(client)
        if mask & selectors.EVENT_WRITE and client.sock in self._clients:
            self._write(client)

    def _read(self, client: _Client) -> None:
        try:
            data = client.sock.recv(CHUNK)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:  # reset by the peer: forget this client, keep serving the others
            self._drop(client)
            return
        self._received(client, data)

    def _received(self, client: _Client, data: bytes) -> None:
        """Buffer what arrived and echo it; empty ``data`` means the client stopped sending."""
        if not data:
            client.reading = False  # the client is done sending; finish writing, then close
            if not client.outbox:
                self._drop(client)
            else:
                self._update(client)
            return
        client.outbox += data
        # Try to write right away; what does not fit waits for EVENT_WRITE.
        self._write(client)

    def _write(self, client: _Client) -> None:
        try:
            sent = client.sock.send(client.outbox)
        except (BlockingIOError, InterruptedError):
            sent = 0
        except OSError:
            self._drop(client)
            return
        del client.outbox[:sent]
        if not client.outbox and not client.reading:
            self._drop(client)
        else:
            self._update(client)

    def _update(self, client: _Client) -> None:
        """Ask for the events this client needs now."""
        events = 0
        # Back-pressure: a client that does not read its echo is not read either.
        if client.reading and len(client.outbox) < HIGH_WATER:
            events |= selectors.EVENT_READ
        if client.outbox:
            events |= selectors.EVENT_WRITE
        if events:
            self._selector.modify(client.sock, events, client)

    def _drop(self, client: _Client) -> None:
        """Unregister first (the selector keys on the file descriptor), then close."""
        if self._clients.pop(client.sock, None) is None:
            return
        with contextlib.suppress(KeyError, ValueError):
            self._selector.unregister(client.sock)
        client.sock.close()

    def _close_all(self) -> None:
        for client in list(self._clients.values()):
            self._drop(client)
        for sock in (self._listener, self._wake_r, self._wake_w):
            sock.close()
        self._selector.close()
