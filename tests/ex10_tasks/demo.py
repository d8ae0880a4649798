"""Timeline for ex10: ``delay_all``, ``run_concurrently`` failing together, and
``count_while_waiting`` ticking while a delay runs.

``delay`` is replaced by a traced stand-in (a span per call, in the task that ran
it); ``run_concurrently`` gets traced coroutines, one of which fails; while
``count_while_waiting`` runs, each ``asyncio.sleep(tick)`` is marked as a tick.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from tests.support.timeline import Recorder, patch

if TYPE_CHECKING:
    from tests.support.demo import Demo

DELAYS = [0.3, 0.1, 0.2]
WAIT, TICK = 0.4, 0.1


class Boom(Exception):
    """The failure the demo provokes on purpose."""


async def job(rec: Recorder, seconds: float) -> float:
    with rec.span(f"job {seconds} s"):
        await asyncio.sleep(seconds)
    return seconds


async def failing(rec: Recorder, seconds: float) -> float:
    with rec.span(f"fails after {seconds} s"):
        await asyncio.sleep(seconds)
        raise Boom("failed on purpose")


@contextlib.contextmanager
def marked_ticks(rec: Recorder, tick: float) -> Iterator[None]:
    """Mark every ``asyncio.sleep(tick)`` (the learner's ticks) in the task that sleeps."""
    real = asyncio.sleep

    async def sleep(delay: float, result: Any = None) -> Any:
        if delay == tick:
            rec.mark(f"tick (sleep {delay})")
        return await real(delay, result)

    asyncio.sleep = sleep
    try:
        yield
    finally:
        asyncio.sleep = real


def scenario(demo: Demo) -> None:
    mod = demo.mod
    with demo.section(f"delay_all({DELAYS}): every delay in a task of its own",
                      noun="delays", total_of="the delays", overlap=True) as s, \
            patch(mod, "delay", s.rec, "delay({0})", users=[mod.delay_all]):

        async def main_all() -> None:
            with s.calling(f"delay_all({DELAYS})") as box:
                box["result"] = await mod.delay_all(DELAYS)

        s.run(main_all)
        if not s.work():
            s.note("No call of delay was seen: does delay_all call the module's delay?")
        elif s.peak() >= len(DELAYS):
            s.note(f"All {len(DELAYS)} delays slept at once on one thread: the call took the "
                   "longest delay, not their sum.")
        else:
            s.note("The delays ran one after another: create a task for each (asyncio."
                   "create_task) before awaiting any of them.")

    with demo.section("run_concurrently: three jobs, one fails after 0.1 s", noun="jobs",
                      overlap=True) as s:

        async def main_fail() -> None:
            aws = [job(s.rec, 0.3), failing(s.rec, 0.1), job(s.rec, 0.4)]
            with contextlib.suppress(Boom), s.calling(
                "run_concurrently([job 0.3 s, fails after 0.1 s, job 0.4 s])", expect=(Boom,)
            ) as box:
                box["result"] = await mod.run_concurrently(aws)
            await s.linger()

        s.run(main_fail)
        _explain_failure(s)

    with demo.section(f"count_while_waiting({WAIT}, {TICK}): ticks while a delay runs",
                      noun="delays") as s, \
            patch(mod, "delay", s.rec, "delay({0})", users=[mod.count_while_waiting]), \
            marked_ticks(s.rec, TICK):

        async def main_count() -> None:
            with s.calling(f"count_while_waiting({WAIT}, {TICK})") as box:
                box["result"] = await mod.count_while_waiting(WAIT, TICK)

        s.run(main_count)
        s.note(f"Each • is one tick: the loop ran the ticks and the delay of {WAIT} s in "
               "turns, on one thread, each giving the other a chance at every await.")


def _explain_failure(s: Any) -> None:
    spans = s.work()
    call = next((c for c in s.timeline().calls), None)
    if call is None:
        return
    still = [w for w in spans if w.outcome == "ok" and w.end > call.end + 0.01]
    cancelled = [w for w in spans if w.outcome == "cancelled"]
    if still:
        s.note(f"{len(still)} job(s) kept running after run_concurrently had raised: cancel "
               "the other tasks when one fails, and wait until they have finished.")
    elif cancelled and all(w.end <= call.end + 0.001 for w in cancelled):
        s.note("When one job failed, the others were cancelled (×) and had finished "
               "cancelling before run_concurrently raised the failure.")
    elif cancelled:
        s.note("The other jobs were cancelled, but finished cancelling only after "
               "run_concurrently had returned: await them after cancelling.")
