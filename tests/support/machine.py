"""Every CPU for the part of a test that measures parallel speed, and only for that part.

A grader runs several test processes at once, each pinned to a CPU of its own. A test
that measures parallel speed says when it needs every CPU (``claim``: the grader pauses
its other processes once their current test is over, and this one gets every CPU) and
when it no longer does (``release``, e.g. once its parallel call is over and only a
sequential one is left: the others go on). Run any other way (a learner's check), both
do nothing.

A grader takes part by implementing the two hooks of ``Hooks`` in a plugin.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest


class Hooks:
    @pytest.hookspec
    def pytest_machine_claim(self) -> None:
        """The test needs every usable CPU from now on: return once it has them."""

    @pytest.hookspec
    def pytest_machine_release(self) -> None:
        """The test needs one CPU at most from now on."""


_config: pytest.Config | None = None


def bind(config: pytest.Config | None) -> None:
    """The session whose plugins hear the claims (``None``: nobody)."""
    global _config
    _config = config


def claim() -> None:
    if _config is not None:
        _config.hook.pytest_machine_claim()


def release() -> None:
    if _config is not None:
        _config.hook.pytest_machine_release()


@contextlib.contextmanager
def whole() -> Iterator[None]:
    """Every CPU for the block: claimed on entry, released on the way out."""
    claim()
    try:
        yield
    finally:
        release()
