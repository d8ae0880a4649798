"""Closes a client that leaves but forgets to unregister it from the selector."""
# expect: serve_crashed, clients_not_closed
from __future__ import annotations

from solutions.ex07_selector_server import echo_server as _reference
from solutions.ex07_selector_server.echo_server import *  # noqa: F403
from solutions.ex07_selector_server.echo_server import _Client


class EchoServer(_reference.EchoServer):
    def _drop(self, client: _Client) -> None:
        """Close the client's socket (the selector will notice, surely)."""
        if self._clients.pop(client.sock, None) is None:
            return
        client.sock.close()
