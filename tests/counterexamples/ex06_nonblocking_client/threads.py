"""One thread per server, each with a blocking socket."""
# expect: used_threads
from __future__ import annotations

import socket
import threading
from collections.abc import Sequence


def echo_all(
    servers: Sequence[tuple[str, int]], message: bytes, timeout: float = 10.0
) -> list[bytes]:
    replies: list[bytes] = [b""] * len(servers)
    errors: list[BaseException] = []

    def talk(index: int, address: tuple[str, int]) -> None:
        try:
            with socket.create_connection(address, timeout=timeout) as s:
                s.sendall(message)
                s.shutdown(socket.SHUT_WR)
                chunks = []
                while chunk := s.recv(65536):
                    chunks.append(chunk)
                replies[index] = b"".join(chunks)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=talk, args=(i, a)) for i, a in enumerate(servers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    return replies
