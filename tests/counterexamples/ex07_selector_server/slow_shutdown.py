"""Checks the stop flag only when select() times out every 2 seconds; nothing wakes it."""
# expect: slow_shutdown
from __future__ import annotations

from solutions.ex07_selector_server import echo_server as _reference
from solutions.ex07_selector_server.echo_server import *  # noqa: F403


class EchoServer(_reference.EchoServer):
    def serve_forever(self) -> None:
        self._serving.set()
        try:
            while not self._stop.is_set():
                # Wake up now and then to look at the stop flag.
                for key, mask in self._selector.select(2.0):
                    self._dispatch(key, mask)
        finally:
            self._close_all()
            self._done.set()

    def shutdown(self) -> None:
        self._stop.set()  # serve_forever() will see it... after its next select()
        if not self._serving.is_set():
            self._close_all()
            return
        self._done.wait(5)
