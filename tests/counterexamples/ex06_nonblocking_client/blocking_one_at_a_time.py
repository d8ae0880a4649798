"""Blocking sockets, one server after another: connect, sendall, read the reply, next."""
# expect: one_at_a_time
from __future__ import annotations

import socket
import time
from collections.abc import Sequence


def echo_all(
    servers: Sequence[tuple[str, int]], message: bytes, timeout: float = 10.0
) -> list[bytes]:
    deadline = time.monotonic() + timeout
    replies = []
    for address in servers:
        with socket.create_connection(address, timeout=max(0.01, deadline - time.monotonic())) as s:
            s.sendall(message)
            s.shutdown(socket.SHUT_WR)
            chunks = []
            while chunk := s.recv(65536):
                chunks.append(chunk)
            replies.append(b"".join(chunks))
    return replies
