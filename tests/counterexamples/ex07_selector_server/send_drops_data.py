"""Calls send() once per chunk and forgets what the socket did not take."""
# expect: slow_reader_lost_data
from __future__ import annotations

from solutions.ex07_selector_server import echo_server as _reference
from solutions.ex07_selector_server.echo_server import *  # noqa: F403
from solutions.ex07_selector_server.echo_server import _Client


class EchoServer(_reference.EchoServer):
    def _write(self, client: _Client) -> None:
        try:
            client.sock.send(client.outbox)  # how much did it take? never mind
        except (BlockingIOError, InterruptedError):
            pass
        except OSError:
            self._drop(client)
            return
        client.outbox.clear()  # whatever send() did not take is lost
        if not client.reading:
            self._drop(client)
        else:
            self._update(client)
