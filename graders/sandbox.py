"""Run one exercise's tests on one submitted module, confined (host side of ``jail.py``).

Every job gets a temporary folder holding

* ``repo/``: a pristine copy of ``tests/`` (conftest, support, the exercise's tests),
  ``pyproject.toml`` (pytest configuration) and the tamper guard plugin;
* ``root/exNN_slug/MODULE.py``: the submitted module, and nothing else;
* ``tmp/`` and ``out/``: the only folders the job may write to (when mounts can be
  made read-only); the results file has a random name in ``out/``.

The job runs ``python -S jail.py spec`` under ``unshare --net --pid --fork
--mount-proc --kill-child`` when that works (loopback-only network, a PID namespace
that dies with the job, read-only mounts, no capabilities, a pids cgroup), in a new
session with a clean environment, pinned to the CPUs it was given, with resource
limits, a wall-clock timeout after which the whole process group is killed, and
its output capped. ``Sandbox.describe()`` says which of these were in force.
"""

from __future__ import annotations

import ast
import atexit
import contextlib
import hashlib
import hmac
import json
import marshal
import os
import queue
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import IO, Any, Protocol

from . import config, guard
from .engine import REPO, Exercise

HERE = Path(__file__).resolve().parent
JAIL = HERE / "jail.py"
GUARD = HERE / "guard.py"
GUARD_NAME = "_grading_guard"
UNSHARE = ["--net", "--pid", "--fork", "--mount-proc", "--kill-child"]
CGROUP_V1 = Path("/sys/fs/cgroup/pids")


@dataclass
class Limits:
    timeout: float = config.TIMEOUT
    memory: int = config.MEMORY
    processes: int = config.PROCESSES
    file_size: int = config.FILE_SIZE
    open_files: int = config.OPEN_FILES
    output: int = config.OUTPUT

    def rlimits(self) -> dict[str, int]:
        return {"cpu": int(self.timeout) + 5, "as": self.memory, "nproc": self.processes,
                "fsize": self.file_size, "nofile": self.open_files, "core": 0}


@dataclass
class Sandbox:
    """What confinement this machine allows (probed once)."""

    unshare: list[str] | None  # command prefix, or None
    cgroup: Path | None  # parent pids cgroup for the jobs, or None
    root: bool
    notes: list[str] = field(default_factory=list)

    def describe(self) -> dict[str, Any]:
        return {
            "network": "loopback only (new network namespace)" if self.unshare
            else "host network (unshare unavailable: NOT isolated)",
            "pid_namespace": bool(self.unshare),
            "read_only_mounts": bool(self.unshare),
            "capabilities_dropped": self.root,
            "pids_cgroup": bool(self.cgroup),
            "notes": list(self.notes),
        }


def _works(cmd: list[str]) -> bool:
    try:
        return subprocess.run(cmd, capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


# Run by the job interpreter: write the bytecode of its installed packages once. Every
# job starts a fresh interpreter that imports pytest and its plugins, and the sandbox
# (like some machines) forbids writing bytecode: without a .pyc beside each package
# module, each job would compile them all again (about half a second a job).
# Looking first at a few modules every job imports makes the usual case (done already)
# cost a few milliseconds instead of a walk over every installed file.
_PRECOMPILE = (
    "import compileall, importlib.util, os, sys, sysconfig\n"
    "def compiled(name):\n"
    "    spec = importlib.util.find_spec(name)\n"
    "    origin = spec.origin if spec else None\n"
    "    return not (origin and origin.endswith('.py')) or os.path.exists(\n"
    "        importlib.util.cache_from_source(origin))\n"
    "names = ('pytest', '_pytest.python', 'pluggy', 'pytest_asyncio', 'psutil', 'looptime')\n"
    "if all(compiled(n) for n in names):\n"
    "    sys.exit(0)\n"
    "paths = {sysconfig.get_paths()[k] for k in ('purelib', 'platlib')}\n"
    "ok = all(compileall.compile_dir(p, quiet=2, workers=0) for p in sorted(paths))\n"
    "sys.exit(0 if ok else 1)\n"
)


@cache
def precompile(python: str) -> bool:
    """Make sure ``python``'s installed packages have their bytecode (written once).

    False when it could not be written everywhere (a read-only environment): the jobs
    then run all the same, only each one compiles what it imports.
    """
    try:
        done = subprocess.run([python, "-c", _PRECOMPILE], stdin=subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              timeout=300, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


# Run by the job interpreter: its pytest plugins (entry points), in the order pytest's
# autoload goes through them, with the distribution each comes from.
_PLUGINS = (
    "import importlib.metadata as md, json\n"
    "print(json.dumps([[d.metadata['Name'] or '', e.name, e.value]\n"
    "                  for d in md.distributions() for e in d.entry_points\n"
    "                  if e.group == 'pytest11']))\n"
)


def _project_name(requirement: str) -> str:
    name = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
    return re.sub(r"[-_.]+", "-", name.group(1)).lower() if name else ""


@cache
def needed_plugins(python: str, repo: Path = REPO) -> str | None:
    """``GRADING_PLUGINS`` for ``python``'s jobs: the plugins the tests need, or None.

    Those are the pytest plugins installed from the tests' dependency group
    (``pyproject.toml``: ``[dependency-groups] test``), in the order pytest's autoload
    would load them; the jobs load only these (``guard.pytest_addhooks``), without
    autoload's walk over every installed distribution (a few hundredths of a second a
    job) nor the plugins of other tools that happen to be installed (pytest-xdist).
    None when they cannot be told: the jobs then autoload as pytest does by default.
    """
    try:
        with (repo / "pyproject.toml").open("rb") as f:
            group = tomllib.load(f)["dependency-groups"]["test"]
        wanted = {_project_name(r) for r in group if isinstance(r, str)}
        found = subprocess.run([python, "-I", "-c", _PLUGINS], capture_output=True, text=True,
                               stdin=subprocess.DEVNULL, timeout=60, check=True)
        entries = json.loads(found.stdout)
    except (OSError, KeyError, TypeError, ValueError, subprocess.SubprocessError):
        return None
    first: dict[str, tuple[str, str]] = {}  # autoload skips a name already taken
    for dist, name, value in entries:
        first.setdefault(name, (dist, value))
    pairs = [f"{name}={value}" for name, (dist, value) in first.items()
             if _project_name(dist) in wanted]
    if any("," in pair for pair in pairs):
        return None
    return ",".join(pairs)


@cache
def probe(allow_namespaces: bool = True) -> Sandbox:
    notes: list[str] = []
    root = hasattr(os, "geteuid") and os.geteuid() == 0
    prefix: list[str] | None = None
    tool = shutil.which("unshare")
    if not allow_namespaces:
        notes.append("namespaces disabled (--no-namespaces)")
    elif tool is None:
        notes.append("unshare not found: no network/PID isolation")
    else:
        variants = [[]] if root else [["--user", "--map-root-user"]]
        if os.environ.get("GRADERS_USER_NAMESPACE"):  # how it runs unprivileged (tests)
            variants = [["--user", "--map-root-user"]]
        for extra in variants:
            cmd = [tool, *extra, *UNSHARE]
            if _works([*cmd, "true"]):
                prefix = cmd
                break
        if prefix is None:
            notes.append("unshare is present but not permitted here: no network/PID isolation")
    cgroup: Path | None = None
    if root and CGROUP_V1.is_dir():
        base = CGROUP_V1 / "course-graders"  # shared by concurrent graders; jobs below it
        try:
            base.mkdir(exist_ok=True)
            for stale in base.glob("job-*"):  # left by a grader that was killed: empty now
                with contextlib.suppress(OSError):
                    stale.rmdir()
            cgroup = base
        except OSError as exc:
            notes.append(f"no pids cgroup ({exc.strerror}): the process cap is RLIMIT_NPROC only")
    elif not root:
        notes.append("not root: the process cap is RLIMIT_NPROC")
    else:
        notes.append("no cgroup v1 pids hierarchy: the process cap is RLIMIT_NPROC only")
    return Sandbox(prefix, cgroup, root, notes)


def release(sandbox: Sandbox) -> None:
    """Remove the parent cgroup made by ``probe`` when no other grader uses it."""
    if sandbox.cgroup is not None:
        with contextlib.suppress(OSError):
            sandbox.cgroup.rmdir()  # fails (and stays) while another grader has jobs in it


def usable_cpus() -> list[int]:
    try:
        return sorted(os.sched_getaffinity(0))
    except AttributeError:
        return list(range(os.cpu_count() or 1))


@dataclass
class JobResult:
    exercise: Exercise  # the first (usually the only) exercise of the run
    cpus: list[int]
    duration: float
    returncode: int | None
    timed_out: bool
    data: dict[str, Any] | None  # the results file, None when the run did not write one
    output: str
    output_bytes: int
    jail: dict[str, Any]
    confinement: dict[str, Any]
    exercises: list[Exercise] = field(default_factory=list)  # every exercise of the run
    progress: int = -1  # tests finished when the run ended (-1: collection never finished)
    parked: float = 0.0  # seconds paused for another job or waiting for the whole machine


# Run by the job interpreter on a staged copy of the tests: bytecode checked against a
# hash of its source (not the file's time), so it stays valid in every job's copy.
_COMPILE_TESTS = (
    "import compileall, py_compile, sys\n"
    "mode = py_compile.PycInvalidationMode.CHECKED_HASH\n"
    "ok = compileall.compile_dir(sys.argv[1], quiet=2, invalidation_mode=mode)\n"
    "sys.exit(0 if ok else 1)\n"
)


def stage_tests(repo: Path, python: str, into: Path,
                exercises: Sequence[Exercise]) -> Path | None:
    """``into``: the tests of ``exercises`` as ``pristine_copy`` takes them, with bytecode.

    A job may not write bytecode, so without it every job compiled the test modules
    and ``tests/support`` again (a fifth of a second a job). Staged once per batch,
    compiled by the job interpreter; ``pristine_copy(..., staged=into)`` then copies
    the bytecode along. None when it could not be compiled: jobs then compile as before.
    """
    pristine_copy(exercises, into, repo)
    staged = into / "repo"
    try:
        done = subprocess.run([python, "-c", _COMPILE_TESTS, str(staged / "tests")],
                              stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return staged if done.returncode == 0 else None


def pristine_copy(ex: Exercise | Sequence[Exercise], into: Path, repo: Path = REPO,
                  staged: Path | None = None) -> Path:
    """``into/repo``: the tests the job needs, copied from ``repo``, plus the guard plugin.

    With ``staged`` (from ``stage_tests``), the tests, their bytecode and
    ``pyproject.toml`` are copied from there instead of ``repo``.
    """
    exs = [ex] if isinstance(ex, Exercise) else list(ex)
    target = into / "repo"
    ignore: Any = shutil.ignore_patterns("__pycache__", "*.pyc")
    if staged is not None:  # everything there, bytecode included
        ignore, repo = None, staged
    (target / "tests").mkdir(parents=True)
    for name in ("__init__.py", "conftest.py"):
        shutil.copyfile(repo / "tests" / name, target / "tests" / name)
    if staged is not None and (repo / "tests" / "__pycache__").is_dir():
        shutil.copytree(repo / "tests" / "__pycache__", target / "tests" / "__pycache__")
    shutil.copytree(repo / "tests" / "support", target / "tests" / "support", ignore=ignore)
    for one in exs:
        shutil.copytree(one.tests(repo), target / "tests" / one.slug, ignore=ignore)
    shutil.copyfile(repo / "pyproject.toml", target / "pyproject.toml")
    shutil.copyfile(GUARD, target / f"{GUARD_NAME}.py")
    return target


class _Drain(threading.Thread):
    """Reads a pipe to its end, keeping only its head and tail."""

    def __init__(self, pipe: IO[bytes], cap: int) -> None:
        super().__init__(daemon=True, name="grader-drain")
        self.pipe, self.half = pipe, max(1, cap // 2)
        self.head = bytearray()
        self.tail: deque[bytes] = deque()
        self.tail_size = 0
        self.total = 0

    def run(self) -> None:
        read = getattr(self.pipe, "read1", self.pipe.read)
        while chunk := read(65536):
            self.total += len(chunk)
            room = self.half - len(self.head)
            if room > 0:
                self.head += chunk[:room]
                chunk = chunk[room:]
            if chunk:
                self.tail.append(chunk)
                self.tail_size += len(chunk)
                while self.tail_size - len(self.tail[0]) >= self.half:
                    self.tail_size -= len(self.tail.popleft())

    def text(self) -> str:
        tail = b"".join(self.tail)[-self.half:]
        kept = len(self.head) + len(tail)
        cut = self.total - kept
        middle = f"\n[... {cut} bytes of output cut ...]\n" if cut > 0 else ""
        return (bytes(self.head).decode("utf-8", "replace") + middle
                + tail.decode("utf-8", "replace"))


RUNNING: set[subprocess.Popen[bytes]] = set()
_LOCK = threading.Lock()


def kill_all() -> None:
    """Kill every running job (the batch is being interrupted)."""
    with _LOCK:
        running = list(RUNNING)
    for proc in running:
        with contextlib.suppress(OSError):
            os.killpg(proc.pid, signal.SIGKILL)


def _move_in(cgroup: Path, pid: int) -> None:
    """Move the job's first process, and the launcher it may have forked already, in.

    Moving a process into a cgroup waits some 10 ms for the kernel (an RCU grace
    period); done here, it overlaps the launcher's start instead of delaying it. The
    launcher moves itself when it finds itself outside (unshare forked it first and
    this is not done yet).
    """
    with contextlib.suppress(OSError):
        (cgroup / "cgroup.procs").write_text(str(pid))
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        for child in children:
            (cgroup / "cgroup.procs").write_text(child)


def _kill_cgroup(path: Path) -> None:
    for _ in range(100):
        try:
            pids = [int(p) for p in (path / "cgroup.procs").read_text().split()]
        except OSError:
            return
        if not pids:
            break
        for pid in pids:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        time.sleep(0.02)
    for _ in range(50):
        try:
            path.rmdir()
            return
        except FileNotFoundError:
            return
        except OSError:
            time.sleep(0.05)


def _sweep(token: str) -> int:
    """Kill processes whose environment carries ``token`` (fallback without a PID namespace)."""
    killed = 0
    marker = f"GRADING_JOB={token}".encode()
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            environ = Path(f"/proc/{entry}/environ").read_bytes()
        except OSError:
            continue
        if marker in environ.split(b"\0"):
            with contextlib.suppress(OSError):
                os.kill(int(entry), signal.SIGKILL)
                killed += 1
    return killed


def _processes_of(uid: int) -> int:
    count = 0
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if entry.isdigit():
            with contextlib.suppress(OSError):
                if os.stat(f"/proc/{entry}").st_uid == uid:
                    count += 1
    return count


def _relative(value: Any, ws: Path) -> Any:
    """Paths inside the job's folder shown as the learner knows them (``ex01_threads/...``).

    A results file is made relative as JSON text, in one pass over it rather than one
    per string in it (a shared run's results hold thousands).
    """
    cuts = [f"{ws / sub}/" for sub in ("root", "repo")] + [f"{ws}/"]
    if isinstance(value, str):
        for cut in cuts:
            value = value.replace(cut, "")
        return value
    text = json.dumps(value, ensure_ascii=False)
    for cut in cuts:  # as it is written inside a JSON string: never part of an escape
        text = text.replace(json.dumps(cut, ensure_ascii=False)[1:-1], "")
    return json.loads(text)


class _Sweeper:
    """Removes the jobs' folders in the background, so that a job's CPUs are free at once.

    Deleting a job's folder costs 20 ms (one exercise) to over 100 ms (a shared run of
    sixteen) where deleting a file is slow (a disk mounted with ``discard``); it
    was done while the job still held its CPUs. ``flush`` waits until every folder
    handed over is gone (the batch calls it before it returns; so does the exit).
    """

    def __init__(self) -> None:
        self.queue: queue.SimpleQueue[tempfile.TemporaryDirectory[str]] = queue.SimpleQueue()
        self.pending = 0
        self.cond = threading.Condition()
        self.thread: threading.Thread | None = None

    def put(self, folder: tempfile.TemporaryDirectory[str]) -> None:
        with self.cond:
            self.pending += 1
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self.run, name="grader-sweeper",
                                               daemon=True)
                self.thread.start()
        self.queue.put(folder)

    def run(self) -> None:
        while True:
            folder = self.queue.get()
            try:
                folder.cleanup()
            except OSError:
                pass
            finally:
                with self.cond:
                    self.pending -= 1
                    self.cond.notify_all()

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every folder handed over is removed; False on timeout."""
        with self.cond:
            return self.cond.wait_for(lambda: self.pending == 0, timeout)


SWEEPER = _Sweeper()
atexit.register(SWEEPER.flush, 60.0)


@contextlib.contextmanager
def _workspace() -> Iterator[str]:
    """A new private folder for one job, removed in the background once it ends."""
    folder = tempfile.TemporaryDirectory(prefix="grading-")
    try:
        yield folder.name
    finally:
        SWEEPER.put(folder)


class Turns(Protocol):
    """A job's side of the turns for the whole machine (``batch.Seat``): the grader's
    scheduler sends the job b"p" (pause after the current test), b"c" (continue) and
    b"g" (every CPU is yours), and hears b"r" (the tests need every CPU), b"w" (paused)
    and b"f" (they need one CPU at most again) from it."""

    cpus: list[int]  # every CPU the tests get during their turn

    def attach(self, send: Callable[[bytes], None]) -> None:
        """The job runs: ``send`` writes to it."""

    def told(self, message: bytes) -> None:
        """The job said ``message``."""

    def ended(self) -> None:
        """The job ended (its turn, if it had one, is over)."""

    def idle(self) -> float:
        """Seconds the job spent paused or waiting for its turn so far (not counted)."""


def run_job(ex: Exercise, module: bytes, **options: Any) -> JobResult:
    """Run ``ex``'s pristine tests on ``module`` (the submitted ``MODULE.py``), confined."""
    return run_jobs([(ex, module)], **options)


def run_jobs(parts: Sequence[tuple[Exercise, bytes]], *, python: str = sys.executable,
             repo: Path = REPO, limits: Limits | None = None, cpus: list[int] | None = None,
             sandbox: Sandbox | None = None, extra_env: dict[str, str] | None = None,
             nodeids: Sequence[str] = (),
             staged: Path | None = None, turns: Turns | None = None) -> JobResult:
    """Run the pristine tests of several exercises in one confined pytest process.

    Each part is an exercise and the submitted module for it; ``nodeids`` (tests of
    these exercises, from an earlier run) narrows the run to those tests;
    ``staged`` is where ``stage_tests`` put ``repo``'s compiled tests. The run may last
    ``limits.timeout`` seconds per exercise, and is stopped sooner when no test
    finishes (nor collection) for ``limits.timeout`` seconds.

    With ``turns``, the job's guard and the grader talk over a socket about the whole
    machine (see ``Turns``): the time the job spends paused or waiting for its turn
    counts in neither its duration nor its time limits.
    """
    limits = limits or Limits()
    exs = [ex for ex, _ in parts]
    ex = exs[0]
    sandbox = sandbox or probe()
    cpus = cpus or usable_cpus()
    token = os.urandom(12).hex()
    with _workspace() as tmp:
        ws = Path(tmp)
        ws.chmod(0o700)
        work = pristine_copy(exs, ws, repo, staged)
        for one, module in parts:
            (ws / "root" / one.slug).mkdir(parents=True)
            (ws / "root" / one.slug / f"{one.module}.py").write_bytes(module)
        for name in ("tmp", "out"):
            (ws / name).mkdir()
        results = ws / "out" / f"{os.urandom(16).hex()}.json"
        env = {
            "PATH": os.pathsep.join([str(Path(python).parent), "/usr/local/bin", "/usr/bin",
                                     "/bin"]),
            "HOME": str(ws / "tmp"), "TMPDIR": str(ws / "tmp"), "LANG": "C.UTF-8",
            "PYTHONDONTWRITEBYTECODE": "1", "PYTHONNOUSERSITE": "1", "PYTHONUNBUFFERED": "1",
            "EXERCISES_ROOT": str(ws / "root"), "GRADING_JOB": token,
        }
        plugins = needed_plugins(python, repo)
        if plugins is not None:  # loaded by the guard (see needed_plugins)
            env.update({"PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1", guard.PLUGINS: plugins})
        env.update(extra_env or {})
        folders = [f"tests/{one.slug}" for one in exs]
        chosen = [n for n in nodeids if any(n.startswith(f + "/") for f in folders)]
        # --tb=line: the outcome of each test, with its teaching message, is in the results
        # file; a full traceback per failure would cost about 25 ms each (a stub fails
        # 150 tests) for output that only shows its last lines. --assert=plain: the tests
        # say what went wrong through their message catalogue, never through a bare
        # assert, and rewriting the asserts of every test module costs about 0.3 s a job
        # (the job may not write bytecode, so nothing of it is cached).
        argv = [python, "-m", "pytest", *(chosen or folders),
                "-p", "no:cacheprovider", "-p", GUARD_NAME, "-q", "--tb=line", "--assert=plain",
                "--results-json", str(results)]
        if len(exs) > 1:  # one exercise that cannot be imported must not stop the others
            argv.append("--continue-on-collection-errors")
        cgroup = None
        if sandbox.cgroup is not None:
            cgroup = sandbox.cgroup / f"job-{token}"
            try:
                sandbox.cgroup.mkdir(exist_ok=True)
                cgroup.mkdir()
                (cgroup / "pids.max").write_text(str(limits.processes))
            except OSError:
                cgroup = None
        read_fd, write_fd = os.pipe()
        key = os.urandom(32).hex().encode()
        key_read, key_write = os.pipe()
        os.write(key_write, key)
        os.close(key_write)
        env["GRADING_KEY_FD"] = str(key_read)
        life_read, life_write = os.pipe()  # the job ends itself when this grader dies
        talk: socket.socket | None = None
        talk_end: socket.socket | None = None
        passed = [write_fd, key_read, life_read]
        if turns is not None:
            talk, talk_end = socket.socketpair()
            passed.append(talk_end.fileno())
            env[guard.HOLD_FD] = str(talk_end.fileno())
            env[guard.HOLD_CPUS] = ",".join(map(str, turns.cpus))
        rlimits = limits.rlimits()
        rlimits["cpu"] *= len(exs)
        if not sandbox.root:  # RLIMIT_NPROC counts every process of this user, not the job's
            rlimits["nproc"] += _processes_of(os.getuid())
        spec = {
            "argv": argv, "env": env, "cwd": str(work), "rlimits": rlimits,
            "netns": bool(sandbox.unshare), "mountns": bool(sandbox.unshare),
            "writable": [str(ws / "tmp"), str(ws / "out")],
            "cgroup": str(cgroup) if cgroup else None, "drop_caps": sandbox.root,
            "report_fd": write_fd, "cpus": cpus, "key_fd": key_read,
            "lifeline_fd": life_read,
        }
        # marshal and a literal back: the launcher need not import json (nor re, enum)
        (ws / "spec").write_bytes(marshal.dumps(spec, 4))
        cmd = [python, "-S", str(JAIL), str(ws / "spec")]
        if sandbox.unshare:
            cmd = [*sandbox.unshare, "--", *cmd]
        start = time.monotonic()
        timed_out = False
        serving: threading.Thread | None = None
        try:
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, start_new_session=True,
                                    pass_fds=passed, env=env, cwd=str(work))
        except BaseException:
            os.close(life_write)
            if talk is not None:
                talk.close()
            raise
        finally:
            os.close(write_fd)
            os.close(key_read)
            os.close(life_read)
            if talk_end is not None:
                talk_end.close()
        with _LOCK:
            RUNNING.add(proc)
        assert proc.stdout is not None
        drain = _Drain(proc.stdout, limits.output)
        drain.start()
        if cgroup is not None:
            _move_in(cgroup, proc.pid)
        beat = results.with_suffix(".progress")
        idle: Callable[[], float] = turns.idle if turns is not None else lambda: 0.0
        try:
            if talk is not None and turns is not None:
                turns.attach(talk.sendall)
                serving = threading.Thread(target=_serve_turns, name="grader-turns",
                                           args=(talk, turns), daemon=True)
                serving.start()
            timed_out = _wait(proc, beat, limits.timeout, limits.timeout * len(exs), idle)
        finally:
            with contextlib.suppress(OSError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            if turns is not None:
                turns.ended()  # before the socket closes: the scheduler writes no more
            if talk is not None:
                with contextlib.suppress(OSError):
                    talk.shutdown(socket.SHUT_RDWR)  # ends a read in _serve_turns
                if serving is not None:
                    serving.join(5)
                talk.close()
            os.close(life_write)
            with _LOCK:
                RUNNING.discard(proc)
            if cgroup is not None:
                _kill_cgroup(cgroup)
            swept = 0 if sandbox.unshare else _sweep(token)
        waited = idle()
        duration = time.monotonic() - start - waited
        drain.join(5)
        with os.fdopen(read_fd, "rb") as pipe:
            os.set_blocking(pipe.fileno(), False)
            try:
                raw = pipe.read() or b""
            except OSError:
                raw = b""
        jail: dict[str, Any] = {}
        with contextlib.suppress(ValueError, SyntaxError, MemoryError, RecursionError):
            told = ast.literal_eval(raw.decode("utf-8", "replace").strip() or "{}")
            jail = told if isinstance(told, dict) else {}
        if swept:
            jail["left_running"] = swept
        data: dict[str, Any] | None = None
        if results.is_file():
            with contextlib.suppress(OSError, ValueError):
                loaded = json.loads(results.read_text(encoding="utf-8"))
                if isinstance(loaded, dict):
                    signature = loaded.pop("signature", None)
                    good = guard.sign(loaded, (key, hmac.new, hashlib.sha256, json.dumps))
                    loaded["signed"] = isinstance(signature, str) and hmac.compare_digest(
                        signature, good)
                    data = _relative(loaded, ws)
        tamper = results.with_suffix(".tamper")
        if tamper.is_file():
            data = data if data is not None else {"tests": [], "collect_errors": []}
            data["tamper_seen"] = tamper.read_text(encoding="utf-8", errors="replace")[:200]
        output = _relative(drain.text(), ws)
        progress = -1
        with contextlib.suppress(OSError, ValueError):
            progress = int(beat.read_text(encoding="utf-8").strip() or "0")
    confinement = sandbox.describe()
    confinement["cpus"] = cpus
    confinement["limits"] = {"timeout_s": limits.timeout, **limits.rlimits()}
    if jail:  # what the launcher actually achieved, over what the machine allows
        if sandbox.unshare and jail.get("interfaces") != ["lo"]:
            confinement["network"] = f"NOT isolated: interfaces {jail.get('interfaces')}"
        confinement["read_only_mounts"] = bool(jail.get("read_only"))
        confinement["pids_cgroup"] = "cgroup" in jail
        confinement["interfaces"] = jail.get("interfaces")
        confinement["sys_class_net"] = jail.get("sys_class_net")
        confinement["default_route"] = jail.get("default_route")
        confinement["read_only"] = jail.get("read_only")
        confinement["cgroup"] = jail.get("cgroup")
        confinement["notes"] = confinement["notes"] + list(jail.get("notes", []))
    return JobResult(ex, cpus, duration, proc.returncode, timed_out, data, output,
                     drain.total, jail, confinement, exs, progress, waited)


def _exited(proc: subprocess.Popen[bytes], pidfd: int | None, timeout: float) -> bool:
    """Wait up to ``timeout`` s for ``proc`` to end; True once it has (and is reaped).

    ``Popen.wait(timeout)`` polls, sleeping up to 50 ms between looks: every job kept
    its CPUs some 25 ms past its end. A pidfd (Linux) is readable the moment the
    process ends; without one, the polling wait.
    """
    if pidfd is None:
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return False
        return True
    poller = select.poll()
    poller.register(pidfd, select.POLLIN)
    if proc.poll() is None and not poller.poll(int(timeout * 1000) + 1):
        return False
    proc.wait()
    return True


def _serve_turns(talk: socket.socket, turns: Turns) -> None:
    """Hand what the job says about the machine to ``turns``, until it ends."""
    while True:
        try:
            message = talk.recv(1)
        except OSError:
            return
        if message not in (b"r", b"w", b"f"):
            return  # the end, or a job that speaks out of turn: heard no more
        turns.told(message)


def _wait(proc: subprocess.Popen[bytes], beat: Path, stall: float, cap: float,
          idle: Callable[[], float] = lambda: 0.0) -> bool:
    """Wait for ``proc``; True when it ran past ``cap`` s, or ``stall`` s without progress.

    Progress is the heartbeat file the guard plugin rewrites after collection and
    after every test. Seconds ``idle`` (paused for another job) count in neither.
    """
    start = time.monotonic()
    last = start
    seen = -1.0
    pidfd: int | None = None
    with contextlib.suppress(AttributeError, OSError):
        pidfd = os.pidfd_open(proc.pid)
    try:
        while True:
            if _exited(proc, pidfd, 0.25):
                return False
            now = time.monotonic() - idle()  # the job's own time
            with contextlib.suppress(OSError):
                mtime = beat.stat().st_mtime
                if mtime != seen:
                    seen, last = mtime, now
            if now - start >= cap or now - last >= stall:
                return True
    finally:
        if pidfd is not None:
            os.close(pidfd)
