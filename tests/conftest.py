"""Test set-up shared by every exercise.

* The copy being checked comes from ``EXERCISES_ROOT`` (default ``exercises/``);
  it is put on ``sys.path`` and on ``PYTHONPATH`` so that child processes
  (spawn, forkserver) import the same copy.
* Every test fails if it leaves threads, child processes or sockets behind.
* The reporting plugin (``tests/support/report.py``) turns failures into
  per-task teaching lines (``--teach``) and results files (``--results-json``).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import multiprocessing
import os
import sys
import threading
import time
import warnings
from collections.abc import Iterator

import pytest

from tests.support import leaks, machine, report
from tests.support.messages import COMMON
from tests.support.roots import exercises_root, make_importable

ROOT = exercises_root()
make_importable(ROOT)


def pytest_addoption(parser: pytest.Parser) -> None:
    report.add_options(parser)


def pytest_addhooks(pluginmanager: pytest.PytestPluginManager) -> None:
    pluginmanager.add_hookspecs(machine.Hooks)


def pytest_configure(config: pytest.Config) -> None:
    report.configure(config)
    machine.bind(config)


SESSION_LOOP = pytest.StashKey[asyncio.AbstractEventLoop]()


def pytest_sessionstart(session: pytest.Session) -> None:
    # CONCURRENCY_START_METHOD=spawn|forkserver|fork tries the exercises under another
    # multiprocessing start method (Python 3.14 defaults to forkserver on Linux).
    method = os.environ.get("CONCURRENCY_START_METHOD", "").strip()
    if method:
        multiprocessing.set_start_method(method, force=True)
    # looptime asks the policy for the current loop around every test, which creates one
    # (with its self-pipe sockets) on first use; make it now, before any leak snapshot.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        session.stash[SESSION_LOOP] = asyncio.new_event_loop()
        asyncio.set_event_loop(session.stash[SESSION_LOOP])


def pytest_collection_finish(session: pytest.Session) -> None:
    # What is alive now (pytest, the tests, the modules being checked) stays alive for the
    # whole run: frozen, it is left out of every later garbage collection. Several tests
    # collect garbage on purpose (an unclosed socket or a coroutine never awaited shows up
    # only once collected); over all those objects each collection took some 25 ms.
    gc.collect()
    gc.freeze()


EXIT_GRACE = 5.0  # seconds the interpreter may take to exit once the session is over


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    session.config.stash[EXIT_STATUS] = int(exitstatus)
    # pytest-asyncio's runner unsets the current loop after an async test, so close the
    # loop made above by reference rather than asking the policy for it.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        asyncio.set_event_loop(None)
    loop = session.stash.get(SESSION_LOOP, None)
    if loop is not None:
        loop.close()


EXIT_STATUS = pytest.StashKey[int]()


def pytest_unconfigure(config: pytest.Config) -> None:
    """Make sure the test process ends once its results are written.

    A pool or executor that an exercise left open can hang the interpreter's exit: the
    leak check killed its workers, maybe while one held the pool's lock, and
    multiprocessing's exit handler then waits on that lock for ever. A daemon thread
    ends the process, and whatever it started, with the session's exit status if
    exiting takes too long.
    """
    status = config.stash.get(EXIT_STATUS, None)
    if status is None:
        return

    def watchdog() -> None:
        time.sleep(EXIT_GRACE)
        # A pool replaces the workers the leak check killed: end those too, or they
        # would outlive the run (and keep its output pipe open).
        leaks.kill_descendants()
        with contextlib.suppress(Exception):
            sys.stderr.write(f"{COMMON.lesson('exit_stuck', seconds=EXIT_GRACE)}\n")
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(status)

    threading.Thread(target=watchdog, name="course-exit-watchdog", daemon=True).start()


def pytest_report_header(config: pytest.Config) -> str:
    return f"checking the exercises in {ROOT}"


BEFORE = pytest.StashKey[leaks.Snapshot]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    result = yield
    # After the fixtures are up: what the test machinery opened is not the learner's.
    if not item.get_closest_marker("meta"):
        item.stash[BEFORE] = leaks.snapshot()
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """Fail a test that leaves threads, child processes or sockets behind."""
    result = yield
    before = item.stash.get(BEFORE, None)
    if before is None:
        return result
    found = leaks.leftovers(before)
    if found.children:
        leaks.kill_children(found.children)
    problems = []
    if found.threads:
        names = ", ".join(sorted(t.name for t in found.threads))
        problems.append(COMMON.lesson("leaked_threads", count=len(found.threads), names=names))
    if found.children:
        pids = ", ".join(map(str, found.children))
        problems.append(COMMON.lesson("leaked_processes", count=len(found.children), pids=pids))
    if found.sockets:
        problems.append(COMMON.lesson("leaked_sockets", count=len(found.sockets)))
    if problems:
        raise problems[0] if len(problems) == 1 else ExceptionGroup("left behind", problems)
    return result
