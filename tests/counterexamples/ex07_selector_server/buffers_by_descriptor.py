"""Keeps each client's pending echo in a dict keyed by file descriptor, never cleared."""
# expect: stale_echo
from __future__ import annotations

import selectors

from solutions.ex07_selector_server import echo_server as _reference
from solutions.ex07_selector_server.echo_server import *  # noqa: F403
from solutions.ex07_selector_server.echo_server import _Client

_OUTBOXES: dict[int, bytearray] = {}  # fd -> bytes still to send


class EchoServer(_reference.EchoServer):
    def _accept(self) -> None:
        try:
            sock, _ = self._listener.accept()
        except (BlockingIOError, InterruptedError):
            return
        sock.setblocking(False)
        client = _Client(sock)
        # a descriptor used again gets the buffer its last owner left behind
        client.outbox = _OUTBOXES.setdefault(sock.fileno(), bytearray())
        self._clients[sock] = client
        self._selector.register(sock, selectors.EVENT_READ, client)
        self._update(client)
