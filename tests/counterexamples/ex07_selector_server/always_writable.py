"""Registers every client for EVENT_READ | EVENT_WRITE all the time, so select() never sleeps."""
# expect: busy_loop
from __future__ import annotations

import selectors

from solutions.ex07_selector_server import echo_server as _reference
from solutions.ex07_selector_server.echo_server import *  # noqa: F403
from solutions.ex07_selector_server.echo_server import HIGH_WATER, _Client

ALWAYS = selectors.EVENT_READ | selectors.EVENT_WRITE


class EchoServer(_reference.EchoServer):
    def _accept(self) -> None:
        try:
            sock, _ = self._listener.accept()
        except (BlockingIOError, InterruptedError):
            return
        sock.setblocking(False)
        client = _Client(sock)
        self._clients[sock] = client
        self._selector.register(sock, ALWAYS, client)  # ready to write back at any time

    def _update(self, client: _Client) -> None:
        events = selectors.EVENT_WRITE  # whether or not there is anything to write
        if client.reading and len(client.outbox) < HIGH_WATER:
            events |= selectors.EVENT_READ
        self._selector.modify(client.sock, events, client)
