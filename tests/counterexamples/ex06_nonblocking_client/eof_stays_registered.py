"""After a server closes, its socket stays registered (marked done): select() spins on it."""
# expect: busy_wait
from __future__ import annotations

from solutions.ex06_nonblocking_client import echo_client as _reference
from solutions.ex06_nonblocking_client.echo_client import CHUNK
from tests.support.variant import adopt


def _receive(selector, exchange):
    if getattr(exchange, "done", False):
        return False  # finished already, yet select() keeps reporting it readable
    try:
        data = exchange.sock.recv(CHUNK)
    except (BlockingIOError, InterruptedError):
        return False
    if data:
        exchange.reply += data
        return False
    exchange.done = True  # not unregistered: at end of file a socket is always readable
    return True


adopt(_reference, globals())  # the rest is the reference's
