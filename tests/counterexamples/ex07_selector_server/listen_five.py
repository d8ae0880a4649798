"""Listens with a backlog of 5, as in many socket tutorials: a burst of clients overflows it."""
# expect: small_backlog
from __future__ import annotations

from solutions.ex07_selector_server import echo_server as _reference
from solutions.ex07_selector_server.echo_server import *  # noqa: F403


class EchoServer(_reference.EchoServer):
    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        super().__init__(host, port)
        self._listener.listen(5)  # listening again only changes the backlog
