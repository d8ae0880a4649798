"""Timeline for ex05: four threads update one ``Counter`` at the same time.

The module's ``pause()`` hook — called between reading the count and writing it
back — is replaced by a real 20 ms pause that records a bar: the window in which
another thread could slip in. With the lock, the windows never overlap (one at a
time, nothing lost); without it they overlap and updates are lost.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

from tests.support.timeline import patch

if TYPE_CHECKING:
    from tests.support.demo import Demo

THREADS = 4
UPDATES = 4  # per thread: increment, add(2), increment, add(2)
PAUSE = 0.02


def slow_pause() -> None:
    time.sleep(PAUSE)


def scenario(demo: Demo) -> None:
    mod = demo.mod
    with demo.section(f"Counter: {THREADS} threads, {UPDATES} updates each, 20 ms between "
                      "each read and write", noun="updates", total_of="the pauses") as s, \
            patch(mod, "pause", s.rec, "read … write", replacement=slow_pause,
                  users=[mod.Counter.increment, mod.Counter.add]):
        with s.calling("Counter()"):
            counter = mod.Counter()
        want = THREADS * (UPDATES // 2) * (1 + 2)
        errors: list[BaseException] = []

        def work() -> None:
            try:
                for _ in range(UPDATES // 2):
                    counter.increment()
                    counter.add(2)
            except BaseException as exc:  # reported below, in the main thread
                errors.append(exc)

        threads = [threading.Thread(target=work, name=f"updater {n}", daemon=True)
                   for n in range(1, THREADS + 1)]
        with s.calling(f"increment() and add(2) from {THREADS} threads") as box:
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            if errors:
                raise errors[0]
            box["result"] = f"value {counter.value} (want {want})"
        value = counter.value
        if s.peak() <= 1 and value == want:
            s.note(f"The lock let one thread at a time between read and write: the windows "
                   f"never overlap, and the count is right ({value}).")
        elif value != want:
            s.note(f"The windows overlapped (up to {s.peak()} at once) and {want - value} of "
                   f"{want} counted units were lost: two threads read the same value and both "
                   "wrote back value + n. Hold one lock around the read, the pause and the "
                   "write.")
        else:
            s.note(f"The windows overlapped (up to {s.peak()} at once) and yet the count is "
                   "right: is pause() called outside the lock? The exercise asks for the whole "
                   "update — read, pause, write — under one lock.")
