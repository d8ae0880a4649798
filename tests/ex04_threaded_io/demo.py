"""Timeline for ex04: four requests to a local server that answers each after a delay.

Every request the learner's code sends through ``http.client`` (which ``urllib``
uses) is recorded from the moment it is sent until its answer's status line
arrives, in the thread that sent it. Threads let the waits overlap: the call
takes about the slowest answer, not the sum.
"""

from __future__ import annotations

import contextlib
import http.client
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from tests.support.http_server import GatedHTTPServer
from tests.support.timeline import Recorder, Span, here

if TYPE_CHECKING:
    from tests.support.demo import Demo

REQUESTS = (("/status/200", 0.4), ("/status/404", 0.2), ("/status/500", 0.3), ("/", 0.1))


@contextlib.contextmanager
def traced_requests(rec: Recorder) -> Iterator[None]:
    """Record a span per HTTP request: from ``request()`` to ``getresponse()`` returning."""
    request = http.client.HTTPConnection.request
    getresponse = http.client.HTTPConnection.getresponse

    def traced_request(self: http.client.HTTPConnection, method: str, url: str,
                       *args: Any, **kwargs: Any) -> None:
        started = (f"{method} {urlsplit(url).path}", time.monotonic())
        self._course_demo = started  # type: ignore[attr-defined]
        request(self, method, url, *args, **kwargs)

    def traced_getresponse(self: http.client.HTTPConnection) -> http.client.HTTPResponse:
        label, start = getattr(self, "_course_demo", ("request", time.monotonic()))
        outcome, status = "error", "no answer"
        try:
            response = getresponse(self)
            outcome, status = "ok", str(response.status)
            return response
        finally:
            pid, thread, ident, task = here()
            rec.add(Span(f"{label} → {status}", start, time.monotonic(), pid, thread, ident,
                         task, None, "work", outcome, None))

    http.client.HTTPConnection.request = traced_request  # type: ignore[method-assign]
    http.client.HTTPConnection.getresponse = traced_getresponse  # type: ignore[method-assign]
    try:
        yield
    finally:
        http.client.HTTPConnection.request = request  # type: ignore[method-assign]
        http.client.HTTPConnection.getresponse = getresponse  # type: ignore[method-assign]


def scenario(demo: Demo) -> None:
    mod = demo.mod
    with demo.section("fetch_status_codes: four requests, each answered after a delay",
                      noun="requests", total_of="their waits", overlap=True) as s, \
            GatedHTTPServer(expected=1) as server, traced_requests(s.rec):
        urls = [server.url(path, delay=delay) for path, delay in REQUESTS]
        s.call(f"fetch_status_codes([{len(urls)} URLs])", mod.fetch_status_codes, urls)
        work = s.work()
        threads = {(w.thread_id, w.thread) for w in work}
        s.note(f"The server saw at most {server.peak} request(s) at the same time.")
        if not work:
            s.note("No request went through http.client, so there is nothing to draw: use "
                   "urllib.request.urlopen.")
        elif s.peak() >= len(REQUESTS):
            s.note(f"{len(threads)} threads waited for their answers at the same time: while "
                   "a thread waits on its socket it releases the GIL, so the others run.")
        elif len(threads) == 1:
            s.note("One thread sent every request and waited for each answer before the next: "
                   "start a thread per URL, then join them all.")
        else:
            s.note(f"At most {s.peak()} requests were waiting at once: start every thread "
                   "before joining any.")
