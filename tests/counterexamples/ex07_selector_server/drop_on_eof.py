"""Closes a client as soon as recv() returns b"", throwing away the echo still buffered."""
# expect: half_close_lost
from __future__ import annotations

from solutions.ex07_selector_server import echo_server as _reference
from solutions.ex07_selector_server.echo_server import *  # noqa: F403
from solutions.ex07_selector_server.echo_server import _Client


class EchoServer(_reference.EchoServer):
    def _received(self, client: _Client, data: bytes) -> None:
        if not data:  # the client hung up, surely: nobody left to write to
            self._drop(client)
            return
        super()._received(client, data)
