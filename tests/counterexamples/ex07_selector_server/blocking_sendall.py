"""Uses a selector, but leaves client sockets blocking and echoes with sendall()."""
# expect: stalled_by_slow_reader
from __future__ import annotations

import selectors

from solutions.ex07_selector_server import echo_server as _reference
from solutions.ex07_selector_server.echo_server import *  # noqa: F403
from solutions.ex07_selector_server.echo_server import CHUNK, _Client


class EchoServer(_reference.EchoServer):
    def _accept(self) -> None:
        try:
            sock, _ = self._listener.accept()
        except (BlockingIOError, InterruptedError):
            return
        # the client socket stays blocking: sendall() below waits for a slow reader
        client = _Client(sock)
        self._clients[sock] = client
        self._selector.register(sock, selectors.EVENT_READ, client)

    def _read(self, client: _Client) -> None:
        try:
            data = client.sock.recv(CHUNK)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            self._drop(client)
            return
        if not data:
            self._drop(client)
            return
        client.sock.sendall(data)
