"""Timeline for ex02: four waiting calls handed to ``run_in_processes``.

The target sleeps and sends back its PID. Each call should run in a child
process of its own (a lane per PID, none of them the demo's), all at once; the
gap before the first bar is what starting a process costs.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from tests.support.timeline import nap_pid

if TYPE_CHECKING:
    from tests.support.demo import Demo

DELAYS = (0.4, 0.3, 0.4, 0.3)


def scenario(demo: Demo) -> None:
    mod = demo.mod
    with demo.section("run_in_processes: four calls that wait, one process each",
                      total_of="the delays", overlap=True) as s:
        target = s.rec.traced(nap_pid, "nap {0} s")
        pids = s.call(f"run_in_processes(nap, {list(DELAYS)})", mod.run_in_processes, target,
                      list(DELAYS))
        work = s.work()
        ran_in = {w.pid for w in work}
        if os.getpid() in ran_in:
            s.note(f"The calls ran in the demo's own process (pid {os.getpid()}): start a "
                   "multiprocessing.Process for each argument instead of calling the target "
                   "(or using threads) in the parent.")
        elif s.peak() == len(DELAYS):
            s.note(f"{len(ran_in)} child processes, each with its own PID, all waiting at once; "
                   f"the results came back through pipes or queues: {pids}.")
        else:
            s.note(f"At most {s.peak()} of {len(DELAYS)} children ran at once: start every "
                   "process first, and only then join them.")
        s.note("The time before the first bar starts is what creating a process costs "
               "(a new interpreter under spawn or forkserver; a copy of this one under fork).")
