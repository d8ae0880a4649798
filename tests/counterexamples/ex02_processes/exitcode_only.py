"""Judges a child by its exit code only: one that exits 0 without sending gives None."""
# expect: exit_zero_unnoticed
from __future__ import annotations

from typing import Any

from solutions.ex02_processes import processes as _reference
from tests.support.variant import adopt


def _result(index, outcome, process) -> Any:
    if process.exitcode != 0:
        raise ChildProcessError(f"args[{index}]: the child exited with code {process.exitcode}")
    if outcome is None:
        return None  # exit code 0: "it went well", so there was just nothing to send
    return _reference._result(index, outcome, process)


adopt(_reference, globals())  # the rest is the reference's
