"""Gives every select() the whole timeout and gives up only when one of them finds nothing."""
# expect: timeout_per_select
from __future__ import annotations

from solutions.ex06_nonblocking_client import echo_client as _reference
from solutions.ex06_nonblocking_client.echo_client import *  # noqa: F403
from solutions.ex06_nonblocking_client.echo_client import _handle
from tests.support.variant import variant


def _converse(selector, exchanges, message, deadline, timeout):
    unfinished = len(exchanges)
    while unfinished:
        events = selector.select(timeout)  # a fresh full timeout for every wait
        if not events:
            raise TimeoutError(f"no server said anything for {timeout} s")
        for key, mask in events:
            if _handle(selector, key.data, mask, message):
                unfinished -= 1


echo_all = variant(_reference, _converse=_converse).echo_all
