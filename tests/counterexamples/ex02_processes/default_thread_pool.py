"""Starts the processes from ThreadPoolExecutor() of its default size, one per thread."""
# expect: too_few_at_once
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from solutions.ex02_processes import processes as _reference
from solutions.ex02_processes.processes import _receive, _result, _start
from tests.support.variant import adopt


def _run_one(target, index, arg):
    process, receiver = _start(target, arg)
    outcome = _receive(receiver)
    process.join()
    return _result(index, outcome, process)


def run_in_processes(target, args):
    # min(32, CPUs + 4) threads: plenty for a few children, not one per argument at once
    with ThreadPoolExecutor() as pool:
        return list(pool.map(_run_one, [target] * len(args), range(len(args)), args))


adopt(_reference, globals())  # the rest is the reference's
