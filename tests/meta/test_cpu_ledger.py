"""The child-CPU evidence of ex03 and ex14 must not depend on the sampler keeping up.

A worker that computes and exits between two samples (a starved sampler thread on
a busy machine) used to vanish from the total; the kernel's ledger keeps it.
"""

from __future__ import annotations

import multiprocessing
import threading
import time

import pytest

from tests.support.cpu import sample_children

BURN = 0.3  # CPU seconds each worker burns


def burn(seconds: float = BURN) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


@pytest.mark.parametrize("method", ["fork", "spawn", "forkserver"])
def test_workers_that_end_between_samples_still_count(method: str) -> None:
    context = multiprocessing.get_context(method)
    # One sample when the call starts and one when it ends: everything in between
    # is missed by the samples.
    with sample_children(interval=60.0) as report:
        workers = [context.Process(target=burn) for _ in range(2)]  # type: ignore[attr-defined]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(30)
            assert worker.exitcode == 0
    assert report.child_cpu >= 2 * BURN * 0.9, (method, report)


def test_threads_show_no_child_cpu() -> None:
    with sample_children() as report:
        thread = threading.Thread(target=burn)
        thread.start()
        thread.join(30)
    assert report.child_cpu < 0.05, report
    assert report.parent_cpu >= BURN * 0.9, report
