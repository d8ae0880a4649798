"""Exercise 07: EchoServer, a single-threaded echo server driven by a selector.

The server runs in this process, so the tests see what it holds: its socket file
descriptors (/proc/self/fd), the threads alive while it serves, the state and CPU
time of its thread (usage.py). Evidence: 100 clients that all must get an echo
while all stay connected; an idle client and a slow reader (tests/support/echo.py)
that must not hold the others up; a client that shuts down its sending side and
must still get all its echo; socket counts after clients come and go and after
shutdown; an idle server's thread, which must sleep rather than spin. A wait for
the server ends at its deadline or as soon as the whole process stalls
(tests/support/stall.py): the server's thread asleep and nothing coming to wake
it, so no more will happen.
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import struct
import threading
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from ex07_selector_server import echo_server as mod

from tests.support import leaks, report
from tests.support.echo import SlowReader, Swarm, pattern, refused_address, socket_fds
from tests.support.messages import COMMON
from tests.support.netdiag import backlog_cap, listen_backlog
from tests.support.stall import StallWatch
from tests.support.timing import call_with_deadline, scaled

from .messages import MSG
from .usage import CPU_SHARE, settle
from .usage import watch as usage_of

listen = pytest.mark.task(1, "EchoServer and address")
loop = pytest.mark.task(2, "serve_forever and shutdown")
echo = pytest.mark.task(3, "echo")

HOST = "127.0.0.1"
STOP_WITHIN = 0.5  # seconds (scaled): serve_forever must return this soon after shutdown()
ECHO_WITHIN = 1.0  # seconds (scaled) for a loopback echo while the server is busy elsewhere
SHUTDOWN_CALL = 3.0  # seconds (scaled) for shutdown() itself to return
HALF_CLOSE_SIZE = 3 << 20  # bytes a half-closing client sends: more than the kernel buffers
HALF_CLOSE_ROUND = 256 * 1024  # bytes it sends or reads at a time
HALF_CLOSE_MSS = 1024  # the segment size it asks for
# Seconds an idle server's thread is watched (twice: 0 and 1 client), at least MIN_SAMPLES
# samples (usage.py): a spinning thread is running in all of them, a sleeping one in next to
# none, even one that wakes up every 0.05 s to look at a flag.
IDLE_WINDOW = 0.06
FLOOD_STALL = 0.1  # seconds (scaled) without progress that end a slow reader's flood
# Seconds (scaled) nothing in the process may move before a wait for the server ends early
# (a stall: tests/support/stall.py). The server runs in this process and talks to it over
# loopback, where data is there as soon as it is sent: a right server with work to do is
# running, or ready to run, and one that polls switches at every tick, so a still moment
# of a live exchange lasts no more than the scheduler's latency, far below this.
STILL = 0.1


def make_server(*args: Any) -> Any:
    return call_with_deadline(mod.EchoServer, *args, seconds=5.0, call="EchoServer(...)")


def force_close(obj: object, depth: int = 3) -> None:
    """Close every socket and selector reachable from ``obj``'s attributes.

    Used when the server cannot be shut down (task 2 not done yet, or it crashed) so
    that one failing test does not leave sockets open for the next ones.
    """
    seen: set[int] = set()

    def visit(value: object, level: int) -> None:
        if id(value) in seen or level > depth:
            return
        seen.add(id(value))
        if isinstance(value, socket.socket | selectors.BaseSelector):
            with contextlib.suppress(Exception):
                value.close()
            return
        if isinstance(value, dict):
            items: list[object] = [*value.keys(), *value.values()]
        elif isinstance(value, list | tuple | set | frozenset):
            items = list(value)
        elif hasattr(value, "__dict__") and not isinstance(value, type):
            items = list(vars(value).values())
        else:
            return
        for item in items:
            visit(item, level + 1)

    visit(obj, 0)


class Serving:
    """``serve_forever()`` in a ``course-serve`` thread; always shut down afterwards."""

    def __init__(self, server: Any) -> None:
        self.server = server
        self.error: BaseException | None = None
        self.returned_at: float | None = None
        self.started_at = 0.0
        self.stopped = False
        self.stop_called: float | None = None  # time.perf_counter() when stop() began
        self.thread = threading.Thread(target=self._run, name="course-serve", daemon=True)

    def _run(self) -> None:
        try:
            self.server.serve_forever()
        except BaseException as exc:  # shown by check()
            self.error = exc
        finally:
            self.returned_at = time.perf_counter()

    def __enter__(self) -> Serving:
        self.started_at = time.perf_counter()
        self.thread.start()
        return self

    def dead(self) -> bool:
        return not self.thread.is_alive()

    def check(self) -> None:
        """Fail if serve_forever crashed, returned on its own or raised when shut down."""
        if self.error is not None:
            if isinstance(self.error, NotImplementedError | AssertionError):
                raise self.error
            tb = traceback.extract_tb(self.error.__traceback__)
            line = f"{tb[-1].filename.rsplit('/', 1)[-1]}:{tb[-1].lineno}" if tb else "?"
            after_stop = (self.stop_called is not None and self.returned_at is not None
                          and self.returned_at >= self.stop_called)
            MSG.fail("shutdown_raised" if after_stop else "serve_crashed",
                     error=f"{type(self.error).__name__}: {self.error}", where=line)
        if not self.thread.is_alive() and not self.stopped:
            MSG.fail("serve_returned", seconds=(self.returned_at or 0) - self.started_at)

    def stop(self, within: float = 3.0, watch: StallWatch | None = None) -> float:
        """Call shutdown() from a helper thread and wait for serve_forever to return.

        Returns the seconds from the call until serve_forever returned or, if it had
        not (``self.thread`` still alive), until the wait ended: after ``within``
        seconds (scaled), or earlier when ``watch`` saw the whole process stall (the
        loop asleep, and shutdown() did not wake it). An exception from shutdown() is
        raised here; once serve_forever has returned, shutdown() itself must return
        within SHUTDOWN_CALL seconds of being called (``hang``).
        """
        self.stopped = True
        start = time.perf_counter()
        self.stop_called = start
        if not self.thread.is_alive():
            return (self.returned_at or start) - start
        box: dict[str, BaseException] = {}

        def call() -> None:
            try:
                self.server.shutdown()
            except BaseException as exc:  # raised below, in the test's thread
                box["error"] = exc

        caller = threading.Thread(target=call, name="course-shutdown", daemon=True)
        caller.start()
        end = start + scaled(within)
        while self.thread.is_alive() and "error" not in box:
            left = end - time.perf_counter()
            if left <= 0:
                break
            self.thread.join(left if watch is None else min(left, watch.period))
            if watch is not None and self.thread.is_alive() and watch.stalled():
                break
        if "error" in box:
            raise box["error"]
        if self.thread.is_alive():
            return time.perf_counter() - start
        caller.join(max(0.0, start + scaled(SHUTDOWN_CALL) - time.perf_counter()))
        if "error" in box:
            raise box["error"]
        if caller.is_alive():
            COMMON.fail("hang", call="shutdown()", seconds=scaled(SHUTDOWN_CALL))
        return (self.returned_at or start) - start

    def __exit__(self, kind: object, exc: BaseException | None, tb: object) -> None:
        """Stop the server; a test of echoing does not judge how fast it stops.

        The tests of task 2 measure the stop. Here a loop that shutdown() does not
        wake (the process stalls) or that has not stopped within 3 s is not waited
        for: its sockets are closed and its thread (a daemon) is left to end when it
        wakes up.
        """
        if self.stopped and not self.thread.is_alive():
            return
        try:
            if not self.stopped:
                self.stop(watch=StallWatch(STILL))
        except BaseException:
            force_close(self.server)
            if exc is None:
                raise
        if self.thread.is_alive():
            force_close(self.server)


@contextlib.contextmanager
def serving(*args: Any) -> Iterator[tuple[Any, Serving]]:
    server = make_server(*args)
    try:
        with Serving(server) as run:
            yield server, run
    except BaseException:
        force_close(server)
        raise


class Patience:
    """One wait for the server: up to ``seconds`` (scaled), or until the process stalls.

    ``watch`` goes to the wait; ``told()`` then says, for a message, how it ended.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.watch = StallWatch(STILL)
        self.started = time.monotonic()

    def told(self) -> str:
        fired = self.watch.fired
        if fired is None:
            return MSG.text("waited_limit", seconds=scaled(self.seconds))
        return MSG.text("waited_still", seconds=fired - self.started, still=self.watch.still)


def wait_for(condition: Any, wait: Patience | float) -> bool:
    """Poll ``condition`` until it holds, the time is up or (with a Patience) all is still."""
    seconds = wait.seconds if isinstance(wait, Patience) else wait
    watch = wait.watch if isinstance(wait, Patience) else None
    deadline = time.monotonic() + scaled(seconds)
    while not condition():
        if time.monotonic() > deadline:
            return False
        if watch is not None and watch.stalled():
            return bool(condition())
        time.sleep(0.01)
    return True


def held(before: set[int], *ours: set[int]) -> set[int]:
    """Socket fds opened since ``before`` that are not the test's own clients."""
    mine: set[int] = set().union(*ours) if ours else set()
    return socket_fds() - before - mine


def new_threads(before: set[threading.Thread]) -> list[str]:
    return sorted(
        t.name for t in threading.enumerate()
        if t not in before and not leaks.is_machinery(t)
    )


def show(data: bytes) -> str:
    return repr(data) if len(data) <= 24 else f"<{len(data)} bytes {data[:8]!r}...>"


def connect(address: tuple[str, int]) -> socket.socket:
    return socket.create_connection(address, timeout=scaled(2))


def check_idle(run: Serving, clients: int) -> None:
    """Watch serve_forever's thread while nothing happens: it must sleep, not spin."""
    usage = usage_of(run.thread, IDLE_WINDOW)
    run.check()
    if not usage.samples:  # no /proc: the verdict rests on CPU time, which load can hide
        report.note_timing(f"CPU of serve_forever's thread, idle with {clients} client(s)",
                           usage.cpu, CPU_SHARE * usage.wall, not usage.spinning())
    MSG.check(not usage.spinning(), "busy_loop", clients=clients, busy=usage.busy,
              samples=usage.samples, wall=usage.wall, cpu=usage.cpu)


def check_echo(run: Serving, swarm: Swarm, messages: list[bytes], seconds: float = 3.0) -> None:
    wait = Patience(seconds)
    got = swarm.exchange(messages, seconds, abort=run.dead, watch=wait.watch)
    if got != messages:
        run.check()  # a crashed server explains it best
    for sent, back in zip(messages, got, strict=True):
        if back != sent:
            MSG.fail("wrong_echo", sent=show(sent), got=show(back), waited=wait.told())


@dataclass
class HalfClosed:
    """What a client that sent everything and then shut down its sending side got."""

    size: int
    sent: int = 0
    received: bytearray = field(default_factory=bytearray)
    ended: str = "open"  # how the connection ended: eof, reset, or still open


def send_then_half_close(address: tuple[str, int], payload: bytes, wait: Patience,
                         server: threading.Thread) -> HalfClosed:
    """Send ``payload``, shutdown(SHUT_WR), then read until the server closes.

    The client keeps the kernel's buffers small (a small receive window, small segments)
    and reads only when it cannot send and the server's thread is asleep, a round at a
    time: so the server's own output buffer still holds echo when it reads the end of
    the stream (recv() returns b""), whatever its design.
    """
    got = HalfClosed(len(payload))
    view = memoryview(payload)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sel = selectors.DefaultSelector()
    deadline = time.monotonic() + scaled(wait.seconds)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        with contextlib.suppress(AttributeError, OSError):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_MAXSEG, HALF_CLOSE_MSS)
        sock.settimeout(scaled(2))
        sock.connect(address)
        sock.setblocking(False)
        sel.register(sock, selectors.EVENT_READ | selectors.EVENT_WRITE)
        while time.monotonic() < deadline and server.is_alive():
            if got.sent < got.size:
                ready = sel.select(wait.watch.period)
                if not ready:
                    if wait.watch.stalled():
                        break
                    continue
                if ready[0][1] & selectors.EVENT_WRITE:
                    got.sent += sock.send(view[got.sent:got.sent + HALF_CLOSE_ROUND])
                    if got.sent == got.size:
                        sock.shutdown(socket.SHUT_WR)  # sends nothing more; still reads
                        sel.modify(sock, selectors.EVENT_READ)
                    wait.watch.moved()
                    continue
            # Read a round, once the server has done what it does while nobody reads.
            settle(server)
            taken = 0
            with contextlib.suppress(BlockingIOError, InterruptedError):
                while taken < HALF_CLOSE_ROUND:
                    chunk = sock.recv(HALF_CLOSE_ROUND - taken)
                    if not chunk:
                        got.ended = "eof"
                        return got
                    got.received += chunk
                    taken += len(chunk)
            if taken:
                wait.watch.moved()
            elif got.sent == got.size and not sel.select(wait.watch.period):
                if wait.watch.stalled():
                    break
    except (BlockingIOError, InterruptedError):
        pass
    except OSError:
        got.ended = "reset"
    finally:
        sel.close()
        sock.close()
    return got


def read_to_end(sock: socket.socket, into: bytearray, wait: Patience) -> str:
    """Read from the non-blocking ``sock`` until the server closes the connection ("eof")
    or resets it ("reset"); "open" when the time is up or all went still first (the
    server is not going to close it)."""
    deadline = time.monotonic() + scaled(wait.seconds)
    with selectors.DefaultSelector() as sel:
        sel.register(sock, selectors.EVENT_READ)
        while time.monotonic() < deadline:
            if not sel.select(wait.watch.period):
                if wait.watch.stalled():
                    break
                continue
            try:
                chunk = sock.recv(1 << 16)
            except (BlockingIOError, InterruptedError):
                continue
            except OSError:
                return "reset"
            if not chunk:
                return "eof"
            into += chunk
            wait.watch.moved()
    return "open"


# -- task 1 -----------------------------------------------------------------------------------
@listen
def test_listens_on_a_free_port() -> None:
    """EchoServer() listens on 127.0.0.1 and reports the port the OS picked"""
    server = make_server()
    try:
        address = server.address
        ok = (isinstance(address, tuple) and len(address) == 2 and address[0] == HOST
              and isinstance(address[1], int) and address[1] > 0)
        MSG.check(ok, "wrong_address", args="", got=address, want="('127.0.0.1', <port > 0>)")
        try:
            connect(address).close()
        except OSError as exc:
            MSG.fail("not_listening", address=f"{address[0]}:{address[1]}", error=exc)
    finally:
        force_close(server)


@listen
def test_binds_the_given_port() -> None:
    """EchoServer(host, port) binds exactly that port"""
    host, port = refused_address()  # a port that was free a moment ago
    server = make_server(host, port)
    try:
        address = server.address
        MSG.check(tuple(address) == (host, port), "wrong_address", args=f"{host!r}, {port}",
                  got=address, want=(host, port))
    finally:
        force_close(server)


# -- task 2 -----------------------------------------------------------------------------------
@loop
def test_shutdown_stops_serve_forever_quickly() -> None:
    """shutdown() from another thread makes serve_forever return within 0.5 s"""
    before = socket_fds()
    with serving() as (server, run):
        listening = len(held(before))
        client = connect(server.address)
        try:
            mine = {client.fileno()}
            wait = Patience(1.0)
            accepted = wait_for(lambda: len(held(before, mine)) > listening or run.dead(), wait)
            run.check()
            MSG.check(accepted, "not_accepting", n=1, accepted=0, waited=wait.told())
            settle(run.thread, limit=0.05)  # back in select(), the client registered
            run.check()
            # Past the allowance the verdict is in: no need to wait for a late return.
            elapsed = run.stop(STOP_WITHIN)
            returned = not run.thread.is_alive()
            if returned:
                run.check()  # serve_forever must return, not raise
        finally:
            client.close()
    allowed = scaled(STOP_WITHIN)
    ok = returned and elapsed <= allowed
    report.note_timing("serve_forever return after shutdown()", elapsed, allowed, ok)
    # Still running when last seen: after the wait, or at the allowance if it returned later.
    MSG.check(ok, "slow_shutdown", elapsed=elapsed if not returned else allowed,
              allowed=allowed)


@loop
def test_shutdown_closes_every_socket() -> None:
    """after shutdown the listener and every client socket of the server are closed"""
    before = socket_fds()
    clients: list[socket.socket] = []
    try:
        with serving(HOST, 0) as (server, run):
            address = server.address
            idle = len(held(before))
            clients = [connect(address) for _ in range(3)]
            mine = {c.fileno() for c in clients}
            wait = Patience(1.0)
            accepted = wait_for(lambda: len(held(before, mine)) >= idle + 3 or run.dead(), wait)
            run.check()
            MSG.check(accepted, "not_accepting", n=3, accepted=len(held(before, mine)) - idle,
                      waited=wait.told())
            # A loop that shutdown() did not wake (all went still) will not close anything.
            waited = run.stop(watch=StallWatch(STILL))
            if run.thread.is_alive():
                MSG.fail("shutdown_hang", seconds=waited)
            run.check()  # serve_forever must return, not raise
            left = held(before, mine)
            MSG.check(not left, "sockets_left_open", count=len(left), clients=len(clients))
        try:
            connect(address).close()
        except OSError:
            pass
        else:
            MSG.fail("still_listening", address=f"{address[0]}:{address[1]}")
    finally:
        for c in clients:
            c.close()


@loop
def test_serves_in_the_calling_thread() -> None:
    """serve_forever starts no thread of its own"""
    before = socket_fds()
    threads = set(threading.enumerate())
    clients: list[socket.socket] = []
    try:
        with serving() as (server, run):
            idle = len(held(before))
            clients = [connect(server.address) for _ in range(5)]
            mine = {c.fileno() for c in clients}
            wait_for(lambda: len(held(before, mine)) >= idle + 5 or run.dead(), Patience(1.0))
            extra = new_threads(threads)
            run.check()
            MSG.check(not extra, "extra_threads", n=5, count=len(extra), names=", ".join(extra))
    finally:
        for c in clients:
            c.close()


@loop
def test_idle_server_sleeps() -> None:
    """with no client, and with one idle client, serve_forever sleeps in select()"""
    before = socket_fds()
    with serving() as (server, run):
        listening = len(held(before))
        settle(run.thread)  # let serve_forever reach its select()
        run.check()
        check_idle(run, clients=0)
        client = connect(server.address)
        try:
            mine = {client.fileno()}
            wait = Patience(1.0)
            accepted = wait_for(lambda: len(held(before, mine)) > listening or run.dead(), wait)
            run.check()
            MSG.check(accepted, "not_accepting", n=1, accepted=0, waited=wait.told())
            settle(run.thread)
            check_idle(run, clients=1)
        finally:
            client.close()


def send_reading_as_needed(sock: socket.socket, payload: bytes, seconds: float) -> bytearray:
    """Send ``payload`` on a non-blocking socket with a tiny receive buffer, reading the
    echo only when a send would block: at the end, the server still holds some echo
    (less than a back-pressure limit would stop it at). Returns what was read."""
    back = bytearray()
    sent, end = 0, time.monotonic() + scaled(seconds)
    while sent < len(payload) and time.monotonic() < end:
        try:
            sent += sock.send(payload[sent:sent + (1 << 16)])
        except (BlockingIOError, InterruptedError):
            time.sleep(0.001)
            with contextlib.suppress(BlockingIOError, InterruptedError):
                while chunk := sock.recv(1 << 16):
                    back += chunk
    return back


def small_window_client(address: tuple[str, int]) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.settimeout(scaled(2))
    sock.connect(address)
    sock.setblocking(False)
    return sock


@loop
def test_half_closed_client_that_is_not_reading_does_not_make_it_spin() -> None:
    """a client that shut down its sending side and is not reading yet: the server sleeps"""
    payload = pattern(3 << 20, seed=5)
    with serving() as (server, run):
        sock = small_window_client(server.address)
        try:
            back = send_reading_as_needed(sock, payload, 5.0)
            sock.shutdown(socket.SHUT_WR)  # end of stream: recv() on the server gives b""
            time.sleep(0.01)  # the server reads to the end and fills this client's window
            settle(run.thread)
            usage = usage_of(run.thread, IDLE_WINDOW)
            run.check()
            MSG.check(not usage.spinning(), "half_closed_spin", busy=usage.busy,
                      samples=usage.samples, wall=usage.wall, cpu=usage.cpu)
            wait = Patience(2.0)  # then the rest of the echo still comes back, and the end
            ended = read_to_end(sock, back, wait)
            MSG.check(bytes(back) == payload, "half_close_lost", sent=len(payload),
                      got=len(back), where="", ended=MSG.text(f"ended_{ended}"),
                      waited=wait.told())
            MSG.check(ended != "open", "half_close_kept_open", sent=len(payload),
                      waited=wait.told())
        finally:
            sock.close()


# -- task 3 -----------------------------------------------------------------------------------
@echo
def test_echoes_messages_back() -> None:
    """one client: short and long messages come back exactly"""
    with serving() as (server, run), Swarm(server.address, 1) as swarm:
        swarm.connect()
        for message in (b"hello", b"again, on the same connection", pattern(600_000, seed=1)):
            check_echo(run, swarm, [message])
        run.check()


@echo
def test_hundred_clients_at_once() -> None:
    """100 clients connected at once all get their echo, in one thread"""
    n = 100
    threads = set(threading.enumerate())
    before = socket_fds()
    with serving() as (server, run), Swarm(server.address, n) as swarm:
        baseline = len(held(before, swarm.fds()))  # the server's own sockets
        backlog = listen_backlog(server.address[1])
        need = min(n, backlog_cap())
        if backlog is not None and backlog < need:
            MSG.fail("small_backlog", n=n, backlog=backlog, need=need)
        start = time.monotonic()
        swarm.connect()
        took = time.monotonic() - start
        # Every handshake is over on this side; the server must now accept them all. When
        # its accept queue (listen(backlog)) overflows, the kernel drops the next ones: their
        # handshakes are retried a second or more later (so connecting took that long), or
        # this side thinks them done while the server has not accepted them.
        mine = swarm.fds()
        accepted = wait_for(lambda: len(held(before, mine)) - baseline >= n or run.dead(),
                            Patience(0.75))
        taken = len(held(before, mine)) - baseline
        run.check()
        dropped = took > scaled(0.75) or not accepted
        if dropped and taken > 5:  # a server that serves one at a time stops at 1
            MSG.fail("backlog", n=n, accepted=taken, took=took, waited=scaled(0.75))
        first = [pattern(2000 + i, seed=i) for i in range(n)]
        wait = Patience(3.0)
        got = swarm.exchange(first, 3.0, abort=run.dead, watch=wait.watch)
        extra = new_threads(threads)
        run.check()
        MSG.check(not extra, "extra_threads", n=n, count=len(extra),
                  names=", ".join(extra[:5]) + (" ..." if len(extra) > 5 else ""))
        if got != first:
            run.check()
        echoed = sum(1 for sent, back in zip(first, got, strict=True) if sent == back)
        if echoed < n and all(len(back) in (0, len(sent)) for sent, back in zip(first, got,
                                                                                  strict=True)):
            MSG.fail("not_concurrent", n=n, echoed=echoed, waited=wait.told())
        for sent, back in zip(first, got, strict=True):
            if back != sent:
                MSG.fail("wrong_echo", sent=show(sent), got=show(back), waited=wait.told())
        check_echo(run, swarm, [b"second round %d" % i for i in range(n)])
        run.check()


@echo
def test_idle_client_does_not_stall_the_others() -> None:
    """a client that sent a little and went quiet does not hold the others up"""
    before = socket_fds()
    with serving() as (server, run):
        baseline = len(held(before))
        idle = connect(server.address)
        try:
            idle.sendall(b"abc")  # ...and nothing more, and it never reads
            wait_for(lambda: len(held(before, {idle.fileno()})) > baseline or run.dead(),
                     Patience(1.0))
            settle(run.thread, limit=0.05)  # the server has read it and sleeps again
            with Swarm(server.address, 3) as swarm:
                swarm.connect()
                messages = [b"hi from %d" % i for i in range(3)]
                wait = Patience(ECHO_WITHIN)
                got = swarm.exchange(messages, ECHO_WITHIN, abort=run.dead, watch=wait.watch)
            run.check()
            echoed = sum(1 for m, g in zip(messages, got, strict=True) if m == g)
            MSG.check(echoed == 3, "stalled_by_idle", echoed=echoed, n=3, waited=wait.told())
        finally:
            idle.close()


@echo
def test_slow_reader_does_not_stall_the_others() -> None:
    """a client that floods the server and does not read does not hold the others up"""
    with serving() as (server, run), \
            SlowReader(server.address, stall=scaled(FLOOD_STALL)) as slow:
        wait_for(lambda: slow.flooded.is_set() or run.dead(), 5.0)
        run.check()
        with Swarm(server.address, 3) as swarm:
            swarm.connect()
            messages = [b"still there? %d" % i for i in range(3)]
            wait = Patience(ECHO_WITHIN)
            got = swarm.exchange(messages, ECHO_WITHIN, abort=run.dead, watch=wait.watch)
        run.check()
        echoed = sum(1 for m, g in zip(messages, got, strict=True) if m == g)
        MSG.check(echoed == 3, "stalled_by_slow_reader", sent=slow.sent, echoed=echoed, n=3,
                  waited=wait.told())
        wait = Patience(5.0)
        finished = slow.drain(5.0, wait.watch)
        run.check()
        where = "" if slow.mismatch is None else f" (differing from byte {slow.mismatch})"
        MSG.check(finished and slow.mismatch is None, "slow_reader_lost_data",
                  sent=len(slow.data), echoed=slow.echoed, waited=wait.told(), where=where)


@echo
def test_half_closed_client_gets_its_whole_echo() -> None:
    """a client sends 3 MiB, shuts down its sending side, and still reads every byte back"""
    payload = pattern(HALF_CLOSE_SIZE, seed=3)
    with serving() as (server, run):
        wait = Patience(5.0)
        got = send_then_half_close(server.address, payload, wait, run.thread)
        run.check()
        if got.sent < got.size:
            MSG.fail("wrong_echo", sent=show(payload), got=show(bytes(got.received)),
                     waited=wait.told())
        back = bytes(got.received)
        if back != payload:
            differ = None if payload.startswith(back) else next(
                i for i, (a, b) in enumerate(zip(payload, back, strict=False)) if a != b)
            where = "" if differ is None else MSG.text("differing", byte=differ)
            MSG.fail("half_close_lost", sent=got.sent, got=len(back), where=where,
                     ended=MSG.text(f"ended_{got.ended}"), waited=wait.told())
        MSG.check(got.ended != "open", "half_close_kept_open", sent=got.sent,
                  waited=wait.told())
        run.check()


@echo
@pytest.mark.parametrize("how", ["closed", "reset", "unread"])
def test_clients_come_and_go(how: str) -> None:
    """clients that close, reset or leave without reading are cleaned up"""
    before = socket_fds()
    rounds, n = 3, 20
    with serving() as (server, run):
        baseline = len(held(before))
        # n clients connect at once in every round: an accept queue shorter than that drops
        # handshakes, retried by the kernel only a second later (read, not waited for).
        backlog = listen_backlog(server.address[1])
        need = min(n, backlog_cap())
        if backlog is not None and backlog < need:
            MSG.fail("small_backlog", n=n, backlog=backlog, need=need)
        for _ in range(rounds):
            with Swarm(server.address, n) as swarm:
                swarm.connect()
                if how == "unread":
                    data = pattern(300_000)
                    for peer in swarm.peers:  # send some, read nothing
                        with contextlib.suppress(OSError):
                            peer.sock.send(data)
                    time.sleep(0.02)
                else:
                    check_echo(run, swarm, [b"bye %d" % i for i in range(n)])
                swarm.close(reset=how == "reset")
            settled = wait_for(lambda: len(held(before)) <= baseline or not run.thread.is_alive(),
                               Patience(1.5))
            run.check()
            count = len(held(before))
            if not settled:
                MSG.fail("clients_not_closed", n=n, how=MSG.text(f"how_{how}"), held=count,
                         baseline=baseline)
        with Swarm(server.address, 2) as swarm:
            swarm.connect()
            check_echo(run, swarm, [b"still serving", b"yes"])
        run.check()


@echo
def test_echo_left_unread_is_not_passed_on() -> None:
    """a client leaves with echo still buffered: the next client, on the same fd, gets its own"""
    before = socket_fds()
    with serving() as (server, run):
        baseline = len(held(before))
        newcomer = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        placeholder: socket.socket | None = None

        def server_side() -> int:
            ours = {newcomer.fileno()} | ({placeholder.fileno()} if placeholder else set())
            return len(held(before, ours))

        try:
            leaver = small_window_client(server.address)
            try:
                send_reading_as_needed(leaver, pattern(3 << 20, seed=7), 5.0)
                time.sleep(0.01)
                settle(run.thread)  # the server holds some of the echo, waiting to write it
            finally:
                leaver.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                leaver.close()  # reset: the server's next send or recv on it fails
            # This end's descriptor is taken again at once, so that the server's own, once
            # freed, is the lowest free one: the next connection it accepts gets it.
            placeholder = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            gone = wait_for(lambda: server_side() <= baseline or not run.thread.is_alive(),
                            Patience(1.5))
            run.check()
            if not gone:
                MSG.fail("clients_not_closed", n=1, how=MSG.text("how_reset"),
                         held=server_side(), baseline=baseline)
            newcomer.settimeout(scaled(2))
            newcomer.connect(server.address)
            message = b"mine only"
            newcomer.sendall(message)
            got = bytearray()
            with contextlib.suppress(TimeoutError, OSError):
                while len(got) < len(message) and (chunk := newcomer.recv(len(message))):
                    got += chunk
            run.check()
            MSG.check(bytes(got) == message, "stale_echo", got=show(bytes(got)),
                      sent=show(message))
        finally:
            newcomer.close()
            if placeholder is not None:
                placeholder.close()
        run.check()
