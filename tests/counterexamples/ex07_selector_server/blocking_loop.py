"""Accepts a client, then recv/sendall in a blocking loop until it leaves, then the next."""
# expect: not_concurrent, stalled_by_idle
from __future__ import annotations

import contextlib
import socket
import threading


class EchoServer:
    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.bind((host, port))
        self._listener.listen()
        self._stop = threading.Event()
        self._current: socket.socket | None = None

    @property
    def address(self) -> tuple[str, int]:
        host, port = self._listener.getsockname()[:2]
        return host, port

    def serve_forever(self) -> None:
        try:
            while not self._stop.is_set():
                try:
                    conn, _ = self._listener.accept()
                except OSError:
                    break
                self._current = conn
                with conn:
                    try:
                        while data := conn.recv(65536):
                            conn.sendall(data)
                    except OSError:
                        pass
                self._current = None
        finally:
            self._listener.close()

    def shutdown(self) -> None:
        self._stop.set()
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes up accept()
        if self._current is not None:
            with contextlib.suppress(OSError):
                self._current.shutdown(socket.SHUT_RDWR)  # wakes up recv()
