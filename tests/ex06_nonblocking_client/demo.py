"""Timeline for ex06: ``echo_all`` talks to three local echo servers that hold their
answers 0.3, 0.2 and 0.1 s.

The servers (the tests' ``EchoServers``) note when each connection was accepted
and closed: a bar per connection, in the lane of its server. One thread with a
selector keeps all three conversations open at once; blocking sockets talk to
one server after another.
"""

from __future__ import annotations

import os
import threading
import time
from typing import TYPE_CHECKING

from tests.support.echo import Conn, EchoServers, pattern
from tests.support.timeline import Span

if TYPE_CHECKING:
    import socket

    from tests.support.demo import Demo

HOLDS = [0.3, 0.2, 0.1]
MESSAGE = pattern(256 * 1024)  # more than one send() takes: partial sends happen


class StampedEchoServers(EchoServers):
    """The tests' echo servers, noting when each connection opened and closed, and which
    threads of this process were alive when a connection was accepted."""

    def __init__(self) -> None:
        super().__init__(len(HOLDS), clients=0, hold=HOLDS)
        self.opened_at: dict[Conn, float] = {}
        self.closed_at: dict[Conn, float] = {}
        self.threads_seen: set[str] = set()

    def __enter__(self) -> StampedEchoServers:
        super().__enter__()
        return self

    def _accept(self, lsock: socket.socket, index: int) -> None:
        super()._accept(lsock, index)
        now = time.monotonic()
        for conn in self.conns:
            if conn not in self.opened_at:
                self.opened_at[conn] = now
                self.threads_seen.update(t.name for t in threading.enumerate()
                                         if not t.name.startswith("course-"))

    def _drop(self, conn: Conn) -> None:
        super()._drop(conn)
        self.closed_at.setdefault(conn, time.monotonic())

    def spans(self) -> list[Span]:
        now = time.monotonic()
        found = []
        for conn in self.conns:
            start = self.opened_at.get(conn, now)
            lane = f"server {conn.server + 1} (holds {HOLDS[conn.server]} s)"
            found.append(Span(f"{len(conn.inbox) // 1024} KiB echoed", start,
                              self.closed_at.get(conn, now), os.getpid(), "course-echo", 0,
                              None, None, "work", "ok", lane))
        return found


def scenario(demo: Demo) -> None:
    mod = demo.mod
    with demo.section(f"echo_all to {len(HOLDS)} servers, {len(MESSAGE) // 1024} KiB each",
                      noun="connections", total_of="the connections", overlap=True) as s, \
            StampedEchoServers() as servers:
        call = f"echo_all([{len(HOLDS)} servers], {len(MESSAGE) // 1024} KiB, timeout=5)"
        with s.calling(call) as box:
            replies = mod.echo_all(servers.addresses, MESSAGE, timeout=5.0)
            box["result"] = [f"{len(r) // 1024} KiB" for r in replies]
        deadline = time.monotonic() + 1.0
        while len(servers.closed_at) < len(servers.conns) and time.monotonic() < deadline:
            time.sleep(0.01)
        for span in servers.spans():
            s.rec.add(span)
        wrong = [i + 1 for i, r in enumerate(replies) if r != MESSAGE]
        if wrong:
            s.note(f"The replies of server(s) {wrong} are not what was sent.")
        others = sorted(servers.threads_seen - {"MainThread"})
        s.where = (f"{len(others)} client thread(s) besides the caller's" if others
                   else "all from the caller's thread")
        if others:
            s.note(f"Threads alive while connecting: {', '.join(others)} — here one thread "
                   "with a selector does all the talking.")
        elif s.peak() >= len(HOLDS):
            s.note(f"All {len(HOLDS)} connections were open at once, driven by one thread: the "
                   "call took about the longest hold, not the sum.")
        else:
            s.note("The servers were talked to one after another: connect to every server "
                   "first (non-blocking), then let the selector say which socket is ready.")
