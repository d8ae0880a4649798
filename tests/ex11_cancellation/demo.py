"""Timeline for ex11: a timeout that cancels, a shield that does not, and a worker
cancelled from outside.

The jobs are traced coroutines: a bar while they work, and when they are
cancelled a second bar for their cleanup (which awaits, as real cleanup often
does), so the picture shows whether the learner's function waited for it.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from tests.support.timeline import Recorder

if TYPE_CHECKING:
    from tests.support.demo import Demo, Section

CLEANUP = 0.05  # seconds a cancelled job spends cleaning up


async def job(rec: Recorder, seconds: float) -> str:
    """Work for ``seconds``; when cancelled, clean up (awaiting) and let the error go on."""
    try:
        with rec.span(f"job {seconds} s"):
            await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        with rec.span("cleanup"):
            await asyncio.sleep(CLEANUP)
        raise
    return "done"


def scenario(demo: Demo) -> None:
    mod = demo.mod
    with demo.section("with_timeout(job 0.5 s, 0.2): the job is cancelled at 0.2 s",
                      noun="steps") as s:

        async def main_timeout() -> None:
            with s.calling("with_timeout(job(0.5), 0.2)") as box:
                box["result"] = await mod.with_timeout(job(s.rec, 0.5), 0.2)
            await s.linger()

        s.run(main_timeout)
        _explain_timeout(s)

    with demo.section("shielded(job 0.4 s, 0.15): stop waiting, keep the job running",
                      noun="steps") as s:

        async def main_shield() -> None:
            with s.calling("shielded(job(0.4), 0.15)") as box:
                result, task = await mod.shielded(job(s.rec, 0.4), 0.15)
                box["result"] = (result, "task")
            await asyncio.wait({task}, timeout=1.0)
            if task.done() and not task.cancelled():
                with s.calling("await task", label="await task") as box:
                    box["result"] = await task

        s.run(main_shield)
        work = s.work()
        if any(w.outcome == "cancelled" for w in work):
            s.note("The timeout cancelled the job itself: wrap it in asyncio.shield, so that "
                   "only the waiting stops.")
        else:
            s.note("shielded returned after 0.15 s with None; the job went on (a task of its "
                   "own) and the caller awaited it later.")

    with demo.section("cancel_after(worker task, 0.3): cancel a worker that runs forever",
                      noun="steps") as s:

        async def main_cancel() -> None:
            log: list[str] = []

            async def traced_worker() -> None:
                with s.rec.span("worker(log)"):
                    await mod.worker(log)

            task = asyncio.create_task(traced_worker())
            with s.calling("cancel_after(worker task, 0.3)") as box:
                box["result"] = await mod.cancel_after(task, 0.3)
            await asyncio.wait({task}, timeout=1.0)
            if task.done() and not task.cancelled() and task.exception() is not None:
                s.fail(task.exception(), "worker(log)")  # type: ignore[arg-type]
            if not task.done():
                s.note(f"worker's log: {log}; its task was still running a second later: "
                       "cancel_after must cancel the task when the time is up.")
            elif task.cancelled():
                s.note(f"worker's log: {log}; its task ended cancelled (×), as it should.")
            else:
                s.note(f"worker's log: {log}; its task ended normally. A worker that swallows "
                       "CancelledError looks finished, not cancelled: re-raise it after the "
                       "cleanup.")

        s.run(main_cancel)


def _explain_timeout(s: Section) -> None:
    work = s.work()
    call = s.timeline().calls[0]
    cleanup = [w for w in work if w.label == "cleanup"]
    if any(w.outcome == "ok" and w.label.startswith("job") for w in work):
        s.note("The job was not cancelled: it ran to the end after with_timeout had returned. "
               "Cancel the work when the time is up (asyncio.wait_for or asyncio.timeout do).")
    elif cleanup and cleanup[0].end > call.end + 0.005:
        s.note("with_timeout returned while the job was still cleaning up: after cancelling, "
               "wait until the job has finished.")
    elif cleanup:
        s.note("The job was cancelled (×) at 0.2 s and with_timeout returned None only after "
               "its cleanup had finished.")
