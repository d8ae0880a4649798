"""Exercise 06: echo_all, a non-blocking echo client driven by a selector.

Evidence: echo servers (tests/support/echo.py) that read nothing until every
client is connected and sending, and count the peak of simultaneous
connections; a message of several MiB, so one send() cannot take it all; the
threads alive when the servers' gate opened; asyncio loops created during the
call; the CPU time this process used while the servers held their answers;
selector file descriptors (epoll) still open after the call; servers that
trickle a byte at a time and never finish (trickle.py), whose log says when the
client finished sending. While echo_all runs, what the echo servers received
tells when the client can get no further (every byte in but no end of message,
or more bytes than the message): the test says so then instead of waiting for
the client's own 10 s timeout.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import threading
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NoReturn

import pytest
from ex06_nonblocking_client import echo_client as mod

from tests.support import leaks, report
from tests.support.echo import EchoServers, pattern, refused_address, socket_fds
from tests.support.lesson import Lesson
from tests.support.stall import StallWatch
from tests.support.timing import call_watching, call_with_deadline, scale, scaled

from .messages import MSG
from .trickle import TrickleServers

echo = pytest.mark.task(1, "echo_all")
failures = pytest.mark.task(2, "timeouts, refusals, cleanup")

DEADLINE = 15.0  # seconds (scaled) before a call counts as hung
# Seconds (scaled) the servers wait for every client to connect and start sending. A client
# that connects to all at once gets there within a few hundredths of a second, even on a
# busy machine; one that talks to one server at a time sits this out once per gated test.
GATE = 0.5
BIG = 8 << 20  # 8 MiB: more than a socket buffer takes in one send()
# Seconds (scaled) without any thread of the process running or switching (but the echo
# servers' polling ticks) after which a wait for the client ends: the servers and the
# client talk over loopback in this process, so a client with something to do is running
# or ready to run, never still for more than the scheduler's latency.
QUICK = 0.1


@pytest.fixture
def loops(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the threads that created an asyncio event loop during the test."""
    created: list[str] = []
    original: Callable[..., None] = asyncio.BaseEventLoop.__init__

    def spy(self: asyncio.BaseEventLoop, *args: Any, **kwargs: Any) -> None:
        created.append(threading.current_thread().name)
        original(self, *args, **kwargs)

    monkeypatch.setattr(asyncio.BaseEventLoop, "__init__", spy)
    return created


def echo_all(servers: Sequence[tuple[str, int]], message: bytes, timeout: float = 10.0,
             deadline: float = DEADLINE) -> list[bytes]:
    return call_with_deadline(mod.echo_all, servers, message, timeout,
                              seconds=deadline, call="echo_all")


class ServersWatch(StallWatch):
    """What the echo servers received says the client can get no further.

    Either a connection brought more bytes than the message (some were sent twice), or
    every server received the whole message and, for ``window`` seconds (scaled), no end
    of it (EOF): the servers answer only after the EOF, so nothing more can happen.
    A right client shuts its side down with its last send, milliseconds later.

    The whole process is watched too (StallWatch, the servers' polling thread's ticks
    left out): when no thread has run or switched for ``QUICK`` seconds, nothing more
    is coming. Then a gate still waiting for clients is given up at once (they talk to
    one server at a time, or are stuck in a blocking send), and servers that hold the
    whole message without its end need not wait the full ``window``.
    """

    def __init__(self, servers: EchoServers, size: int, window: float = 0.3) -> None:
        echo = servers.thread_id
        super().__init__(QUICK, ignore=[(os.getpid(), echo)] if echo is not None else [])
        self.servers, self.size = servers, size
        self.eof_window = scaled(window)
        # A look every 0.05 s: the test's thread, woken that often, is rarely the thread
        # the echo servers find running while they hold an answer (test_sleeps_in_...).
        self.period = 0.05
        self._seen: list[tuple[int, bool, bool]] = []
        self._changed = time.monotonic()
        self.quiet = 0.0  # seconds the servers have seen no change

    def stalled(self) -> bool:
        conns = list(self.servers.conns)
        if any(len(c.inbox) > self.size for c in conns):
            return True
        seen = [(len(c.inbox), c.eof, c.closed) for c in conns]
        now = time.monotonic()
        if seen != self._seen:
            self._seen, self._changed = seen, now
        self.quiet = now - self._changed
        still = super().stalled()
        servers = self.servers
        if still and servers.clients > 0 and not servers.opened.is_set() and not servers.broken:
            servers.give_up_gate()
            self.moved()
            return False
        if not no_eof(servers, self.size):
            return False
        return self.quiet >= self.eof_window or (still and self.quiet >= self.window)


def no_eof(servers: EchoServers, size: int) -> bool:
    """Every server has the whole message from its client, and none got the end of it."""
    conns = list(servers.conns)
    return len(conns) >= servers.count and all(
        len(c.inbox) == size and not c.eof and not c.closed for c in conns)


def why_stuck(servers: EchoServers, size: int) -> None:
    """Fail with what the servers received, if that shows the client can get no further."""
    conns = list(servers.conns)
    for conn in conns:
        if len(conn.inbox) > size:
            MSG.fail("sent_twice", index=conn.server, got=len(conn.inbox), want=size)
    if no_eof(servers, size):
        MSG.fail("no_shutdown", n=len(conns), want=size)


def client_timed_out(servers: EchoServers, size: int, exc: TimeoutError) -> NoReturn:
    """The client gave up although these servers always answer: say what they saw."""
    why_stuck(servers, size)
    seen = "; ".join(
        f"server {c.server}: {len(c.inbox)} of {size} bytes, "
        + ("end of message (EOF) received" if c.eof else "no end of message (EOF)")
        for c in list(servers.conns)) or "no connection at all"
    MSG.fail("client_timed_out", error=f"{type(exc).__name__}: {exc}", seen=seen)


def talk(servers: EchoServers, message: bytes,
         addresses: Sequence[tuple[str, int]] | None = None) -> list[bytes]:
    """echo_all to ``servers`` (or to ``addresses`` of theirs), ended early when the
    servers show the client can get no further."""
    targets = servers.addresses if addresses is None else addresses
    try:
        return call_watching(mod.echo_all, targets, message, seconds=DEADLINE,
                             call="echo_all", watch=ServersWatch(servers, len(message)),
                             on_stall=lambda: why_stuck(servers, len(message)))
    except TimeoutError as exc:  # these servers always answer: the client got stuck
        client_timed_out(servers, len(message), exc)


def selector_fds() -> set[int]:
    """File descriptors of this process that are epoll selectors (empty without /proc)."""
    found = set()
    with contextlib.suppress(OSError):
        for fd in os.listdir("/proc/self/fd"):
            with contextlib.suppress(OSError):
                if os.readlink(f"/proc/self/fd/{fd}") == "anon_inode:[eventpoll]":
                    found.add(int(fd))
    return found


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No automatic garbage collection inside: a selector left open stays open to be seen
    (a selector refers to itself, so only the collector would close it, at a random time)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def check_replies(replies: object, want: list[bytes], servers: str,
                  message: bytes | None = None) -> None:
    if isinstance(replies, list) and len(replies) == len(want) and replies == want:
        kinds = sorted({type(r).__name__ for r in replies if not isinstance(r, bytes)})
        MSG.check(not kinds, "not_bytes", kinds=", ".join(kinds))
    MSG.check(replies == want, "wrong_replies", servers=servers,
              got=show(replies, message), want=show(want, message))


def show(replies: object, message: bytes | None = None) -> str:
    """A short description of a list of replies (they can be megabytes long)."""
    if not isinstance(replies, list):
        return repr(replies)[:200]
    parts = []
    for reply in replies:
        if not isinstance(reply, bytes | bytearray):
            parts.append(repr(reply)[:60])
        elif len(reply) <= 24:
            parts.append(repr(bytes(reply)))
        else:
            same = " (the message)" if message is not None and reply == message else ""
            parts.append(f"<{len(reply)} bytes {bytes(reply[:8])!r}...{same}>")
    return "[" + ", ".join(parts) + "]"


@contextlib.contextmanager
def unclosed() -> Iterator[list[str]]:
    """Sockets that were left for the garbage collector to close (ResourceWarning)."""
    found: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        yield found
        gc.collect()
    found += [str(w.message) for w in caught
              if issubclass(w.category, ResourceWarning) and "socket" in str(w.message)]


def check_closed(before: set[int], outcome: str, collected: Sequence[str] = ()) -> None:
    """No socket opened during the test is still open (the servers are stopped by now)."""
    left = len(socket_fds() - before) + len(collected)
    MSG.check(not left, "sockets_left_open", outcome=outcome, count=left)


def still_open(before: set[int], servers: EchoServers | TrickleServers) -> set[int]:
    """Sockets opened since ``before`` that are not the servers', read twice.

    A server connection that closes between the two reads of one pass would look like the
    client's; a socket the client really left open is there both times.
    """
    first = socket_fds() - before - servers.fds()
    if not first:
        return first
    time.sleep(0.1)
    return first & (socket_fds() - before - servers.fds())


def check_gate_opened(servers: EchoServers) -> None:
    """The servers' gate opened: every client was connected and sending at the same time."""
    if servers.opened.is_set():
        return
    n = servers.clients
    waited = servers.broken_after if servers.broken_after is not None else servers.gate_timeout
    if servers.peak < n:
        MSG.fail("one_at_a_time", n=n, peak=servers.peak, seconds=waited)
    MSG.fail("blocked_on_send", n=n, sending=servers.peak_sending, seconds=waited)


def new_threads(seen: list[threading.Thread], before: set[threading.Thread]) -> list[str]:
    return sorted(
        t.name for t in seen
        if t not in before and not leaks.is_machinery(t)
    )


# -- task 1 -----------------------------------------------------------------------------------
@echo
def test_talks_to_every_server_at_once(loops: list[str]) -> None:
    """three servers at once, an 8 MiB message, one thread, no asyncio"""
    n = 3
    message = pattern(BIG)
    before_fds = socket_fds()
    before_threads = set(threading.enumerate())
    with unclosed() as collected, EchoServers(n, gate_timeout=GATE) as servers, gc_paused():
        selectors_before = selector_fds()
        replies = talk(servers, message)
        selectors_left = selector_fds() - selectors_before
    check_gate_opened(servers)
    extra = new_threads(servers.threads_when_open, before_threads)
    MSG.check(not extra, "used_threads", n=n, count=len(extra), names=", ".join(extra))
    MSG.check(not loops, "used_asyncio", count=len(loops))
    for index in range(n):
        got = servers.received(index)
        more = [g for g in got if g > len(message)]
        MSG.check(not more, "sent_twice", index=index, got=more[0] if more else 0,
                  want=len(message))
        short = [g for g in got if g != len(message)]
        MSG.check(not short, "partial_send", index=index, got=short[0] if short else 0,
                  want=len(message))
    check_replies(replies, [message] * n, f"<{n} servers>", message)
    check_closed(before_fds, "returned", collected)
    MSG.check(not selectors_left, "selector_left_open", count=len(selectors_left))


@echo
def test_replies_follow_the_order_of_servers() -> None:
    """replies come back in the order of `servers`, not the order they arrive in"""
    n = 3
    message = b"ping " * 200
    names = [b"A:", b"B:", b"C:"]
    before_fds = socket_fds()
    # The last server answers first, then every 0.03 s (scaled) the one before: far more
    # than the few milliseconds the client needs per reply.
    holds = [scaled(0.06), scaled(0.03), 0.0]
    with unclosed() as collected, \
            EchoServers(n, prefix=names, hold=holds, gate_timeout=GATE) as servers:
        replies = talk(servers, message)
    check_replies(replies, [name + message for name in names], "<servers A, B, C>")
    check_closed(before_fds, "returned", collected)


@echo
def test_sleeps_in_the_selector_while_waiting() -> None:
    """while a server holds its answer (the other one has answered), the client sleeps"""
    # The state of the client's thread is sampled every 0.01 s until the last answer: the
    # first server answers at once and closes, so a client that keeps a finished socket
    # registered (its EOF is always "readable") spins from then on. On a busy machine a
    # thread woken for a moment may wait for a CPU in a few samples: two dozen of them keep
    # a sleeping client far below half.
    holds = [0.0, scaled(0.25)]
    before_fds = socket_fds()
    message = pattern(64 * 1024)
    with EchoServers(2, hold=holds, gate_timeout=GATE) as servers:
        replies = talk(servers, message)
    check_gate_opened(servers)  # else the answers were never held back
    check_replies(replies, [message] * 2, "<2 servers>", message)
    if servers.all_in_at is None or servers.answered_at is None:
        pytest.fail("the servers never held their answers")  # cannot happen: replies arrived
    wall = servers.answered_at - servers.all_in_at
    cpu = servers.hold_cpu
    samples, busy = servers.hold_samples, servers.hold_busy
    if samples >= 5:
        # load-independent: was a thread of the client running or runnable, not asleep?
        spinning = busy >= 0.5 * samples
    else:  # no /proc: fall back to CPU time, which a busy machine can hide
        allowed = 0.25 * wall
        report.note_timing("CPU time while waiting for answers", cpu, allowed, cpu <= allowed)
        spinning, samples, busy = cpu > allowed, 1, int(cpu > allowed)
    MSG.check(not spinning, "busy_wait", wall=wall, cpu=cpu, busy=busy, samples=samples)
    check_closed(before_fds, "returned")


@echo
def test_same_server_twice_gets_two_connections() -> None:
    """the same address twice in `servers`: two connections, one reply each, in place"""
    before_fds = socket_fds()
    with unclosed() as collected, EchoServers(1, clients=0) as servers:  # answers at once
        address = servers.addresses[0]
        replies = talk(servers, b"twice", addresses=[address, address])
    MSG.check(replies == [b"twice", b"twice"], "same_server_twice",
              got=show(replies, b"twice"), connections=len(servers.conns))
    check_closed(before_fds, "returned", collected)


@echo
def test_empty_message() -> None:
    """an empty message gets empty replies"""
    before_fds = socket_fds()
    with unclosed() as collected, EchoServers(2, clients=0) as servers:  # no gate: answer at once
        replies = talk(servers, b"")
    check_replies(replies, [b"", b""], "<2 servers>")
    check_closed(before_fds, "returned", collected)


@echo
def test_no_servers() -> None:
    """no servers, no replies"""
    got = echo_all([], b"hello")
    MSG.check(got == [], "empty", got=got)


# -- task 2 -----------------------------------------------------------------------------------
@failures
def test_raises_timeout_error_in_time() -> None:
    """servers that never answer: TimeoutError once `timeout` has passed"""
    n, timeout = 2, 0.2
    allowed = timeout + scaled(0.5)  # for a late wake-up on a busy machine
    before_fds = socket_fds()
    with EchoServers(n, mute=True) as servers:
        start = time.perf_counter()
        try:
            # a call that never gives up is reported as hung a quarter second after it is late
            hung = allowed + scaled(0.25)
            got = echo_all(servers.addresses, b"anyone there?", timeout,
                           deadline=hung / scale())  # call_with_deadline scales it
        except TimeoutError:
            elapsed = time.perf_counter() - start
            # while the exception (and the frames it holds) is alive
            left = still_open(before_fds, servers)
        except (NotImplementedError, AssertionError):  # not done yet / a hang already told
            raise
        except Exception as exc:
            MSG.fail("timeout_wrong_error", n=n, timeout=timeout,
                     error=f"{type(exc).__name__}: {exc}")
        else:
            MSG.fail("timeout_not_raised", n=n, timeout=timeout, got=show(got))
    MSG.check(elapsed >= 0.9 * timeout, "timeout_early", elapsed=elapsed, timeout=timeout)
    report.note_timing("echo_all time to TimeoutError", elapsed, allowed, elapsed <= allowed)
    MSG.check(elapsed <= allowed, "timeout_late", timeout=timeout, elapsed=elapsed,
              allowed=allowed)
    MSG.check(not left, "sockets_left_open", outcome="TimeoutError", count=len(left))
    check_closed(before_fds, "TimeoutError")


@failures
def test_timeout_counts_from_the_start_of_the_call() -> None:
    """servers that trickle a byte every 0.1 s for ever: TimeoutError `timeout` after the start"""
    n, every = 2, 0.1
    # The servers read nothing for `hold` s: the 6 MiB message (more than the socket
    # buffers hold) is all sent only then, well before the deadline. A client whose
    # timeout starts again once it has sent raises `hold` s late at the earliest.
    timeout, hold = scaled(0.35), scaled(0.25)
    allowed = timeout + scaled(0.15)  # the client's time, measured in its own thread
    message = pattern(6 << 20)
    before_fds = socket_fds()
    times: dict[str, float] = {}

    def timed(addresses: list[tuple[str, int]]) -> list[bytes]:
        times["start"] = time.monotonic()
        try:
            return mod.echo_all(addresses, message, timeout)
        finally:
            times["end"] = time.monotonic()

    with TrickleServers(n, hold=hold, every=every) as servers:
        # a call that never gives up is reported as hung; one whose timeout restarted once
        # it had sent everything raises at about hold + timeout, well before
        hung = allowed + scaled(0.4)
        running = False
        try:
            got = call_with_deadline(timed, servers.addresses, seconds=hung / scale(),
                                     call="echo_all")
        except TimeoutError:
            left = still_open(before_fds, servers)  # while the exception is alive
        except Lesson as lesson:
            if lesson.key != "hang":
                raise
            running = True  # told below, outside this handler (one traceback, not two)
        except NotImplementedError:
            raise
        except Exception as exc:
            MSG.fail("trickle_wrong_error", n=n, timeout=timeout, every=every,
                     error=f"{type(exc).__name__}: {exc}")
        else:
            MSG.fail("trickle_returned", n=n, timeout=timeout, every=every, got=show(got))
        if running:
            MSG.fail("timeout_per_select", n=n, timeout=timeout, every=every,
                     seconds=time.monotonic() - times["start"], count=servers.trickled())
        finished = servers.last_eof()
    elapsed = times["end"] - times["start"]
    MSG.check(elapsed >= 0.9 * timeout, "timeout_early", elapsed=elapsed, timeout=timeout)
    report.note_timing("echo_all time to TimeoutError (trickling servers)", elapsed, allowed,
                       elapsed <= allowed)
    if elapsed > allowed and finished is not None:
        sent = finished - times["start"]
        MSG.check(elapsed - sent < 0.8 * timeout, "timeout_restarted", timeout=timeout,
                  hold=hold, elapsed=elapsed, allowed=allowed, sent=sent, after=elapsed - sent)
    MSG.check(elapsed <= allowed, "timeout_late", timeout=timeout, elapsed=elapsed,
              allowed=allowed)
    MSG.check(not left, "sockets_left_open", outcome="TimeoutError", count=len(left))
    check_closed(before_fds, "TimeoutError")


@failures
@pytest.mark.parametrize("position", [0, 1])
def test_refused_connection_names_the_address(position: int) -> None:
    """a server that refuses: ConnectionError naming its address, no socket left open"""
    before_fds = socket_fds()
    refused = refused_address()
    where = f"{refused[0]}:{refused[1]}"
    with EchoServers(2, clients=0) as servers:
        targets = list(servers.addresses)
        targets.insert(position, refused)
        try:
            got = echo_all(targets, b"hello", timeout=5.0)
        except ConnectionError as exc:
            text = str(exc)
            error = f"{type(exc).__name__}: {exc}"
            # while the exception (and the frames it holds) is alive
            left = still_open(before_fds, servers)
        except (NotImplementedError, AssertionError):  # not done yet / a hang already told
            raise
        except Exception as exc:
            MSG.fail("refused_wrong_error", address=where, error=f"{type(exc).__name__}: {exc}")
        else:
            MSG.fail("refused_not_raised", address=where, got=show(got))
    MSG.check(str(refused[1]) in text, "refused_unnamed", error=error, address=where)
    MSG.check(not left, "sockets_left_open", outcome="ConnectionError", count=len(left))
    check_closed(before_fds, "ConnectionError")
