"""Exercise 04: fetch_status_codes with one thread per request.

Evidence: a local server holds every request until all of them are in flight
at once and counts the peak; the threads alive when each request arrives tell
a plain loop from threads joined one by one. While the server waits for the
rest, a stall watch (tests/support/stall.py) looks at every thread: when none
has run for a moment, no other request is on its way (they are sent one at a
time, or by too few threads) and the gate is opened then rather than at its
timeout. Every call must leave the process's
default socket timeout as it found it, and its result is copied as it returns
(threads it left running cannot change what is reported).
"""

from __future__ import annotations

import contextlib
import gc
import http.client
import os
import socket
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from ex04_threaded_io import status_codes as mod

from tests.support.http_server import GatedHTTPServer, refused_url
from tests.support.leaks import is_machinery
from tests.support.stall import acting_when_still
from tests.support.sync import beyond_default_pool
from tests.support.timing import call_with_deadline, scaled

from .messages import MSG

codes_task = pytest.mark.task(1, "status codes")
at_once = pytest.mark.task(2, "all requests at once")

DEADLINE = 10.0  # seconds (scaled) before a call counts as hung
# Seconds (scaled) the server holds the first request while waiting for the others. Threads
# started together all arrive within a few hundredths of a second, even on a busy machine;
# a client that sends one request at a time sits this out once per gated test, unless the
# stall watch (below) opens the gate sooner.
GATE = 1.0
# Seconds (scaled) of a still process after which no further request is on its way: the
# gate is opened then. Until every request is in, a right answer always has a thread that
# runs or is about to (one being started, connecting, sending; a handler being started);
# the server's accept loop, which wakes every 0.01 s, is watched apart (see gate_watch).
STILL = 0.15
# seconds between answers after the gate opens, last URL first: codes gathered as the
# answers arrive are then never in input order, every time
GAP = 0.04


@contextlib.contextmanager
def gate_watch(server: GatedHTTPServer) -> Iterator[None]:
    """While the block runs, open the server's gate as soon as the process stalls with it shut.

    A client that sends its requests one at a time (or from too few threads) leaves every
    thread asleep while the server holds the requests it has: nothing else can come then,
    and the gate opens after STILL seconds instead of GATE (``server.broken`` tells, as
    after a gate timeout). The server's accept loop wakes on a timer of its own, so the
    watch ignores its ticks (but not its work: see StallWatch's ``ignore``).
    """
    accept_loops = [t.native_id for t in threading.enumerate()
                    if t.name.startswith("course-http-server-") and t.native_id is not None]
    pid = os.getpid()
    with acting_when_still(server.open_gate, until=lambda: server.opened, window=STILL,
                           ignore=[(pid, tid) for tid in accept_loops],
                           name="course-gate-watch"):
        yield


def fetch(urls: Sequence[str], **kwargs: float) -> list[int]:
    """The learner's fetch_status_codes, bounded; it must leave socket's default timeout alone."""
    timeout = kwargs.get("timeout", 10.0)
    before = socket.getdefaulttimeout()
    try:
        got = call_with_deadline(_fetch_as_returned, list(urls), seconds=DEADLINE,
                                 call="fetch_status_codes", **kwargs)
    except Exception as exc:
        _default_timeout_kept(before, len(urls), timeout)
        if _sent_as_data(exc):
            MSG.fail("timeout_as_data", n=len(urls), timeout=timeout,
                     error=f"{type(exc).__name__}({exc})")
        raise
    _default_timeout_kept(before, len(urls), timeout)
    return got


def _fetch_as_returned(urls: list[str], **kwargs: float) -> Any:
    """fetch_status_codes, its list copied as it returns: threads left running may change it."""
    got = mod.fetch_status_codes(urls, **kwargs)
    return list(got) if isinstance(got, list) else got


def _default_timeout_kept(before: float | None, n: int, timeout: float) -> None:
    after = socket.getdefaulttimeout()
    if after != before:
        socket.setdefaulttimeout(before)  # the other tests must not inherit it
        MSG.fail("global_timeout", n=n, timeout=timeout, before=before, after=after)


_HTTP_LIBRARY = tuple(str(Path(m.__file__ or "").resolve()) for m in (urllib.request, http.client))


def _sent_as_data(exc: BaseException | None) -> bool:
    """A TypeError raised inside urllib or http.client (here or as the cause of ``exc``):
    the request was given something it cannot send, such as a number as its body."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, TypeError):
            tb = exc.__traceback__
            while tb is not None:
                if str(Path(tb.tb_frame.f_code.co_filename).resolve()) in _HTTP_LIBRARY:
                    return True
                tb = tb.tb_next
        exc = exc.__cause__ or exc.__context__
    return False


def in_reverse(server: GatedHTTPServer, codes: Sequence[int]) -> list[str]:
    """URLs answering ``codes``, the last one answered first once the gate opens."""
    return [server.url(f"/status/{c}", delay=GAP * (len(codes) - 1 - i))
            for i, c in enumerate(codes)]


def fetch_answers(urls: Sequence[str], want: list[int]) -> list[int]:
    """Fetch URLs whose answers are `want`; an HTTPError escaping is the classic mistake."""
    try:
        return fetch(urls)
    except urllib.error.HTTPError as exc:
        error = f"HTTPError({exc})"
    # Each escaped HTTPError holds its answer's connection, kept alive through reference
    # cycles of tracebacks: free them now, so that the one mistake is not reported again
    # as sockets left open once the test's leak check has waited for them.
    gc.collect()
    MSG.fail("http_error_raised", error=error, want=want)


class ThreadWatch:
    """Counts the threads of the code under test alive whenever a request arrives, and
    notes socket's default timeout then (the call is in flight)."""

    def __init__(self) -> None:
        self.baseline: set[threading.Thread] = set()
        self.most = 0
        self.defaults: set[float | None] = set()

    def begin(self) -> None:
        self.baseline = set(threading.enumerate())

    def __call__(self, path: str) -> None:
        mine = [t for t in threading.enumerate() if t not in self.baseline
                and not is_machinery(t)]
        self.most = max(self.most, len(mine))
        self.defaults.add(socket.getdefaulttimeout())


# -- task 1 -----------------------------------------------------------------------------------
@codes_task
def test_success_codes() -> None:
    """2xx answers come back as their codes, in input order"""
    want = [200, 201, 204, 202]
    with GatedHTTPServer() as server:
        got = fetch_answers(in_reverse(server, want), want)
    MSG.check(got == want, "wrong_codes", got=got, want=want)


@codes_task
def test_error_answers_are_codes_not_exceptions() -> None:
    """4xx and 5xx answers are returned as codes, not raised"""
    want = [404, 200, 503, 418, 500]
    with GatedHTTPServer() as server:
        got = fetch_answers(in_reverse(server, want), want)
    MSG.check(got == want, "wrong_codes", got=got, want=want)


@codes_task
def test_refused_connection_names_the_url() -> None:
    """a URL where nothing listens raises an OSError that names it"""
    dead = refused_url("/status/200")
    with GatedHTTPServer() as server:
        urls = [server.url("/status/200"), dead]
        try:
            got = fetch(urls)
        except OSError as exc:
            MSG.check(dead in str(exc), "refused_no_url", url=dead,
                      error=f"{type(exc).__name__}({exc})")
            return
        except (NotImplementedError, AssertionError):  # not done yet, or already told
            raise
        except Exception as exc:
            MSG.fail("refused_wrong_error", url=dead, error=f"{type(exc).__name__}({exc})")
    MSG.fail("refused_not_raised", url=dead, got=got)


@codes_task
def test_timeout_is_used() -> None:
    """the timeout argument reaches urlopen: a silent server makes the call fail"""
    timeout = 0.1
    held = 1.0  # (scaled) ten times the timeout: a call that used it has long given up
    with GatedHTTPServer() as server:
        url = server.url("/status/200", delay=held)
        try:
            got = fetch([url], timeout=timeout)
        except OSError as exc:
            # Not a refused connection: the request was sent, the answer never came.
            MSG.check(url in str(exc), "timeout_no_url", url=url, timeout=timeout,
                      error=f"{type(exc).__name__}({exc})")
            return
        except (NotImplementedError, AssertionError):  # not done yet, or already told
            raise
        except Exception as exc:
            MSG.fail("timeout_wrong_error", url=url, timeout=timeout,
                     error=f"{type(exc).__name__}({exc})")
    MSG.fail("timeout_ignored", url=url, timeout=timeout, got=got, held=scaled(held))


@codes_task
def test_empty_input() -> None:
    """fetch_status_codes([]) returns []"""
    got = fetch([])
    MSG.check(got == [], "empty", got=got)


# -- task 2 -----------------------------------------------------------------------------------
@at_once
def test_all_requests_are_in_flight_at_once() -> None:
    """all requests (8, or more than a default thread pool holds) are held by the server at once"""
    codes = [200, 404, 201, 500, 204, 503, 200, 418]
    n = max(len(codes), beyond_default_pool())
    want = [codes[i % len(codes)] for i in range(n)]
    watch = ThreadWatch()
    before = socket.getdefaulttimeout()
    with GatedHTTPServer(expected=n, gate_timeout=GATE, on_arrival=watch) as server:
        urls = [server.url(f"/status/{c}") for c in want]
        watch.begin()
        with gate_watch(server):
            got = fetch_answers(urls, want)
        peak, arrivals = server.peak, server.arrivals
    during = sorted(watch.defaults - {before}, key=repr)
    MSG.check(not during, "global_timeout_during", n=n, before=before,
              during=during[0] if during else None)
    distinct = len(set(urls))
    if peak < n and arrivals == distinct < n:
        MSG.fail("duplicates_merged", n=n, distinct=distinct, arrivals=arrivals)
    if peak < n:
        if peak > 1:
            MSG.fail("too_few", n=n, peak=peak, threads=watch.most)
        key = "joined_one_by_one" if watch.most >= 1 else "sequential"
        MSG.fail(key, n=n, peak=peak, threads=watch.most)
    MSG.check(got == want, "wrong_codes", got=got, want=want)


@at_once
def test_codes_follow_input_order_not_arrival_order() -> None:
    """the codes follow the URLs even when the answers arrive in reverse order"""
    want = [201, 404, 200, 503, 204, 500]
    n = len(want)
    # Once all are in, the server answers the last URL first, then every `step` s (scaled)
    # the one before: far more than the few milliseconds the client needs per answer.
    # Requests that were not all in at once cannot come back reversed: no delays then.
    step = 0.05
    with GatedHTTPServer(expected=n, gate_timeout=GATE, delay_when_broken=False) as server:
        urls = [server.url(f"/status/{c}", delay=round((n - 1 - i) * step, 2))
                for i, c in enumerate(want)]
        with gate_watch(server):
            got = fetch_answers(urls, want)
    if got != want and sorted(got) == sorted(want):
        MSG.fail("completion_order", got=got, want=want)
    MSG.check(got == want, "wrong_codes", got=got, want=want)


@at_once
def test_error_is_raised_after_every_request_finished() -> None:
    """an unreachable URL is reported only after the other requests were answered"""
    dead = refused_url("/status/200")
    with GatedHTTPServer() as server:
        # A call that raises at the refusal does so within milliseconds; the slow answer
        # comes a quarter of a second (scaled) later.
        slow = server.url("/status/200", delay=0.25)
        try:
            got = fetch([dead, slow])
        except OSError as exc:
            # The answer is counted before it is sent, so a caller that waited has seen it.
            answered, arrived = server.answered, server.arrivals
            if answered != 1 and not arrived:
                # The slow request never came: make sure a lone request works at all (its
                # own mistake is reported then) before blaming the order of raise and join.
                fetch([server.url("/status/200")])
            MSG.check(answered == 1, "raised_early", pending=slow,
                      error=f"{type(exc).__name__}({exc})")
            return
    MSG.fail("no_error", url=dead, got=got)
