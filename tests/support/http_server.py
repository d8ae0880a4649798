"""A local HTTP server for tests: ``/status/NNN`` answers, a gate, a peak count.

    with GatedHTTPServer(expected=8) as server:
        urls = [server.url(f"/status/{code}") for code in codes]
        ...                      # the code under test fetches them
        server.peak              # most requests the server held at the same time

Every request is *held* at a gate until ``expected`` requests are in flight at
once; then the gate opens for good and every request is answered. A client
that sends one request at a time never gets there: the first waiter gives up
after ``gate_timeout`` (scaled) seconds, the gate breaks open, and the client
still completes (``peak`` tells what happened). With ``expected=1`` nothing is
held.

Paths: ``/status/NNN`` answers with status NNN, ``/`` with 200, anything else
with 404. Query ``?delay=S`` holds the answer S more (scaled) seconds after the
gate (e.g. to make answers arrive in reverse order); with
``delay_when_broken=False`` a broken gate skips the delays (the requests were
not all in flight, so delays would only add up one after another).

Loopback only, port 0; the threads are daemons named ``course-http-*`` and
``close()`` (or leaving the ``with`` block) stops them and closes every socket,
releasing held requests.
"""

from __future__ import annotations

import contextlib
import itertools
import socket
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from .timing import scaled

_names = itertools.count(1)


class GatedHTTPServer:
    """A threaded HTTP server on 127.0.0.1 that proves N requests were in flight at once."""

    def __init__(
        self,
        expected: int = 1,
        *,
        gate_timeout: float = 1.0,
        on_arrival: Callable[[str], None] | None = None,
        delay_when_broken: bool = True,
    ) -> None:
        self.expected = expected
        self.gate_timeout = scaled(gate_timeout)
        self.delay_when_broken = delay_when_broken
        self.on_arrival = on_arrival  # called in the handler thread with the path, on arrival
        self.peak = 0  # most requests held at the same time
        self.in_flight = 0
        self.arrivals = 0
        self.answered = 0  # requests whose answer is being (or has been) sent
        self.paths: list[str] = []  # request paths, in arrival order
        self.opened = False  # True once `expected` requests were in flight at once
        self.broken = False  # True when a waiter gave up and the gate was forced open
        self._cond = threading.Condition()
        self._closing = threading.Event()
        self._handlers: list[threading.Thread] = []
        self._connections: set[socket.socket] = set()  # accepted, not yet closed
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- life cycle --------------------------------------------------------------------------
    def start(self) -> GatedHTTPServer:
        server = _Server(("127.0.0.1", 0), _Handler)
        server.owner = self
        self._server = server
        # close() waits for the serving loop to notice the shutdown, at most one poll
        # interval: keep it short, since every test starts and closes a server of its own.
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.01},
            name=f"course-http-server-{next(_names)}", daemon=True,
        )
        self._thread.start()
        return self

    def close(self) -> None:
        """Release every held request, stop serving, close every socket, join the threads."""
        self._closing.set()
        with self._cond:
            self._cond.notify_all()
        server = self._server
        if server is None:
            return
        self._server = None
        server.shutdown()
        if self._thread is not None:
            self._thread.join(scaled(5))
        server.server_close()
        with self._cond:  # wake handlers still reading from a client that never sent a request
            for connection in list(self._connections):
                with contextlib.suppress(OSError):
                    connection.shutdown(socket.SHUT_RDWR)
        for handler in list(self._handlers):
            handler.join(scaled(5))

    def open_gate(self) -> None:
        """Let the held requests through now, as a gate timeout would: the gate counts as
        broken (unless every expected request was in flight already)."""
        with self._cond:
            if not self.opened:
                self.broken = True
                self._cond.notify_all()

    def __enter__(self) -> GatedHTTPServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- addresses ---------------------------------------------------------------------------
    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the server is not running")
        return int(self._server.server_address[1])

    def url(self, path: str = "/", **query: Any) -> str:
        """``http://127.0.0.1:PORT/path?query`` (e.g. ``url("/status/404", delay=0.2)``)."""
        text = f"http://127.0.0.1:{self.port}{path}"
        return f"{text}?{urlencode(query)}" if query else text

    # -- what the handlers do ----------------------------------------------------------------
    def _arrive(self, path: str) -> None:
        if self.on_arrival is not None:
            self.on_arrival(path)
        with self._cond:
            self.arrivals += 1
            self.in_flight += 1
            self.paths.append(path)
            self.peak = max(self.peak, self.in_flight)
            if self.in_flight >= self.expected:
                self.opened = True
                self._cond.notify_all()
            passed = self._cond.wait_for(
                lambda: self.opened or self.broken or self._closing.is_set(),
                timeout=self.gate_timeout,
            )
            if not passed:  # not all requests came: answer anyway, and everyone after us
                self.broken = True
                self._cond.notify_all()

    def _leave(self) -> None:
        with self._cond:
            self.in_flight -= 1
            self.answered += 1

    def _hold(self, seconds: float) -> None:
        if seconds > 0 and (self.delay_when_broken or not self.broken):
            self._closing.wait(scaled(seconds))


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # GatedHTTPServer.close() joins the handlers itself
    request_queue_size = 128
    owner: GatedHTTPServer

    def process_request(self, request: Any, client_address: Any) -> None:
        handler = threading.Thread(
            target=self.process_request_thread, args=(request, client_address),
            name=f"course-http-{next(_names)}", daemon=True,
        )
        owner = self.owner
        with owner._cond:
            owner._handlers[:] = [t for t in owner._handlers if t.is_alive()]
            owner._handlers.append(handler)
            owner._connections.add(request)
        handler.start()

    def shutdown_request(self, request: Any) -> None:
        with self.owner._cond:
            self.owner._connections.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hung up early is not the server's problem


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    timeout = 10  # a connection that never sends a request does not hold a thread for ever

    def do_GET(self) -> None:  # noqa: N802 (the http.server naming)
        owner = self.server.owner
        parts = urlsplit(self.path)
        code = _status_of(parts.path)
        owner._arrive(parts.path)
        try:
            with contextlib.suppress(ValueError):
                owner._hold(float(parse_qs(parts.query).get("delay", ["0"])[0]))
        finally:
            # Leave before answering: the client may send its next request the moment
            # it has this answer, and that one must not overlap this one in the count.
            owner._leave()
        body = f"{code}\n".encode() if code not in (204, 304) else b""
        with contextlib.suppress(OSError):
            self.send_response(code)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


def _status_of(path: str) -> int:
    if path == "/":
        return 200
    head, _, tail = path.rpartition("/")
    if head == "/status" and tail.isdigit() and 200 <= int(tail) <= 599:
        return int(tail)
    return 404


def refused_url(path: str = "/status/200") -> str:
    """A loopback URL where nothing listens: connecting to it is refused."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}{path}"
