"""Leaves the loop by raising when the wake-up byte arrives: serve_forever raises, not returns."""
# expect: shutdown_raised
from __future__ import annotations

import selectors

from solutions.ex07_selector_server import echo_server as _reference
from solutions.ex07_selector_server.echo_server import *  # noqa: F403


class EchoServer(_reference.EchoServer):
    def _dispatch(self, key: selectors.SelectorKey, mask: int) -> None:
        if key.data == "wake":
            raise RuntimeError("server stopped")  # the quickest way out of the loop
        super()._dispatch(key, mask)
