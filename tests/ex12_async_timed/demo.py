"""Timeline for ex12: two overlapping calls of a coroutine decorated with the
learner's ``@async_timed()``.

The coroutine records its own bar; the decorator's log lines (printed, as by
default) are shown with their times. A call of 0.3 s starts, and 0.1 s later a
call of 0.2 s: each must be timed from its own start, so the decorator should
report about 0.30 and 0.20 s.
"""

from __future__ import annotations

import asyncio
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.support.demo import Demo

FINISHED = re.compile(r"finished (\S+) in (\d+(?:\.\d+)?) second")


def scenario(demo: Demo) -> None:
    mod = demo.mod
    with demo.section("@async_timed(): a 0.3 s call, and a 0.2 s call started 0.1 s later",
                      noun="calls", overlap=True) as s:

        async def job(seconds: float) -> float:
            with s.rec.span(f"job({seconds})"):
                await asyncio.sleep(seconds)
            return seconds

        async def main() -> None:
            with s.calling("async_timed()(job)"):
                timed = mod.async_timed()(job)
            with s.calling("job(0.3), then job(0.2) 0.1 s later") as box:
                first = asyncio.create_task(timed(0.3))
                await asyncio.sleep(0.1)
                second = asyncio.create_task(timed(0.2))
                box["result"] = await asyncio.gather(first, second)
            timings = getattr(timed, "timings", None)
            if isinstance(timings, list):
                shown = ", ".join(f"{t:.2f}" for t in timings)
                s.note(f"job.timings: [{shown}] (in the order the calls finished)")

        s.run(main)
        spans = {w.label: w.duration for w in s.work()}
        s.printed.flush_partial()
        reported = [float(m.group(2)) for _, line in s.printed.lines
                    if (m := FINISHED.search(line))]
        measured = ", ".join(f"{label} {d:.2f} s" for label, d in spans.items())
        s.note(f"Measured by the coroutine itself: {measured}.")
        want = sorted(spans.values())
        got = sorted(reported)
        shown = " and ".join(f"{r:.2f}" for r in reported) or "nothing"
        if len(got) == len(want) and all(abs(a - b) <= 0.05 for a, b in zip(got, want,
                                                                             strict=True)):
            s.note(f"Your decorator reported {shown} s: each call was timed from its own start.")
        else:
            s.note(f"Your decorator reported {shown} s: each call must be timed from its own "
                   "start (a local variable in the wrapper, read when the call begins), not "
                   "from a start time shared by all calls or taken at decoration time.")
