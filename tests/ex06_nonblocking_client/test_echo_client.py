"""Exercise 06: echo_all, a non-blocking echo client driven by a selector.

Evidence: echo servers (tests/support/echo.py) that read nothing until every
client is connected and sending, and count the peak of simultaneous
connections; a message of several MiB, so one send() cannot take it all; the
threads alive when the servers' gate opened; asyncio loops created during the
call; the CPU time this process used while the servers held their answers.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import threading
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import pytest
from ex06_nonblocking_client import echo_client as mod

from tests.support import report
from tests.support.echo import EchoServers, pattern, refused_address, socket_fds
from tests.support.timing import call_with_deadline, scale, scaled

from .messages import MSG

echo = pytest.mark.task(1, "echo_all")
failures = pytest.mark.task(2, "timeouts, refusals, cleanup")

DEADLINE = 15.0  # seconds (scaled) before a call counts as hung
# Seconds (scaled) the servers wait for every client to connect and start sending. A client
# that connects to all at once gets there within a few hundredths of a second, even on a
# busy machine; one that talks to one server at a time sits this out once per gated test.
GATE = 1.0
BIG = 8 << 20  # 8 MiB: more than a socket buffer takes in one send()


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


def still_open(before: set[int], servers: EchoServers) -> set[int]:
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
    if servers.peak < n:
        MSG.fail("one_at_a_time", n=n, peak=servers.peak, seconds=servers.gate_timeout)
    MSG.fail("blocked_on_send", n=n, sending=servers.peak_sending, seconds=servers.gate_timeout)


def new_threads(seen: list[threading.Thread], before: set[threading.Thread]) -> list[str]:
    return sorted(
        t.name for t in seen
        if t not in before and not t.name.startswith(("course-", "deadline:"))
    )


# -- task 1 -----------------------------------------------------------------------------------
@echo
def test_talks_to_every_server_at_once(loops: list[str]) -> None:
    """three servers at once, an 8 MiB message, one thread, no asyncio"""
    n = 3
    message = pattern(BIG)
    before_fds = socket_fds()
    before_threads = set(threading.enumerate())
    with unclosed() as collected, EchoServers(n, gate_timeout=GATE) as servers:
        replies = echo_all(servers.addresses, message)
    check_gate_opened(servers)
    extra = new_threads(servers.threads_when_open, before_threads)
    MSG.check(not extra, "used_threads", n=n, count=len(extra), names=", ".join(extra))
    MSG.check(not loops, "used_asyncio", count=len(loops))
    for index in range(n):
        got = servers.received(index)
        short = [g for g in got if g != len(message)]
        MSG.check(not short, "partial_send", index=index, got=short[0] if short else 0,
                  want=len(message))
    MSG.check(replies == [message] * n, "wrong_replies", servers=f"<{n} servers>",
              got=show(replies, message), want=show([message] * n, message))
    check_closed(before_fds, "returned", collected)


@echo
def test_replies_follow_the_order_of_servers() -> None:
    """replies come back in the order of `servers`, not the order they arrive in"""
    n = 3
    message = b"ping " * 200
    names = [b"A:", b"B:", b"C:"]
    before_fds = socket_fds()
    # The last server answers first, then every 0.05 s (scaled) the one before: far more
    # than the few milliseconds the client needs per reply.
    holds = [scaled(0.1), scaled(0.05), 0.0]
    with unclosed() as collected, \
            EchoServers(n, prefix=names, hold=holds, gate_timeout=GATE) as servers:
        replies = echo_all(servers.addresses, message)
    want = [name + message for name in names]
    MSG.check(replies == want, "wrong_replies", servers="<servers A, B, C>",
              got=show(replies), want=show(want))
    check_closed(before_fds, "returned", collected)


@echo
def test_sleeps_in_the_selector_while_waiting() -> None:
    """while the servers hold their answers, the client sleeps instead of spinning"""
    hold = scaled(0.25)  # the state of the client's thread is sampled every 0.01 s meanwhile
    before_fds = socket_fds()
    message = pattern(64 * 1024)
    with EchoServers(2, hold=hold, gate_timeout=GATE) as servers:
        replies = echo_all(servers.addresses, message)
    check_gate_opened(servers)  # else the answers were never held back
    MSG.check(replies == [message] * 2, "wrong_replies", servers="<2 servers>",
              got=show(replies, message), want=show([message] * 2, message))
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
def test_empty_message() -> None:
    """an empty message gets empty replies"""
    before_fds = socket_fds()
    with unclosed() as collected, EchoServers(2, clients=0) as servers:  # no gate: answer at once
        replies = echo_all(servers.addresses, b"")
    MSG.check(replies == [b"", b""], "wrong_replies", servers="<2 servers>", got=show(replies),
              want=show([b"", b""]))
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
    n, timeout = 2, 0.25
    allowed = timeout + scaled(0.75)  # for a late wake-up on a busy machine
    before_fds = socket_fds()
    with EchoServers(n, mute=True) as servers:
        start = time.perf_counter()
        try:
            # a call that never gives up is reported as hung half a second after it is late
            hung = allowed + scaled(0.5)
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
