"""What a test leaves behind: threads, child processes, sockets.

``conftest.py`` takes a snapshot before every test and compares after it,
giving stragglers a short grace period to finish on their own.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import threading
import time
from dataclasses import dataclass

import psutil

from .timing import RUNNER_PREFIX, scaled

# Helper processes that multiprocessing starts once and keeps for the whole run.
_SERVICE_MARKERS = ("multiprocessing.resource_tracker", "multiprocessing.forkserver")


@dataclass(frozen=True)
class Snapshot:
    threads: frozenset[threading.Thread]
    children: frozenset[int]
    sockets: frozenset[str]


def service_pids() -> set[int]:
    """Long-lived multiprocessing helpers (resource tracker, forkserver)."""
    pids = set()
    me = os.getpid()
    for child in descendants():
        try:
            # The services are this process's own children. Workers forked by the
            # forkserver carry its command line too, but they are its children: they
            # are real processes of the code under test and must not hide as services.
            if child.ppid() != me:
                continue
            cmdline = " ".join(child.cmdline())
        except (psutil.Error, OSError):
            continue
        if any(marker in cmdline for marker in _SERVICE_MARKERS):
            pids.add(child.pid)
    return pids


def descendants() -> list[psutil.Process]:
    """Every process started by this one, children of children too (none if unreadable)."""
    try:
        return psutil.Process().children(recursive=True)
    except psutil.Error:
        return []


def live_children() -> set[int]:
    """Descendant processes that are not zombies and not multiprocessing services."""
    multiprocessing.active_children()  # reaps finished multiprocessing children
    services = service_pids()
    alive = set()
    for child in descendants():
        if child.pid in services:
            continue
        try:
            if child.status() != psutil.STATUS_ZOMBIE:
                alive.add(child.pid)
        except psutil.Error:
            continue
    return alive


def open_sockets() -> set[str]:
    fd_dir = "/proc/self/fd"
    if not os.path.isdir(fd_dir):
        return {f"{c.fd}" for c in psutil.Process().net_connections(kind="all")}
    found = set()
    for fd in os.listdir(fd_dir):
        with contextlib.suppress(OSError):
            target = os.readlink(os.path.join(fd_dir, fd))
            if target.startswith("socket:"):
                found.add(f"{fd}:{target}")
    return found


def snapshot() -> Snapshot:
    return Snapshot(
        frozenset(t for t in threading.enumerate() if t.is_alive()),
        frozenset(live_children()),
        frozenset(open_sockets()),
    )


@dataclass
class Leftovers:
    threads: list[threading.Thread]
    children: list[int]
    sockets: list[str]

    def __bool__(self) -> bool:
        return bool(self.threads or self.children or self.sockets)


def leftovers(before: Snapshot, grace: float = 1.0) -> Leftovers:
    """What exists now and did not before, after waiting up to ``grace`` (scaled) seconds.

    A socket that only garbage still holds (a selector and its keys, in a cycle) is
    closed by the garbage collector: collected at once, not whenever it next runs. The
    collector's timing would otherwise decide (it runs sooner when a failure's
    traceback is printed in full than as one line, as the grader does).

    A call the test gave up on (its ``deadline:`` thread still runs: the test reported
    the hang) may still hold sockets, its own or those of the test's helpers (a
    multiprocessing manager's connection): they are not counted against the learner.
    """
    deadline = time.monotonic() + scaled(grace)
    collected = False
    while True:
        now = snapshot()
        new = [t for t in now.threads if t not in before.threads]
        abandoned = any(t.name.startswith(RUNNER_PREFIX) for t in new)
        found = Leftovers(
            [t for t in new if not is_machinery(t)],
            sorted(now.children - before.children),
            [] if abandoned else sorted(now.sockets - before.sockets),
        )
        if found.sockets and not collected:
            collected = True
            gc.collect()
            continue
        if not found or time.monotonic() >= deadline:
            return found
        time.sleep(0.02)


def is_machinery(thread: threading.Thread) -> bool:
    """A thread of the test machinery, not the learner's: its daemon helpers ("course-...")
    and the threads that run bounded calls (they report hangs on their own)."""
    return thread.name.startswith(("course-", RUNNER_PREFIX))


def kill_descendants() -> None:
    """Kill every process this one started, and theirs (no waiting, no locks taken)."""
    with contextlib.suppress(psutil.Error):
        for proc in psutil.Process().children(recursive=True):
            with contextlib.suppress(psutil.Error):
                proc.kill()


def kill_children(pids: list[int]) -> None:
    """Stop leaked processes so that one test's leak does not spoil the next ones."""
    procs = []
    for pid in pids:
        with contextlib.suppress(psutil.Error):
            proc = psutil.Process(pid)
            proc.kill()
            procs.append(proc)
    psutil.wait_procs(procs, timeout=2)
    multiprocessing.active_children()
