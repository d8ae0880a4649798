"""Exercise 15: fetch_status_line and fetch_all with asyncio streams.

Evidence: a local HTTP server in the test's own loop that answers only when all
N requests are waiting for their answer at once, records the request lines, and waits for every
client to close its side; ResourceWarnings (an abandoned StreamWriter) are
collected and count as failures; the threads alive while the connections were
open show that no thread did the work. The same server can send its status line
a few bytes at a time (one read() gets part of it), or never answer, so that a
call cancelled while it waits shows whether the connection is closed on that
path too (its sockets still open when it ended, then the leak check's snapshot).
A wait of the server also ends as soon as the whole process has stood still for a
moment (``tests/support/async_http.py``): client and server share this thread, so a
client that waits for the server then (a request head never finished, an EOF never
sent) is found at once instead of at the server's deadline.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import socket
import struct
import threading
import warnings
from collections.abc import AsyncIterator, Awaitable, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any, TypeVar

import psutil
import pytest
from ex15_async_streams import http_client as mod

from tests.support import leaks
from tests.support.aio import bounded, pending_tasks
from tests.support.async_http import PIECE, GatedHttpServer
from tests.support.timing import scaled

from .messages import MSG

T = TypeVar("T")

one = pytest.mark.task(1, "fetch_status_line")
many = pytest.mark.task(2, "fetch_all")

DEADLINE = 10.0  # seconds (scaled) before a call counts as hung
HOST = "127.0.0.1"  # an IP address: no getaddrinfo, so no resolver thread
# The test servers' waits (seconds, scaled). A right client has every request in and closes
# its side within milliseconds of being able to, all in this loop; a wrong one would sit these
# out in test after test, so they are kept short, though far above what a right one needs,
# and they end sooner still when the process stands still (STILL below).
GATE = 0.4  # answers held until all expected requests are in; also bounds a request's head
CLOSE = 0.3  # after answering, the wait for the client to close its side
SLOW = 0.1  # the slow server's extra wait before it answers (the fast one answers first)
# A wait of the server also ends as soon as the whole process has stood still this long
# (seconds, scaled): the client, in this same thread, is then waiting for the server too.
# A right client is never still while the server waits for it; tens of times longer than
# the kernel takes to hand loopback data over on a busy machine.
STILL = 0.1


def serving(expected: int, **kwargs: Any) -> GatedHttpServer:
    """A GatedHttpServer with this file's (short) waits."""
    return GatedHttpServer(expected, gate_timeout=GATE, eof_timeout=CLOSE, stall=STILL, **kwargs)


@contextmanager
def resource_warnings() -> Iterator[list[warnings.WarningMessage]]:
    """Record every ResourceWarning raised inside, including at garbage collection."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        found: list[warnings.WarningMessage] = []
        yield found
        gc.collect()
        found.extend(w for w in caught if issubclass(w.category, ResourceWarning))


async def settle() -> None:
    """Let the loop run the callbacks that finish closing transports."""
    for _ in range(5):
        await asyncio.sleep(0)


async def run(aw: Awaitable[T], call: str) -> T:
    return await bounded(aw, DEADLINE, call)


def client_sockets(port: int) -> int:
    """Sockets of this process connected to the test server at ``port``."""
    return sum(1 for c in psutil.Process().net_connections(kind="tcp")
               if c.raddr and c.raddr.port == port)


def refused_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def check_closed(server: GatedHttpServer, found: list[warnings.WarningMessage], call: str) -> None:
    sample = str(found[0].message)[:100] if found else "-"
    MSG.check(not found, "not_closed", call=call, warnings=len(found), sample=sample)
    unclean = server.unclean
    waited = max((c.eof_wait for c in server.connections
                  if c.answered and not c.client_closed), default=0.0)
    MSG.check(unclean == 0, "closed_late", call=call, unclean=unclean, seconds=waited,
              limit=server.eof_timeout, still=server.still_window)


def check_requests(server: GatedHttpServer, call: str) -> None:
    """Every connection the server accepted carried a whole request (its head ends with a blank
    line); the server gives up on a request after ``gate_timeout + eof_timeout``, or sooner
    when the whole process stands still (the client is waiting for it)."""
    limit = server.gate_timeout + server.eof_timeout
    total = len(server.connections)
    silent = [c for c in server.connections if not c.request_line and not c.received]
    incomplete = [c for c in server.connections if not c.request_line and c.received]
    MSG.check(not incomplete, "incomplete_request", call=call, count=len(incomplete),
              total=total, seconds=max((c.head_wait for c in incomplete), default=0.0),
              limit=limit, still=server.still_window)
    MSG.check(not silent, "request_not_sent", call=call, count=len(silent), total=total,
              seconds=max((c.head_wait for c in silent), default=0.0), limit=limit,
              still=server.still_window)


async def request_arrived(server: GatedHttpServer, client: asyncio.Task[object],
                          seconds: float = 1.0) -> None:
    """Wait (about ``seconds``, scaled, at most) until the server has read a whole request,
    or until the ``client`` task has ended by itself. Nothing here ticks: while the client
    is stuck, the process stands still and the server's waits end early."""
    requested = asyncio.create_task(server.requested.wait(), name="course-request-arrived")
    try:
        await asyncio.wait({client, requested}, timeout=scaled(seconds),
                           return_when=asyncio.FIRST_COMPLETED)
    finally:
        requested.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await requested


def ended_with(task: asyncio.Task[object]) -> str:
    """How a finished task ended, in a few words of code: an exception's name, or its return."""
    if task.cancelled():
        return "CancelledError"
    error = task.exception()
    if error is not None:
        return f"{type(error).__name__}: {error}"[:120]
    return f"return {task.result()!r}"[:120]


def check_lines(got: object, want: list[str]) -> None:
    if isinstance(got, list) and got != want:
        for line in got:
            if isinstance(line, str) and line != line.rstrip("\r\n"):
                MSG.fail("line_ending", got=line)
    MSG.check(got == want, "wrong_order", got=got, want=want)


def check_no_tasks_left(call: str) -> None:
    left = pending_tasks()
    for task in left:
        task.cancel()
    MSG.check(not left, "tasks_left", call=call, count=len(left))


# -- task 1 -----------------------------------------------------------------------------------
@one
@pytest.mark.asyncio
@pytest.mark.parametrize(("path", "want"), [("/", "HTTP/1.0 200 OK"),
                                            ("/status/404", "HTTP/1.0 404 Not Found")])
async def test_returns_the_status_line(path: str, want: str) -> None:
    """fetch_status_line sends a GET for the path and returns the status line"""
    async with serving(1) as server:
        got = await run(mod.fetch_status_line(HOST, server.port, path), "fetch_status_line")
        await server.finish()
    check_requests(server, "fetch_status_line")
    request = server.requests[0] if server.requests else ""
    MSG.check(request == f"GET {path} HTTP/1.0", "wrong_request", got=request,
              want=f"GET {path} HTTP/1.0")
    if isinstance(got, str | bytes) and got.strip() == want and got != want:
        MSG.fail("line_ending", got=got)
    MSG.check(got == want, "wrong_status_line", path=path, got=got, want=want)


@one
@pytest.mark.asyncio
async def test_closes_the_connection_and_waits() -> None:
    """fetch_status_line closes its writer and waits until the socket is closed"""
    async with serving(1) as server:
        with resource_warnings() as found:
            got = await run(mod.fetch_status_line(HOST, server.port), "fetch_status_line")
            still_open = client_sockets(server.port)  # right away: no loop iteration since
            await server.finish()
            await settle()
        check_closed(server, found, "fetch_status_line")
    check_requests(server, "fetch_status_line")
    MSG.check(still_open == 0, "not_waited", count=still_open)
    MSG.check(isinstance(got, str) and got.startswith("HTTP/1.0 200"), "wrong_status_line",
              path="/", got=got, want="HTTP/1.0 200 OK")


@one
@pytest.mark.asyncio
async def test_status_line_arriving_in_pieces() -> None:
    """the whole status line is returned when it arrives a few bytes at a time"""
    want = "HTTP/1.0 200 OK"
    async with serving(1, reply="pieces") as server:
        got = await run(mod.fetch_status_line(HOST, server.port), "fetch_status_line")
        await server.finish()
    check_requests(server, "fetch_status_line")
    if isinstance(got, str) and 0 < len(got) < len(want) and want.startswith(got):
        MSG.fail("partial_line", got=got, want=want, size=PIECE)
    if isinstance(got, str | bytes) and got.strip() == want and got != want:
        MSG.fail("line_ending", got=got)
    MSG.check(got == want, "wrong_status_line", path="/", got=got, want=want)


@one
@pytest.mark.asyncio
async def test_closes_the_connection_when_cancelled() -> None:
    """fetch_status_line closes its connection also when it is cancelled while it waits"""
    async with serving(1, reply="never") as server:
        before = leaks.open_sockets()  # the server's listening socket is already there
        with resource_warnings() as found:
            task: asyncio.Task[object] = asyncio.create_task(
                mod.fetch_status_line(HOST, server.port))
            await request_arrived(server, task)
            if task.done() and not any(server.requests):
                task.result()  # it ended before sending a request: raise what it raised
            # A client that half-closes (write_eof) may already have ended: the server
            # closes when it sees the client's EOF. Either way no answer ever came.
            task.cancel()
            try:
                await run(asyncio.wait({task}), "fetch_status_line (cancelled)")
            finally:
                if not task.done():
                    task.cancel()
            outcome = ended_with(task)
            still_open = client_sockets(server.port)  # right away: the call has ended
            await server.finish()  # the server side closes once the client has closed
            await settle()
            left = leaks.open_sockets() - before  # anything else the call left open
            del task
        await settle()  # transports closed by the garbage collector finish closing
    sample = str(found[0].message)[:100] if found else "-"
    MSG.check(not still_open and not left and not found, "not_closed_on_error",
              outcome=outcome, sockets=max(still_open, len(left)), warnings=len(found),
              sample=sample)


# -- task 2 -----------------------------------------------------------------------------------
@many
@pytest.mark.asyncio
async def test_all_connections_are_open_at_once() -> None:
    """fetch_all has every connection open at the same time, in one thread"""
    n = 4
    before = {t.ident for t in threading.enumerate()}
    async with serving(n) as server:
        with resource_warnings() as found:
            got = await run(mod.fetch_all([server.address] * n), "fetch_all")
            await server.finish()
            await settle()
        check_requests(server, "fetch_all")
        if not server.gate_opened and server.peak >= n:
            MSG.fail("requests_one_at_a_time", n=n, asked=server.peak_asked)
        MSG.check(server.gate_opened, "one_at_a_time", n=n, peak=server.peak)
        new = server.threads_at_gate - before
        names = ", ".join(sorted(t.name for t in threading.enumerate() if t.ident in new))
        MSG.check(not new, "threads_started", count=len(new), names=names or "?")
        check_closed(server, found, "fetch_all")
    check_lines(got, ["HTTP/1.0 200 OK"] * n)
    check_no_tasks_left("fetch_all")


@many
@pytest.mark.asyncio
async def test_results_follow_target_order() -> None:
    """results come back in target order even when the first answer comes last"""
    async with (
        serving(2, answer=200, delay=scaled(SLOW)) as slow,
        serving(2, answer=404) as fast,
    ):
        targets = [slow.address, fast.address, slow.address, fast.address]
        with resource_warnings() as found:
            got = await run(mod.fetch_all(targets), "fetch_all")
            await slow.finish()
            await fast.finish()
            await settle()
        check_requests(slow, "fetch_all")
        check_requests(fast, "fetch_all")
        peak = min(slow.peak, fast.peak)
        MSG.check(slow.gate_opened and fast.gate_opened, "one_at_a_time", n=4, peak=peak)
        check_closed(slow, found, "fetch_all")
    check_lines(got, ["HTTP/1.0 200 OK", "HTTP/1.0 404 Not Found"] * 2)
    check_no_tasks_left("fetch_all")


async def one_target_fails(failing: tuple[str, int], raised: str) -> object:
    """fetch_all([server, failing, server]): what it returned; ``raised`` is the key of the
    lesson when it raised instead (an ExceptionGroup has a lesson of its own)."""
    async with serving(2) as server:
        error: Exception | None = None
        got: object = None
        with resource_warnings() as found:
            try:
                got = await run(mod.fetch_all([server.address, failing, server.address]),
                                "fetch_all")
            except (OSError, ExceptionGroup) as exc:
                error = exc
            await server.finish()
            await settle()
        if error is not None:
            for task in pending_tasks():
                task.cancel()
            if isinstance(error, ExceptionGroup):
                inner = ", ".join(f"{type(e).__name__}: {e}" for e in error.exceptions)
                MSG.fail("raised_group", error=f"{type(error).__name__}: {error}", inner=inner)
            MSG.fail(raised, error=f"{type(error).__name__}: {error}")
        check_requests(server, "fetch_all")
        check_no_tasks_left("fetch_all")
        check_closed(server, found, "fetch_all")
        return got


def answered_around(got: object, middle: type[BaseException]) -> bool:
    """Two status lines with an exception of type ``middle`` between them."""
    return (isinstance(got, list) and len(got) == 3
            and got[0] == "HTTP/1.0 200 OK" and got[2] == "HTTP/1.0 200 OK"
            and isinstance(got[1], middle))


@many
@pytest.mark.asyncio
async def test_refused_connection_is_returned_in_place() -> None:
    """a refused connection comes back as an exception in its place; the others answer"""
    failing = (HOST, refused_port())
    got = await one_target_fails(failing, "raised_instead")
    MSG.check(answered_around(got, ConnectionRefusedError), "not_in_place", got=got,
              targets=f"[server, {failing[0]}:{failing[1]}, server]")


@asynccontextmanager
async def resetting_server() -> AsyncIterator[tuple[str, int]]:
    """A server that accepts every connection and resets it at once (a TCP RST)."""

    async def reset(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        sock = writer.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        writer.transport.abort()  # closed with a zero linger: the client gets a reset

    server = await asyncio.start_server(reset, HOST, 0)
    try:
        yield HOST, int(server.sockets[0].getsockname()[1])
    finally:
        server.close()
        await server.wait_closed()


@many
@pytest.mark.asyncio
async def test_reset_connection_is_returned_in_place() -> None:
    """a connection the server resets comes back as an exception in its place, like a refusal"""
    async with resetting_server() as failing:
        got = await one_target_fails(failing, "only_refusals_caught")
    MSG.check(answered_around(got, Exception), "reset_not_in_place", got=got,
              targets=f"[server, {failing[0]}:{failing[1]}, server]")


@many
@pytest.mark.asyncio
async def test_fetch_all_empty() -> None:
    """fetch_all([]) returns []"""
    got = await run(mod.fetch_all([]), "fetch_all")
    MSG.check(got == [], "empty", got=got)
