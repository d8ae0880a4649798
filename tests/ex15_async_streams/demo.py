"""Timeline for ex15: ``fetch_all`` against a local server that holds each answer
0.3 s, plus one address where nothing listens.

``fetch_status_line`` is replaced by a traced stand-in: a bar per request, in the
task that made it, from connecting until the status line arrived (or the
connection was refused: ``!``). The server counts how many connections it had
open at the same time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.support.async_http import GatedHttpServer
from tests.support.echo import refused_address
from tests.support.timeline import patch

if TYPE_CHECKING:
    from tests.support.demo import Demo

HOLD = 0.3  # seconds the server holds every answer
LIVE = 3


def label(host: str, port: int, path: str = "/") -> str:
    return f"GET {path} from :{port}"


def scenario(demo: Demo) -> None:
    mod = demo.mod
    with demo.section(f"fetch_all: {LIVE} requests held {HOLD} s each, and a refused one",
                      noun="requests", total_of="their waits", overlap=True) as s, \
            patch(mod, "fetch_status_line", s.rec, label, users=[mod.fetch_all]):
        peak = 0

        async def main() -> None:
            nonlocal peak
            async with GatedHttpServer(expected=1, delay=HOLD) as server:
                targets = [server.address] * LIVE + [refused_address()]
                with s.calling(f"fetch_all([{LIVE} live targets, 1 refused])") as box:
                    results = await mod.fetch_all(targets)
                    for result in results:  # a stub's error, handed back in its place
                        if isinstance(result, NotImplementedError):
                            s.fail(result, "fetch_status_line")
                    box["result"] = [type(r).__name__ if isinstance(r, Exception) else r
                                     for r in results]
                peak = server.peak

        s.run(main)
        work = s.work()
        s.note(f"The server had at most {peak} connection(s) open at the same time.")
        if not work:
            s.note("No call of fetch_status_line was seen: does fetch_all call the module's "
                   "fetch_status_line for every target?")
        elif s.peak() >= LIVE:
            s.note(f"{len({w.task for w in work})} tasks waited for their answers at the same "
                   "time, on one thread; the refused connection failed at once and came back "
                   "in its place, without stopping the others.")
        else:
            s.note("The requests ran one after another: wrap every fetch in a task "
                   "(asyncio.gather does) before awaiting any of them.")
