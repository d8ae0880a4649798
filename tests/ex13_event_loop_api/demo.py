"""Timeline for ex13: three ``future_after`` calls awaited together, then
``run_in_new_loop`` on a coroutine that leaves a task behind.

Each ``future_after`` call is a bar in its own task: futures completed by
``call_later`` timers wait side by side. The leftover task records a bar while
it waits and one for its ``finally`` block, so the picture shows whether
``run_in_new_loop`` cancelled it and let its cleanup run before closing the loop.
``callback_order`` is shown as a note: an order, not a timeline.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.support.demo import Demo

FUTURES = [(0.3, "a"), (0.1, "b"), (0.2, "c")]


def scenario(demo: Demo) -> None:
    mod = demo.mod
    with demo.section("future_after: three futures, each set by a call_later timer",
                      noun="futures", total_of="the delays", overlap=True) as s:

        async def traced(seconds: float, value: str) -> str:
            with s.rec.span(f"future_after({seconds}, {value!r})"):
                return await mod.future_after(seconds, value)

        async def main_futures() -> None:
            with s.calling("gather(future_after(0.3, 'a'), (0.1, 'b'), (0.2, 'c'))") as box:
                box["result"] = await asyncio.gather(*(traced(t, v) for t, v in FUTURES))

        s.run(main_futures)
        if s.peak() >= len(FUTURES):
            s.note("The three futures waited side by side: awaiting a future suspends only the "
                   "task that awaits it, and the loop's timer sets the result when it is due.")
        else:
            s.note("The futures were set one after another: something blocks the loop while "
                   "it waits (time.sleep?). Let loop.call_later set the result.")

    with demo.section("run_in_new_loop: a coroutine that leaves a task running",
                      noun="steps") as s:

        async def leftover() -> None:
            try:
                with s.rec.span("leftover task waiting"):
                    await asyncio.sleep(10)
            finally:
                with s.rec.span("its finally block"):
                    await asyncio.sleep(0.05)

        async def main_leftover() -> str:
            asyncio.get_running_loop().create_task(leftover(), name="leftover")
            await asyncio.sleep(0.15)
            return "main done"

        coro = main_leftover()
        try:
            s.call("run_in_new_loop(main())", mod.run_in_new_loop, coro)
        finally:
            coro.close()  # never started (a stub): no "never awaited" warning
        labels = [w.label for w in s.work()]
        if "its finally block" in labels:
            s.note("The leftover task was cancelled (×) and its finally block ran before the "
                   "loop was closed, as asyncio.run would do.")
        elif any(w.outcome == "cancelled" for w in s.work()):
            s.note("The leftover task was cancelled, but the loop never ran again to let its "
                   "finally block run: after cancelling, run the loop until the tasks are done.")
        else:
            s.note("The leftover task was never cancelled: before closing the loop, cancel the "
                   "tasks still pending and run the loop until they have finished.")
        loop = asyncio.new_event_loop()
        try:
            order = s.call("callback_order(loop)", mod.callback_order, loop)
        finally:
            loop.close()
        s.note(f"callback_order ran the callbacks in this order: {order}.")
