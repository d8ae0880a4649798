"""Never checks SO_ERROR after connecting: the next send() raises an error without the address."""
# expect: refused_unnamed
from __future__ import annotations

from solutions.ex06_nonblocking_client import echo_client as _reference
from solutions.ex06_nonblocking_client.echo_client import *  # noqa: F403
from tests.support.variant import variant


def _check_connected(exchange):
    exchange.connected = True  # writable, so surely connected


echo_all = variant(_reference, _check_connected=_check_connected).echo_all
