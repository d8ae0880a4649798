"""Timeline for ex01: four waiting calls handed to ``run_in_threads``.

Each callable sleeps (as a network call would) and records where it ran. Started
all before any is joined, the four sleeps overlap and the call takes about the
longest of them; joined one by one (or called in a loop) they add up.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from tests.support.timeline import nap

if TYPE_CHECKING:
    from tests.support.demo import Demo

DELAYS = (0.4, 0.2, 0.3, 0.1)


def scenario(demo: Demo) -> None:
    mod = demo.mod
    with demo.section("run_in_threads: four calls that wait, one thread each",
                      total_of="the delays", overlap=True) as s:
        funcs = [s.rec.traced(functools.partial(nap, d), f"nap {d} s") for d in DELAYS]
        s.call(f"run_in_threads([{len(funcs)} callables])", mod.run_in_threads, funcs)
        work = s.work()
        threads = {(w.thread_id, w.thread) for w in work}
        call = s.timeline().calls[-1]
        if len(work) < len(DELAYS) or any(w.end > call.end + 0.01 for w in work):
            s.note("run_in_threads returned before its calls had finished (bars that go on "
                   "after the call, or are missing): join every thread before returning.")
        elif s.peak() == len(DELAYS):
            s.note(f"All {len(DELAYS)} waits overlapped, each in a thread of its own: the call "
                   f"took about the longest delay ({max(DELAYS)} s), not their sum.")
        elif len(threads) == 1:
            s.note("Every call ran in the same thread, one after another: start a new "
                   "threading.Thread for each callable.")
        else:
            s.note(f"At most {s.peak()} of {len(DELAYS)} calls ran at once: start every thread "
                   "first, and only then join them.")
