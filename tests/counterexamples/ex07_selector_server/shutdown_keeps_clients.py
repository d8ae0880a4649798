"""Closes the listener and the selector when the loop ends, but not the clients."""
# expect: sockets_left_open
from __future__ import annotations

from solutions.ex07_selector_server import echo_server as _reference
from solutions.ex07_selector_server.echo_server import *  # noqa: F403


class EchoServer(_reference.EchoServer):
    def _close_all(self) -> None:
        for sock in (self._listener, self._wake_r, self._wake_w):
            sock.close()
        self._selector.close()
