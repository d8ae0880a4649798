"""Keeps a client registered for EVENT_READ after its recv() gave b"": select() spins on it."""
# expect: half_closed_spin
from __future__ import annotations

import selectors

from solutions.ex07_selector_server import echo_server as _reference
from solutions.ex07_selector_server.echo_server import *  # noqa: F403
from solutions.ex07_selector_server.echo_server import HIGH_WATER


class EchoServer(_reference.EchoServer):
    def _update(self, client) -> None:
        events = 0
        if len(client.outbox) < HIGH_WATER:  # also after the end of the stream
            events |= selectors.EVENT_READ
        if client.outbox:
            events |= selectors.EVENT_WRITE
        if events:
            self._selector.modify(client.sock, events, client)
