"""A gated HTTP server that runs inside the test's own event loop.

``GatedHttpServer(expected=N)`` listens on 127.0.0.1 (port 0) with
``asyncio.start_server``. Each connection sends a request; the server holds every
answer until ``expected`` requests are waiting for their answer at the same time
(or until ``gate_timeout`` runs out, after which the gate stays open so that a
sequential client finishes quickly and the test can say what it measured): a
client that opens every connection first but sends one request only after the
previous answer never gets there. It records the peak numbers of simultaneous
connections and of waiting requests, the request lines, and whether each
client closed its side cleanly: after the answer the server waits for the
client's EOF (or reset) before closing its own side. No thread is started.

The path picks the answer: ``/status/404`` gives ``HTTP/1.0 404 Not Found``,
anything else ``HTTP/1.0 200 OK`` (or the server's ``answer`` code); ``delay``
holds every answer that much longer after the gate opens.

``reply`` (off by default: ``"whole"``, the answer in one write) changes how the
answer goes out: ``"pieces"`` sends the status line a few bytes at a time (each
write drained, a short pause between two), so a client that reads one chunk gets
only part of the line; ``"never"`` sends no answer at all: after the request the
server only waits (up to ``gate_timeout + eof_timeout``) for the client to close
its side, which ``Connection.client_closed`` records.

``stall`` (seconds, scaled; off by default) skips the server's waits when the
process stands still: the server runs in the same loop as the client, on
loopback, so while one of its waits (for a request head, at the gate, for the
client's EOF) is pending and, for a whole ``stall`` window, no thread of the
process runs or switches (``tests/support/stall.py``), nothing can arrive before
a timer fires: the client waits for the server. The wait whose deadline comes
first then ends at once, exactly as if its deadline had been reached, and the
next one needs a new still window. A right client never leaves the process
still while the server waits for it (it is running, or ready to run, in this
very thread); a wrong one no longer sits out every deadline. Every pending wait
moves on by the same amount, so the waits still end in the order of their
deadlines, as they would have without the skip.
"""

from __future__ import annotations

import asyncio
import contextlib
import http
import threading
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from types import TracebackType
from typing import Literal

from .stall import StallWatch
from .timing import scaled


@dataclass
class Connection:
    request_line: str = ""
    received: int = 0  # bytes of the request head that arrived
    answered: bool = False
    client_closed: bool = False  # EOF or reset seen before the server closed its side
    head_wait: float = 0.0  # seconds the server waited for a request head it never got
    eof_wait: float = 0.0  # seconds it waited for the client to close (after its answer)
    threads: set[int] = field(default_factory=set)  # threads alive while all were open


PIECE = 4  # bytes per write of a status line sent in pieces (reply="pieces")
PIECE_PAUSE = 0.02  # seconds between two pieces: the client's loop runs in between


class _StallSkipper:
    """One watcher thread per loop, shared by the servers in it (each would count the
    other's ticks as movement): on a stall, the pending wait that ends first ends now."""

    _by_loop: dict[asyncio.AbstractEventLoop, _StallSkipper] = {}

    def __init__(self, loop: asyncio.AbstractEventLoop, window: float) -> None:
        self.loop = loop
        self.users = 0
        self.pending: set[asyncio.Timeout] = set()
        self.skipped = 0
        self._stop = threading.Event()
        self._watch = StallWatch(window)
        self._thread = threading.Thread(target=self._run, name="course-http-stall-watch",
                                        daemon=True)

    @classmethod
    def join(cls, window: float) -> _StallSkipper:
        loop = asyncio.get_running_loop()
        skipper = cls._by_loop.get(loop)
        if skipper is None:
            skipper = cls._by_loop[loop] = cls(loop, window)
            skipper._thread.start()
        skipper.users += 1
        return skipper

    def leave(self) -> None:
        self.users -= 1
        if self.users:
            return
        del self._by_loop[self.loop]
        self._stop.set()
        self._thread.join()

    @property
    def ident(self) -> int | None:
        return self._thread.ident

    def _run(self) -> None:
        while not self._stop.wait(self._watch.period):
            if self._watch.stalled():
                self._watch.moved()  # the next skip needs a whole still window again
                try:
                    self.loop.call_soon_threadsafe(self._skip)
                except RuntimeError:  # the loop is closed
                    return

    def _skip(self) -> None:
        """Move the servers' clock on to the first pending deadline: every pending wait
        comes that much nearer its end, so the first ends now and the order stays."""
        timed = [t for t in self.pending if t.when() is not None]
        if not timed:
            return
        now = self.loop.time()
        jump = min(t.when() or now for t in timed) - now
        if jump <= 0:
            return  # a deadline is already due: the loop is about to run it
        self.skipped += 1
        for scope in timed:
            scope.reschedule((scope.when() or now) - jump)

    @contextlib.asynccontextmanager
    async def deadline(self, seconds: float) -> AsyncIterator[asyncio.Timeout]:
        async with asyncio.timeout(seconds) as scope:
            self.pending.add(scope)
            try:
                yield scope
            finally:
                self.pending.discard(scope)


def status_line(path: str, default: int = 200) -> str:
    parts = path.rstrip("/").rsplit("/", 2)
    code = default
    if len(parts) == 3 and parts[1] == "status" and parts[2].isdigit():
        code = int(parts[2])
    try:
        reason = http.HTTPStatus(code).phrase
    except ValueError:
        reason = "Unknown"
    return f"HTTP/1.0 {code} {reason}"


class GatedHttpServer:
    # A right client opens every connection within milliseconds and closes its side as
    # soon as it has the status line; a wrong one sits out these waits in every test.
    def __init__(self, expected: int, *, gate_timeout: float = 0.75,
                 eof_timeout: float = 0.5, answer: int = 200, delay: float = 0.0,
                 reply: Literal["whole", "pieces", "never"] = "whole",
                 stall: float | None = None) -> None:
        self.expected = expected
        self.reply = reply
        self.answer = answer
        self.delay = delay
        self.gate_timeout = scaled(gate_timeout)
        self.eof_timeout = scaled(eof_timeout)
        self.stall = stall  # the still window (seconds, scaled by StallWatch) or None
        self._skipper: _StallSkipper | None = None
        self.open = 0
        self.peak = 0
        self.asked = 0  # requests received and not answered yet
        self.peak_asked = 0
        self.gate_opened = False  # all ``expected`` requests were waiting at once
        self.threads_at_gate: set[int] = set()
        self.connections: list[Connection] = []
        self._gate = asyncio.Event()
        self.requested = asyncio.Event()  # set when a whole request head has arrived
        self._handlers: set[asyncio.Task[None]] = set()
        self._server: asyncio.Server | None = None
        self.port = 0

    @property
    def address(self) -> tuple[str, int]:
        return "127.0.0.1", self.port

    async def __aenter__(self) -> GatedHttpServer:
        if self.stall is not None:
            self._skipper = _StallSkipper.join(self.stall)
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        assert self._server is not None
        self._server.close()
        await self.finish()
        for task in list(self._handlers):
            task.cancel()
        with contextlib.suppress(BaseException):
            await asyncio.gather(*self._handlers, return_exceptions=True)
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(scaled(1.0)):
                await self._server.wait_closed()
        if self._skipper is not None:
            self._skipper.leave()
            self._skipper = None

    @property
    def still_window(self) -> float:
        """How long (seconds, scaled) the process must stand still to end a wait early; 0: off."""
        return scaled(self.stall) if self.stall is not None else 0.0

    @property
    def skipped(self) -> int:
        """Waits ended early because the process stood still (all servers of the loop)."""
        return self._skipper.skipped if self._skipper is not None else 0

    def _deadline(self, seconds: float) -> contextlib.AbstractAsyncContextManager[object]:
        """``asyncio.timeout(seconds)``, ended early by a stall when ``stall`` is set."""
        if self._skipper is None:
            return asyncio.timeout(seconds)
        return self._skipper.deadline(seconds)

    async def finish(self) -> None:
        """Wait (bounded) until every connection handler has ended."""
        if self._handlers:
            limit = self.gate_timeout + self.eof_timeout + self.delay + scaled(1.0)
            await asyncio.wait(set(self._handlers), timeout=limit)

    @property
    def unclean(self) -> int:
        """Connections the client never closed (the server had to close them)."""
        return sum(1 for c in self.connections if c.answered and not c.client_closed)

    @property
    def requests(self) -> list[str]:
        return [c.request_line for c in self.connections]

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._handlers.add(task)
        conn = Connection()
        self.connections.append(conn)
        self.open += 1
        self.peak = max(self.peak, self.open)
        waiting = False
        try:
            head = b""
            loop = asyncio.get_running_loop()
            start = loop.time()
            try:
                async with self._deadline(self.gate_timeout + self.eof_timeout):
                    while b"\r\n\r\n" not in head:
                        chunk = await reader.read(4096)
                        if not chunk:
                            return  # closed before the request was complete
                        head += chunk
                        conn.received = len(head)
            except (TimeoutError, ConnectionError):
                conn.head_wait = loop.time() - start
                return
            conn.request_line = head.split(b"\r\n", 1)[0].decode("latin-1")
            self.requested.set()
            waiting = True
            self.asked += 1
            self.peak_asked = max(self.peak_asked, self.asked)
            if self.asked >= self.expected:
                self.gate_opened = True
                watcher = self._skipper.ident if self._skipper is not None else None
                self.threads_at_gate = {t.ident for t in threading.enumerate()
                                        if t.ident and t.ident != watcher}
                self._gate.set()
            if self.reply == "never":
                await self._wait_for_client(reader, conn, self.gate_timeout + self.eof_timeout)
                return
            if not self._gate.is_set():
                with contextlib.suppress(TimeoutError):
                    async with self._deadline(self.gate_timeout):
                        await self._gate.wait()
                self._gate.set()  # broken gate: answer everybody from now on
            if self.delay:
                await asyncio.sleep(self.delay)
            parts = conn.request_line.split(" ")
            path = parts[1] if len(parts) >= 2 else "/"
            line = status_line(path, self.answer)
            body = f"{line}\n".encode()
            answer = (f"{line}\r\nContent-Type: text/plain\r\nContent-Length: {len(body)}\r\n"
                      f"Connection: close\r\n\r\n".encode() + body)
            if self.reply == "pieces":
                answer = await self._send_in_pieces(writer, answer, len(line) + 2)
            writer.write(answer)
            with contextlib.suppress(ConnectionError):
                await writer.drain()
            conn.answered = True
            waiting = False
            self.asked -= 1
            # The client reads the status line and closes its side; wait for that.
            start = loop.time()
            try:
                async with self._deadline(self.eof_timeout):
                    while await reader.read(65536):
                        pass
                conn.client_closed = True
            except ConnectionError:
                conn.client_closed = True
            except TimeoutError:
                pass
            conn.eof_wait = loop.time() - start
        finally:
            self.open -= 1
            if waiting:
                self.asked -= 1
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()
            self._handlers.discard(task)

    async def _send_in_pieces(self, writer: asyncio.StreamWriter, answer: bytes,
                              head: int) -> bytes:
        """Send ``answer[:head]`` PIECE bytes at a time; return the rest, still to send."""
        for start in range(0, head, PIECE):
            if start:
                await asyncio.sleep(PIECE_PAUSE)
            writer.write(answer[start:min(start + PIECE, head)])
            with contextlib.suppress(ConnectionError):
                await writer.drain()
        return answer[head:]

    async def _wait_for_client(self, reader: asyncio.StreamReader, conn: Connection,
                               seconds: float) -> None:
        """Read (and drop) until the client closes its side, for at most ``seconds``."""
        try:
            async with self._deadline(seconds):
                while await reader.read(65536):
                    pass
            conn.client_closed = True
        except ConnectionError:
            conn.client_closed = True
        except TimeoutError:
            pass
