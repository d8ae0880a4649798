"""Connects to every server first, then sends to each with a blocking sendall in turn."""
# expect: blocked_on_send
from __future__ import annotations

import socket
from collections.abc import Sequence


def echo_all(
    servers: Sequence[tuple[str, int]], message: bytes, timeout: float = 10.0
) -> list[bytes]:
    socks = [socket.create_connection(address, timeout=timeout) for address in servers]
    try:
        for s in socks:
            s.sendall(message)
            s.shutdown(socket.SHUT_WR)
        replies = []
        for s in socks:
            chunks = []
            while chunk := s.recv(65536):
                chunks.append(chunk)
            replies.append(b"".join(chunks))
        return replies
    finally:
        for s in socks:
            s.close()
