"""Exercise 07 — a single-threaded echo server with selectors.

A server that gives each client its own thread pays for every idle client.
This one uses ONE thread: every socket is non-blocking, and a selector
(epoll on Linux, kqueue on macOS) says which of them is ready to accept, to
read or to write. Nothing ever waits except ``selector.select()`` itself.

Task 1: ``EchoServer(host, port)`` and ``address`` — a listening, non-blocking socket.
Task 2: ``serve_forever`` and ``shutdown`` — the event loop, and stopping it from outside.
Task 3: echo — read what is ready, buffer the output, write it when the socket is writable.

Check your work with ``nox -s check-ex07``.
"""

from __future__ import annotations

import contextlib  # noqa: F401  (you will need these)
import selectors  # noqa: F401
import socket  # noqa: F401
import threading  # noqa: F401

CHUNK = 64 * 1024  # bytes to read per recv() call


class EchoServer:
    """Echoes every byte back to the client that sent it, in one thread.

    >>> server = EchoServer("127.0.0.1", 0)   # port 0: the OS picks a free port
    >>> server.address                        # doctest: +SKIP
    ('127.0.0.1', 53817)
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        # TODO (task 1): create a TCP socket, bind it to (host, port), listen(), and make
        #       it non-blocking (setblocking(False)).
        # TODO (task 1): create a selectors.DefaultSelector() and register the listening
        #       socket for EVENT_READ (a waiting connection makes it readable).
        # TODO (task 2): whatever shutdown() needs to stop the loop from another thread
        #       (a threading.Event, and a socket.socketpair() to wake select() at once).
        raise NotImplementedError(
            "task 1: EchoServer — see exercises/ex07_selector_server/README.md"
        )

    @property
    def address(self) -> tuple[str, int]:
        """The (host, port) the server listens on (the real port, also when 0 was asked)."""
        # TODO (task 1): ask the listening socket: getsockname().
        raise NotImplementedError(
            "task 1: EchoServer.address — see exercises/ex07_selector_server/README.md"
        )

    def serve_forever(self) -> None:
        """Run the event loop in the calling thread until :meth:`shutdown` is called.

        Before returning, close every socket: the listener, every client, the selector.
        """
        # TODO (task 2): loop until shutdown was asked: wait in selector.select(), then
        #       for each ready key: accept a new client (non-blocking, registered for
        #       EVENT_READ) or hand the client's event to the echo code (task 3).
        # TODO (task 2): in a `finally:` block, unregister and close every socket.
        raise NotImplementedError(
            "task 2: EchoServer.serve_forever — see exercises/ex07_selector_server/README.md"
        )

    def shutdown(self) -> None:
        """Stop :meth:`serve_forever` from another thread; it returns within 0.5 s."""
        # TODO (task 2): set the stop flag and wake the selector up (write a byte to the
        #       socket pair), then wait until serve_forever has finished.
        raise NotImplementedError(
            "task 2: EchoServer.shutdown — see exercises/ex07_selector_server/README.md"
        )

    def _handle_client(self, key: selectors.SelectorKey, mask: int) -> None:
        """One client socket is ready (``mask``: EVENT_READ and/or EVENT_WRITE)."""
        # TODO (task 3): readable: recv() what is there. b"" means the client is done
        #       sending (or closed): close it once its echo is written. A reset
        #       (ConnectionResetError) means: drop it, keep serving the others.
        # TODO (task 3): never sendall(): send() what the socket takes now, keep the rest
        #       in this client's output buffer, and ask for EVENT_WRITE while the buffer
        #       is not empty (selector.modify).
        # TODO (task 3): to drop a client, unregister it from the selector, then close it.
        raise NotImplementedError(
            "task 3: echo — see exercises/ex07_selector_server/README.md"
        )
