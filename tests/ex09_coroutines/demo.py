"""Timeline for ex09: ``sequential_sum`` awaits one ``delay`` after another; then the
same ``delay`` in three tasks at once, with a heartbeat task that shows whether
the event loop stayed free.

``delay`` is replaced by a traced stand-in that records each call in the task
that awaited it; what ``delay`` prints is shown with the time it was printed.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from tests.support.timeline import patch

if TYPE_CHECKING:
    from tests.support.demo import Demo

DELAYS = [0.3, 0.2, 0.1]


def scenario(demo: Demo) -> None:
    mod = demo.mod
    with demo.section(f"sequential_sum({DELAYS}): each delay awaited in turn",
                      noun="delays", total_of="the delays") as s, \
            patch(mod, "delay", s.rec, "delay({0})"):

        async def main_sum() -> None:
            with s.calling(f"sequential_sum({DELAYS})") as box:
                box["result"] = await mod.sequential_sum(DELAYS)

        s.run(main_sum)
        s.note("Awaiting a coroutine runs it to the end before the next line: the delays add "
               "up, all in one task. Tasks (ex10) let them overlap.")

    with demo.section(f"your delay in {len(DELAYS)} tasks at once (asyncio.gather)",
                      noun="delays", total_of="the delays", overlap=True) as s, \
            patch(mod, "delay", s.rec, "delay({0})"):

        async def main_gather() -> None:
            async with s.heartbeat():
                with s.calling(f"asyncio.gather(*(delay(d) for d in {DELAYS}))") as box:
                    box["result"] = await asyncio.gather(*(mod.delay(d) for d in DELAYS))

        s.run(main_gather)
        frozen = s.frozen()
        if s.peak() >= len(DELAYS) and frozen < 0.1:
            s.note("While one delay sleeps, the loop runs the others (and the heartbeat): "
                   "asyncio.sleep pauses only the coroutine that awaits it.")
        else:
            s.note(f"The loop was frozen for up to {frozen:.2f} s and the delays could not "
                   "overlap: something in delay blocks the whole thread (time.sleep?). Use "
                   "await asyncio.sleep(seconds).")
