"""Servers that answer forever, one byte at a time: a client must give up on its own.

:class:`TrickleServers` — ``count`` loopback servers, served by one ``course-trickle``
daemon thread with a selector. Each connection is read from only ``hold`` seconds after
it was accepted (its receive buffer is small, so a message of several MiB cannot be
sent before then), and is sent one byte every ``every`` seconds from the start, never
closing: a client that waits in ``select()`` wakes up every ``every`` seconds and never
gets a complete reply. The servers note, per connection, when it was accepted, how many
bytes came in, when the client's EOF came (it finished sending) and how many bytes
were trickled to it.
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import threading
import time
from dataclasses import dataclass
from types import TracebackType

from tests.support.echo import HOST, Address, listener
from tests.support.timing import scaled


@dataclass(eq=False)
class Trickled:
    """One accepted connection, as the server saw it."""

    sock: socket.socket
    accepted: float  # time.monotonic()
    received: int = 0
    eof_at: float | None = None  # when the client shut down its write side
    sent: int = 0  # bytes trickled to the client
    reading: bool = False
    closed: bool = False


class TrickleServers:
    """``count`` servers that read after ``hold`` s and send a byte every ``every`` s."""

    def __init__(self, count: int, *, hold: float, every: float = 0.1,
                 rcvbuf: int = 64 * 1024) -> None:
        self.hold = hold
        self.every = every
        self.conns: list[Trickled] = []
        self.error: BaseException | None = None
        self._selector = selectors.DefaultSelector()
        self._listeners: list[socket.socket] = []
        self._stop = threading.Event()
        self._wake_r, self._wake_w = socket.socketpair()
        self._thread = threading.Thread(target=self._run, name="course-trickle", daemon=True)
        try:
            for _ in range(count):
                lsock = listener(rcvbuf, 16)
                self._listeners.append(lsock)
                self._selector.register(lsock, selectors.EVENT_READ, None)
            self._wake_r.setblocking(False)
            self._selector.register(self._wake_r, selectors.EVENT_READ, None)
        except BaseException:
            self._close_all()
            raise

    @property
    def addresses(self) -> list[Address]:
        return [(HOST, lsock.getsockname()[1]) for lsock in self._listeners]

    def last_eof(self) -> float | None:
        """When the last of the connections finished sending (None: one never did)."""
        ends = [c.eof_at for c in self.conns]
        if not ends or None in ends:
            return None
        return max(e for e in ends if e is not None)

    def fds(self) -> set[int]:
        """Socket fds that belong to the servers (listeners, connections, wake-up pair)."""
        socks = [*self._listeners, self._wake_r, self._wake_w, *(c.sock for c in self.conns)]
        return {fd for fd in (sock.fileno() for sock in socks) if fd >= 0}

    def trickled(self) -> int:
        return sum(c.sent for c in self.conns)

    def __enter__(self) -> TrickleServers:
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._stop.set()
        with contextlib.suppress(OSError):
            self._wake_w.send(b"x")
        self._thread.join(scaled(5))
        if not self._thread.is_alive():
            self._close_all()

    def _run(self) -> None:
        next_byte = time.monotonic()
        try:
            while not self._stop.is_set():
                now = time.monotonic()
                if now >= next_byte:
                    next_byte = now + self.every
                    for conn in self.conns:
                        self._trickle(conn)
                for conn in self.conns:
                    if not conn.reading and not conn.closed and now - conn.accepted >= self.hold:
                        conn.reading = True
                        self._selector.register(conn.sock, selectors.EVENT_READ, conn)
                wait = next_byte - now
                for conn in self.conns:
                    if not conn.reading and not conn.closed:
                        wait = min(wait, conn.accepted + self.hold - now)
                for key, _ in self._selector.select(max(0.0, wait)):
                    if key.fileobj is self._wake_r:
                        with contextlib.suppress(OSError):
                            self._wake_r.recv(64)
                    elif key.data is None:
                        self._accept(key.fileobj)  # type: ignore[arg-type]
                    else:
                        self._read(key.data)
        except BaseException as exc:  # the test sees it in .error
            self.error = exc
        finally:
            self._close_all()

    def _accept(self, lsock: socket.socket) -> None:
        with contextlib.suppress(BlockingIOError, InterruptedError):
            while True:
                sock, _ = lsock.accept()
                sock.setblocking(False)
                self.conns.append(Trickled(sock, time.monotonic()))

    def _read(self, conn: Trickled) -> None:
        try:
            data = conn.sock.recv(256 * 1024)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            self._drop(conn)
            return
        conn.received += len(data)
        if not data:
            conn.eof_at = time.monotonic()
            self._selector.unregister(conn.sock)  # keep trickling, never close

    def _trickle(self, conn: Trickled) -> None:
        if conn.closed:
            return
        try:
            conn.sent += conn.sock.send(b".")
        except (BlockingIOError, InterruptedError):
            return
        except OSError:  # the client closed its socket
            self._drop(conn)

    def _drop(self, conn: Trickled) -> None:
        if conn.reading and conn.eof_at is None:
            with contextlib.suppress(KeyError, ValueError):
                self._selector.unregister(conn.sock)
        conn.sock.close()
        conn.closed = True

    def _close_all(self) -> None:
        for conn in self.conns:
            conn.sock.close()
            conn.closed = True
        for sock in [*self._listeners, self._wake_r, self._wake_w]:
            sock.close()
        with contextlib.suppress(Exception):
            self._selector.close()
