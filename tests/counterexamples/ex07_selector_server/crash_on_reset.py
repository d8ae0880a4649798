"""Does not expect a client to reset its connection: recv() raises and the loop dies."""
# expect: serve_crashed
from __future__ import annotations

from solutions.ex07_selector_server import echo_server as _reference
from solutions.ex07_selector_server.echo_server import *  # noqa: F403
from solutions.ex07_selector_server.echo_server import CHUNK, _Client


class EchoServer(_reference.EchoServer):
    def _read(self, client: _Client) -> None:
        try:
            data = client.sock.recv(CHUNK)  # a reset raises ConnectionResetError here
        except (BlockingIOError, InterruptedError):
            return
        self._received(client, data)
