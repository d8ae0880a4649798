"""Non-blocking sockets polled in a loop without a selector: it never sleeps."""
# expect: busy_wait
from __future__ import annotations

import socket
import time
from collections.abc import Sequence


def echo_all(
    servers: Sequence[tuple[str, int]], message: bytes, timeout: float = 10.0
) -> list[bytes]:
    deadline = time.monotonic() + timeout
    socks = []
    try:
        for address in servers:
            s = socket.create_connection(address, timeout=timeout)
            socks.append(s)
            s.setblocking(False)
        sent = [0] * len(socks)
        replies = [bytearray() for _ in socks]
        done = [False] * len(socks)
        while not all(done):
            if time.monotonic() > deadline:
                raise TimeoutError("the servers did not answer in time")
            for i, s in enumerate(socks):
                try:
                    if sent[i] < len(message):
                        sent[i] += s.send(message[sent[i]:])
                    elif sent[i] == len(message):
                        s.shutdown(socket.SHUT_WR)
                        sent[i] += 1  # marks "shut down"
                    elif not done[i]:
                        data = s.recv(65536)
                        if data:
                            replies[i] += data
                        else:
                            done[i] = True
                except BlockingIOError:
                    pass  # not ready yet: try again right away
        return [bytes(r) for r in replies]
    finally:
        for s in socks:
            s.close()
