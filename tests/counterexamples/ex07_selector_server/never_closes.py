"""Unregisters a client that leaves, but never closes its socket."""
# expect: clients_not_closed
from __future__ import annotations

import contextlib

from solutions.ex07_selector_server import echo_server as _reference
from solutions.ex07_selector_server.echo_server import *  # noqa: F403
from solutions.ex07_selector_server.echo_server import _Client


class EchoServer(_reference.EchoServer):
    def _drop(self, client: _Client) -> None:
        """Stop watching the client (the socket object will go away by itself)."""
        if self._clients.pop(client.sock, None) is None:
            return
        with contextlib.suppress(KeyError, ValueError):
            self._selector.unregister(client.sock)
