"""Calls select(0) in its loop: it never waits, so the server's thread never sleeps."""
# expect: busy_loop
from __future__ import annotations

from solutions.ex07_selector_server import echo_server as _reference
from solutions.ex07_selector_server.echo_server import *  # noqa: F403


class EchoServer(_reference.EchoServer):
    def serve_forever(self) -> None:
        self._serving.set()
        try:
            while not self._stop.is_set():
                for key, mask in self._selector.select(0):  # just look, do not wait
                    self._dispatch(key, mask)
        finally:
            self._close_all()
            self._done.set()
