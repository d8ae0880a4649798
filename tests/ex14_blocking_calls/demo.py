"""Timeline for ex14: ``fetch_all`` with the blocking ``blocking_fetch``, then
``crunch_all`` with the CPU-bound ``cpu_heavy`` — each with a heartbeat task
that shows whether the event loop stayed free meanwhile.

Both given functions are replaced by traced stand-ins (a span per call, with its
CPU time, in the thread or worker process that ran it). ``cpu_heavy``'s number
is chosen so that one call takes about 0.2 s on this machine.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from tests.support.timeline import patch

if TYPE_CHECKING:
    from collections.abc import Callable

    from tests.support.demo import Demo, Section

URLS = [f"https://example.com/status/{code}" for code in (200, 404, 200, 500)]
TARGET = 0.2  # seconds one cpu_heavy call should take
COUNT = 4


def fetch_label(url: str) -> str:
    return "GET " + url.split("/", 3)[-1]


def pick_n(cpu_heavy: Callable[[int], int], target: float = TARGET) -> int:
    """The n for which cpu_heavy(n) takes about ``target`` seconds here (it is linear),
    measured as the machine is now (the median of three runs, load included)."""
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        cpu_heavy(50_000)
        runs.append(time.perf_counter() - start)
    n = int(50_000 * target / max(sorted(runs)[1], 1e-6))
    return max(50_000, min(5_000_000, n // 1000 * 1000))


def scenario(demo: Demo) -> None:
    mod = demo.mod
    with demo.section(f"fetch_all([{len(URLS)} URLs]): blocking calls, off the loop",
                      noun="fetches", total_of="the fetches", overlap=True) as s, \
            patch(mod, "blocking_fetch", s.rec, fetch_label, users=[mod.fetch_all]):

        async def main_fetch() -> None:
            async with s.heartbeat():
                with s.calling(f"fetch_all([{len(URLS)} URLs])") as box:
                    box["result"] = await mod.fetch_all(URLS)

        s.run(main_fetch)
        _explain(s, "blocking_fetch", "asyncio.to_thread (or loop.run_in_executor)")

    numbers = [pick_n(mod.cpu_heavy)] * COUNT
    with demo.section(f"crunch_all({COUNT} × [{numbers[0]}]): CPU work in a process pool",
                      noun="calls", show_cpu=True, overlap=True) as s, \
            patch(mod, "cpu_heavy", s.rec, "cpu_heavy", users=[mod.crunch_all]):

        async def main_crunch() -> None:
            async with s.heartbeat():
                with s.calling(f"crunch_all({COUNT} numbers)") as box:
                    box["result"] = await mod.crunch_all(numbers)

        s.run(main_crunch)
        _explain(s, "cpu_heavy", "loop.run_in_executor with a ProcessPoolExecutor")


def _explain(s: Section, name: str, remedy: str) -> None:
    work = s.work()
    frozen = s.frozen()
    home = s.timeline().home_pid
    on_loop = [w for w in work if w.task is not None]
    if not work:
        s.note(f"No call of {name} was seen: does your code hand the module's {name} to the "
               "executor?")
        return
    if on_loop:
        s.note(f"{name} ran inside a coroutine, on the event loop's own thread: the loop was "
               f"frozen for {frozen:.2f} s (see the gaps in the heartbeat) and nothing else "
               f"could run. Use {remedy}.")
    elif s.peak() < 2:
        s.note(f"{name} ran off the loop, but one call at a time: start them all, then await "
               "them together (asyncio.gather).")
    elif name == "cpu_heavy" and all(w.pid == home for w in work):
        s.note("The calls ran in threads of the demo's process: they overlap, but the GIL lets "
               "only one of them compute at a time (compare the CPUs busy). Use a process pool.")
    else:
        where = "worker processes" if any(w.pid != home for w in work) else "threads"
        s.note(f"The calls ran at the same time in {where}, and the heartbeat kept beating: "
               f"the loop was never frozen for more than {frozen:.2f} s.")
