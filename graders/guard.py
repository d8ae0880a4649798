"""Tamper check for graded runs: a pytest plugin loaded with ``-p`` before any submission code.

The grader copies this file next to the pristine tests (as ``_grading_guard.py``)
and runs ``pytest -p _grading_guard``. At configure time, before the submission
is imported, it records the identity of the clocks and primitives the tests rely
on; after every test and at the end of the session it checks them again. The
verdict is added to the results file (``--results-json``) under ``"guard"``, and the
file is signed (HMAC) with a key read from a pipe the grader opened, before the
submission is imported: a results file forged by the submission has no valid
signature. A run whose results carry no signed verdict is not trusted.

When the grader runs several exercises in one process, two more things are kept:

* a heartbeat (``RESULTS.progress``, rewritten after collection and after every test),
  so that a run that stops making progress can be stopped long before its overall cap;
* the first exercise after whose tests the process was no longer as clean as before
  the first test (``"dirty"``): a thread still running (a call that never returned),
  a child process, or global state changed (garbage collector, switch interval,
  recursion limit, working directory, environment, ``sys.path``, logging levels and
  handlers, signal handlers, hooks, the asyncio event loop policy).
  The run stops there: later exercises could fail by the earlier one's doing, so
  the grader runs them in a fresh process instead.

On a machine with several CPUs the job runs pinned to one, and takes turns with the other
jobs for the whole machine: a test that measures parallel speed claims every CPU
(``tests/support/machine.py``), the grader pauses the other jobs between two of their
tests and lets it go; once it releases them, they resume (see ``_claim``).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import importlib
import json
import os
import select
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    import pytest

# pytest's own marker (``pytest.hookimpl``), without importing pytest: the grader imports
# this module too (for ``sign``), and pytest would add a tenth of a second to its start.
hookimpl = pluggy.HookimplMarker("pytest")
PLUGINS = "GRADING_PLUGINS"  # the plugins the tests need, named by the grader (see below)
HOLD_FD = "GRADING_HOLD_FD"  # a socket to ask for the whole machine on (see _claim)
HOLD_CPUS = "GRADING_HOLD_CPUS"  # every CPU the tests then get

WATCHED = (
    "time.perf_counter", "time.perf_counter_ns", "time.monotonic", "time.monotonic_ns",
    "time.time", "time.sleep", "time.process_time", "time.thread_time",
    "threading.Barrier", "threading.Thread", "threading.Event", "threading.Lock",
    "threading.active_count", "threading.current_thread", "threading.get_ident",
    "asyncio.sleep", "asyncio.gather", "asyncio.wait_for", "asyncio.create_task",
    "asyncio.Barrier", "asyncio.get_running_loop", "asyncio.base_events.BaseEventLoop.time",
    "os.getpid", "os.getppid", "os.cpu_count", "os.sched_getaffinity", "os._exit",
    "resource.getrusage", "json.dumps", "json.dump",
    "multiprocessing.cpu_count", "multiprocessing.Process",
    "tests.support.report.explain", "tests.support.report.Reporter.pytest_runtest_makereport",
    "tests.support.report.Reporter.pytest_sessionfinish", "tests.support.report.note_timing",
    "tests.support.lesson.Catalogue.check", "tests.support.lesson.Catalogue.fail",
    "tests.support.lesson.Lesson.__init__",
    "tests.support.timing.call_with_deadline", "tests.support.timing.call_watching",
    "tests.support.timing.scale",
    "tests.support.sync.Rendezvous", "tests.support.leaks.leftovers",
    "tests.support.leaks.is_machinery",
    "_pytest.runner.call_and_report", "_pytest.runner.pytest_runtest_makereport",
    "_pytest.reports.TestReport.from_item_and_call",
)
MODULES = ("time", "threading", "asyncio", "os", "resource", "json", "multiprocessing")


def _take_key() -> bytes:
    """The signing key, read once from the pipe the grader opened, before any submission code."""
    fd = os.environ.pop("GRADING_KEY_FD", None)
    if not fd:
        return b""
    try:
        with os.fdopen(int(fd), "rb") as pipe:
            return pipe.read()
    except (OSError, ValueError):
        return b""


_SIGN = (_take_key(), hmac.new, hashlib.sha256, json.dumps)


def _take_hold() -> tuple[int | None, list[int]]:
    """The socket to ask for the whole machine on, and every CPU it then gives, named by
    the grader, taken out of the environment before any submission code (the tests see
    the one they always had)."""
    fd, cpus = os.environ.pop(HOLD_FD, None), os.environ.pop(HOLD_CPUS, "")
    try:
        number = int(fd) if fd else None
        if number is not None:
            os.set_inheritable(number, False)
        return number, [int(c) for c in cpus.split(",") if c]
    except (OSError, ValueError):
        return None, []


_HOLD = _take_hold()
# The CPUs this job was pinned to (the launcher pinned it before Python started): its own,
# given back after a turn with the whole machine.
_OWN = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
_poll, _POLLIN = select.poll, select.POLLIN  # captured before any submission code, as are
_read, _write = os.read, os.write  # os.read and os.write


def _drop_hold() -> None:
    """The grader is gone or spoke out of turn: no more turns, the job goes on as it is."""
    global _HOLD
    fd, _ = _HOLD
    _HOLD = (None, [])
    if fd is not None:
        with contextlib.suppress(OSError):
            os.close(fd)


def _expect(fd: int, wanted: bytes) -> bool:
    """Wait for the grader's ``wanted`` byte; a request to pause that crossed ours is moot
    (a job asking for the machine waits anyway)."""
    while True:
        got = _read(fd, 1)
        if got == wanted:
            return True
        if got != b"p":
            return False


def _set_cpus(cpus: list[int], everything: bool = False) -> None:
    """Pin this thread to ``cpus`` (``everything``: every thread of the process, and every
    process it started, which may still be computing). Threads and processes started
    later inherit the starting thread's CPUs."""
    if not cpus or not hasattr(os, "sched_setaffinity"):
        return
    tasks = [0]
    if everything:
        with contextlib.suppress(OSError):
            tasks = [int(t) for t in os.listdir("/proc/self/task")]
        with contextlib.suppress(Exception):
            import psutil

            for kid in psutil.Process().children(recursive=True):
                with contextlib.suppress(psutil.Error, OSError):
                    for thread in kid.threads():
                        os.sched_setaffinity(thread.id, cpus)
    for task in tasks:
        with contextlib.suppress(OSError):
            os.sched_setaffinity(task, cpus)


# "none": the job runs on its own CPU; "granted": every CPU is the tests' (they claimed it,
# tests/support/machine.py, and the grader paused every other job at a test's end).
_TURN = "none"


def _claim() -> None:
    """The tests need every CPU: ask the grader, wait for its go, take them."""
    global _TURN
    fd, cpus = _HOLD
    if fd is None or _TURN == "granted":
        return
    try:
        _write(fd, b"r")
        granted = _expect(fd, b"g")
    except OSError:
        granted = False
    if not granted:
        _drop_hold()
        return
    _TURN = "granted"
    _set_cpus(cpus)


def _release() -> None:
    """The tests need one CPU at most: back to this job's own CPU (every thread and child
    process, so none competes with the jobs that resume), then tell the grader. A test may
    say so while its call still runs (see ex03's ``serial_watch``)."""
    global _TURN
    fd, _ = _HOLD
    if fd is None or _TURN != "granted":
        return
    _TURN = "none"
    _set_cpus(_OWN, everything=True)
    try:
        _write(fd, b"f")
    except OSError:
        _drop_hold()


def _pause_point() -> None:
    """Between two tests: when another job needs the whole machine, the grader asked this
    one to stop for a while (b"p"). Say so (b"w") and wait for its b"c"; nothing of the
    tests runs meanwhile, and no test is ever stopped halfway."""
    fd, _ = _HOLD
    if fd is None or _TURN == "granted":
        return
    try:
        poller = _poll()
        poller.register(fd, _POLLIN)
        if not poller.poll(0):
            return
        got = _read(fd, 1)
        if got == b"p":
            _write(fd, b"w")
            got = b"c" if _expect(fd, b"c") else b""
        if got != b"c":
            _drop_hold()
    except OSError:
        _drop_hold()


def sign(data: dict[str, Any], secret: tuple[Any, ...] = _SIGN) -> str:
    key, new, digest, dumps = secret
    payload = dumps(data, sort_keys=True, ensure_ascii=False).encode()
    return str(new(key, payload, digest).hexdigest())


def _locate(dotted: str) -> tuple[str, tuple[str, ...]]:
    """The module (imported now if need be) and the attributes that lead to ``dotted``."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        name = ".".join(parts[:cut])
        if name not in sys.modules:
            try:
                importlib.import_module(name)
            except ImportError:
                continue
        return name, tuple(parts[cut:])
    raise LookupError(dotted)


def _lookup(module: str, attrs: tuple[str, ...]) -> Any:
    """What ``module.attrs`` is now. Looked up after every test, so no import is tried:
    a module gone from ``sys.modules`` is a change (as is a replaced one)."""
    obj: Any = sys.modules.get(module)
    if obj is None:
        raise LookupError(module)
    for attr in attrs:
        obj = getattr(obj, attr)
    return getattr(obj, "__func__", obj)  # a classmethod gives a new bound method each time


def _state() -> dict[str, Any]:
    """Process-wide state a test may change and forget to restore, as comparable values."""
    import asyncio
    import gc
    import logging
    import signal
    import threading

    found: dict[str, Any] = {
        "gc enabled": gc.isenabled(),
        "switch interval": sys.getswitchinterval(),
        "recursion limit": sys.getrecursionlimit(),
        "working directory": os.getcwd(),
        "environment": sorted(os.environ.items()),
        "sys.path": list(sys.path),
        "sys.excepthook": id(sys.excepthook),
        "threading.excepthook": id(threading.excepthook),
    }
    for name in ("", "asyncio"):
        logger = logging.getLogger(name)
        found[f"logger {name or 'root'}"] = (logger.level, logger.disabled, len(logger.handlers),
                                             logger.propagate)
    found["logging.disable"] = logging.root.manager.disable
    for sig in ("SIGINT", "SIGTERM", "SIGCHLD", "SIGALRM", "SIGPIPE"):
        number = getattr(signal, sig, None)
        if number is not None:
            found[f"signal handler {sig}"] = id(signal.getsignal(number))
    policy = getattr(asyncio.events, "_event_loop_policy", None)
    found["asyncio policy"] = id(policy)
    return found


def _threads() -> set[Any]:
    import threading

    # threads of the test machinery that outlive a test by design are named "course-..."
    return {t for t in threading.enumerate() if t.is_alive() and not t.name.startswith("course-")}


def _children() -> set[tuple[int, str]]:
    try:
        import psutil
    except ImportError:
        return set()
    try:
        kids = psutil.Process().children(recursive=True)
    except psutil.Error:
        return set()
    alive = set()
    for kid in kids:
        try:
            cmdline = " ".join(kid.cmdline())
            if kid.status() == psutil.STATUS_ZOMBIE or "multiprocessing.resource_tracker" in \
                    cmdline or "multiprocessing.forkserver" in cmdline:
                continue
        except psutil.Error:
            continue
        alive.add((kid.pid, cmdline[:80]))
    return alive


class Guard:
    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.seen: dict[str, Any] = {}
        self.places: dict[str, tuple[str, tuple[str, ...]]] = {}
        self.modules = {name: sys.modules.get(name) for name in MODULES}
        for dotted in WATCHED:
            try:
                self.places[dotted] = _locate(dotted)
                self.seen[dotted] = _lookup(*self.places[dotted])
            except (LookupError, AttributeError):
                continue
        self.changed: list[str] = []
        self.written: int | None = None  # the exit status, once the results are written
        self.where = ""
        self.session: pytest.Session | None = None
        self.finished = 0
        self.clean: tuple[dict[str, Any], set[Any]] | None = None
        self.dirty: dict[str, Any] | None = None
        self.kids: set[tuple[int, str]] = set()

    def check(self, where: str) -> None:
        changed = []
        for dotted, obj in self.seen.items():
            try:  # where it was found at first: trying imports each time cost 1 ms a test
                now = _lookup(*self.places[dotted])
            except (LookupError, AttributeError):
                now = None
            if now is not obj:
                changed.append(dotted)
        for name, module in self.modules.items():
            if module is not None and sys.modules.get(name) is not module:
                changed.append(f"sys.modules[{name!r}]")
        fresh = [c for c in changed if c not in self.changed]
        if fresh and not self.changed:
            self.where = where
            self.report()  # at once: a run that then hangs still tells what happened
        self.changed += fresh

    @hookimpl(wrapper=True, tryfirst=True)
    def pytest_runtest_protocol(self, item: pytest.Item,
                                nextitem: pytest.Item | None) -> Iterator[None]:
        _pause_point()
        try:
            return (yield)
        finally:
            self.check(item.nodeid)
            self.finished += 1
            folder = item.nodeid.split("::")[0].rsplit("/", 1)[0]
            if nextitem is None or not nextitem.nodeid.startswith(folder + "/"):
                self.look_clean(folder)  # the last test of an exercise: its fixtures are gone
            self.beat()

    def beat(self) -> None:
        path = self.config.getoption("results_json", None)
        if path:
            with contextlib.suppress(OSError):
                Path(path).with_suffix(".progress").write_text(str(self.finished))

    def look_clean(self, folder: str) -> None:
        """Record the first exercise after whose tests the process is not as clean as it was."""
        if self.clean is None or self.dirty is not None:
            return
        state, threads = self.clean
        # A thread or child may be finishing right now: a moment's grace. Seen unclean by
        # mistake, the exercises after this one merely start again in a fresh process.
        deadline = time.monotonic() + 0.3
        while True:
            now = _state()
            what = [k for k, v in now.items() if state.get(k) != v]
            extra = _threads() - threads
            if extra:
                names = ", ".join(sorted(t.name for t in extra))
                what.append(f"threads still running: {names[:200]}")
            kids = _children() - self.kids
            if kids:
                what.append(f"child processes still running: {sorted(kids)[:4]}")
            if not what:
                return
            if time.monotonic() >= deadline:
                self.dirty = {"after": folder, "what": what}
                if self.session is not None:  # the rest would run in a spoiled process
                    self.session.shouldstop = f"{folder} left the process unclean"
                return
            time.sleep(0.02)

    def report(self) -> None:
        path = self.config.getoption("results_json", None)
        if path:
            tamper = Path(path).with_suffix(".tamper")
            tamper.write_text(self.where, encoding="utf-8")

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        self.check("import of the submission (collection)")
        if self.changed:
            session.shouldstop = "tampering detected: the tests are not run"
        self.clean = (_state(), _threads())
        self.kids = _children()
        self.beat()

    @hookimpl(tryfirst=True)
    def pytest_runtest_logfinish(self, nodeid: str) -> None:
        if self.changed and self.session is not None:
            self.session.shouldstop = "tampering detected"

    @hookimpl(optionalhook=True)
    def pytest_machine_claim(self) -> None:
        _claim()

    @hookimpl(optionalhook=True)
    def pytest_machine_release(self) -> None:
        _release()

    def pytest_sessionstart(self, session: pytest.Session) -> None:
        self.session = session

    @hookimpl(trylast=True)
    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        self.check("end of the session")
        path = self.config.getoption("results_json", None)
        if not path:
            return
        target = Path(path)
        data: dict[str, Any] = {}
        try:
            data = json.loads(target.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {"tests": [], "collect_errors": []}
        data["guard"] = {"ok": not self.changed, "changed": self.changed, "where": self.where,
                         "dirty": self.dirty}
        data["signature"] = sign(data)
        tmp = target.with_suffix(".guard")
        dumps = self.seen.get("json.dumps", json.dumps)  # the one captured before the submission
        tmp.write_text(dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, target)
        self.written = int(session.exitstatus)

    def leave(self) -> None:
        """The last of pytest's clean-ups: end the process once the results are written.

        What ends with the process still happens (threads are joined, the exit handlers
        stop pools and child processes, as at any exit); the interpreter's tear-down of
        every module and object, a tenth of a second or two that decides nothing, is
        skipped. Without results (the session broke off) the exit is the usual one.
        """
        if self.written is None:
            return
        import atexit
        import threading

        _flush()
        with contextlib.suppress(Exception):
            threading._shutdown()  # type: ignore[attr-defined]  # joins non-daemon threads
        with contextlib.suppress(Exception):
            atexit._run_exitfuncs()
        _flush()  # what the exit handlers printed
        self.seen.get("os._exit", os._exit)(self.written)


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        with contextlib.suppress(Exception):
            if stream is not None:
                stream.flush()


def pytest_addhooks(pluginmanager: pluggy.PluginManager) -> None:
    """Register the plugins the grader named, as pytest's autoload would have.

    The grader runs pytest with ``PYTEST_DISABLE_PLUGIN_AUTOLOAD`` and names in
    ``GRADING_PLUGINS`` (``name=module[:attr]`` pairs) the installed plugins of the tests'
    dependency group, in the order autoload finds them. Autoload walks every installed
    distribution's metadata (and would load unrelated plugins, e.g. pytest-xdist), in
    every job; ``-p NAME`` walks it once per name. Each is registered under its entry
    point's name (other plugins look them up by it), right after this one, as before.
    """
    for pair in filter(None, os.environ.get(PLUGINS, "").split(",")):
        name, _, value = pair.partition("=")
        if pluginmanager.has_plugin(name) or pluginmanager.is_blocked(name):
            continue
        module, _, attrs = value.partition(":")
        plugin: Any = importlib.import_module(module)
        for attr in filter(None, attrs.split(".")):
            plugin = getattr(plugin, attr)
        pluginmanager.register(plugin, name)


def pytest_configure(config: pytest.Config) -> None:
    if os.environ.pop(PLUGINS, None) is not None:  # read already: the tests see the
        os.environ.pop("PYTEST_DISABLE_PLUGIN_AUTOLOAD", None)  # environment they always had
    guard = Guard(config)
    config.pluginmanager.register(guard, "grading-guard")
    # Registered first among the clean-ups, it runs last (they run in reverse order).
    config.add_cleanup(guard.leave)
