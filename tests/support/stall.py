"""Stalls: evidence that a call waits for something that will never happen.

A thread that runs, or is ready to run and waits for a CPU, is in state R in
``/proc`` however busy the machine is (D while the kernel reads a disk for it);
a thread that is woken up, even for an instant, adds to its context-switch
counts. So when, for a whole ``window``, no thread of this process but the
watcher was R or D and none was switched in or out (and no thread or process
came or went), nothing was running and nothing was about to: a call still
waiting then can only be woken by one of its own timers. That is a stall, and
a test may act on it at once (break a barrier, stop waiting for a reply) instead
of sitting out a deadline. The window must be longer than any sleep or poll the
code under test may legitimately take while it waits.

With ``children=True`` the descendant processes are watched too; ``ignore``
names threads of the test machinery that wake up on a timer of their own (a
multiprocessing manager's main thread looks at its stop flag every second, a
server's accept loop polls): their ticks are not movement, but such a thread
found ready to run without having switched since the last look is working (or
waiting for a CPU), and then nothing is still.
Where there is no ``/proc`` (macOS, Windows) no stall is ever reported and the
caller's deadline decides, as before.

A watch made with ``settle`` may tell sooner: when, still for ``settle`` seconds, every
thread that could act (the call's threads in this process, every thread of the
watched children) is blocked in a system call that waits without a time limit (a
read from a pipe, ``waitpid``, a lock or queue taken without a timeout, a poll with
none), no timer can wake any of them either: nothing ever will. A thread that waits
with a timeout, or whose wait this module cannot read, keeps the long window.
"""

from __future__ import annotations

import contextlib
import os
import platform
import threading
import time
from collections.abc import Callable, Collection, Iterable, Iterator

from .leaks import descendants
from .timing import scaled

_TASKS = "/proc/self/task"
WINDOW = 0.25  # seconds (scaled): tens of times the longest still moment of a live call
Sample = dict[tuple[int, int], int]  # (pid, tid) -> context switches so far

# System calls by number, per machine: those that wait without a time limit whatever their
# arguments (None), and those whose argument at the given index says whether they do (the
# argument is a null pointer, or -1 for a count of milliseconds).
_MS, _PTR = "ms", "ptr"
_FUTEX = "futex"
_WAITS: dict[str, dict[int, tuple[str, int] | None]] = {
    "x86_64": {
        0: None, 1: None, 17: None, 19: None, 20: None,  # read write pread64 readv writev
        42: None, 43: None, 44: None, 45: None, 46: None, 47: None, 288: None,  # sockets
        61: None, 247: None, 34: None, 73: None,  # wait4 waitid pause flock
        7: (_MS, 2), 271: (_PTR, 2), 23: (_PTR, 4), 270: (_PTR, 4),  # poll ppoll select pselect6
        232: (_MS, 3), 281: (_MS, 3), 441: (_PTR, 3),  # epoll_wait epoll_pwait epoll_pwait2
        202: (_FUTEX, 3),
    },
    "aarch64": {
        63: None, 64: None, 67: None, 65: None, 66: None,  # read write pread64 readv writev
        203: None, 202: None, 206: None, 207: None, 211: None, 212: None, 242: None,
        260: None, 95: None, 32: None,  # wait4 waitid flock
        73: (_PTR, 2), 72: (_PTR, 4), 22: (_MS, 3), 441: (_PTR, 3),  # ppoll pselect6 epoll
        98: (_FUTEX, 3),
    },
}
_TABLE = _WAITS.get(platform.machine())  # None: this machine's calls are not listed
# futex operations that wait (the private and clock flags masked off)
_FUTEX_WAITS = {0, 6, 9, 11, 13}  # WAIT, LOCK_PI, WAIT_BITSET, WAIT_REQUEUE_PI, LOCK_PI2


def waits_for_ever(pid: int, tid: int) -> bool:
    """True if thread ``tid`` of ``pid`` is blocked in a system call that has no time limit
    (False: it runs, waits with a timeout, or its wait cannot be read here)."""
    table = _TABLE
    if table is None:
        return False
    try:
        with open(f"/proc/{pid}/task/{tid}/syscall", encoding="ascii") as f:
            fields = f.read().split()
    except (OSError, ValueError):
        return False
    if not fields or not fields[0].isdigit():
        return False  # "running", or -1: not in a system call
    number = int(fields[0])
    if number not in table:
        return False
    rule = table[number]
    if rule is None:
        return True
    kind, index = rule
    try:
        args = [int(a, 16) for a in fields[1:7]]
        value = args[index]
        if kind == _FUTEX and (args[1] & ~(128 | 256)) not in _FUTEX_WAITS:
            return False
    except (ValueError, IndexError):
        return False
    if kind == _MS:
        return value in (0xFFFFFFFF, 0xFFFFFFFFFFFFFFFF)
    return value == 0


def thread_status(pid: int, tid: int) -> tuple[str, int] | None:
    """State letter (R, S, D...) and context switches so far of thread ``tid`` of process
    ``pid`` (None: it has ended, or there is no ``/proc``)."""
    try:
        with open(f"/proc/{pid}/task/{tid}/status", encoding="ascii", errors="replace") as f:
            status = f.read()
    except OSError:
        return None
    state, switches = "", 0
    for line in status.splitlines():
        if line.startswith("State:"):
            state = line[6:].strip()[:1]
        elif line.startswith(("voluntary_ctxt_switches:", "nonvoluntary_ctxt_switches:")):
            switches += int(line.rsplit(None, 1)[-1])
    return state, switches


def _read_tasks(pid: int, skip: Collection[tuple[int, int]], into: Sample) -> bool:
    """Add ``pid``'s threads to ``into``; True if one of them is running or runnable."""
    busy = False
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return False  # the process just ended: its disappearance counts as a change
    for tid in tids:
        if (pid, int(tid)) in skip:
            continue
        found = thread_status(pid, int(tid))
        if found is None:
            continue  # the thread just ended
        state, switches = found
        if state in ("R", "D"):
            busy = True
        into[(pid, int(tid))] = switches
    return busy


class StallWatch:
    """Call :meth:`stalled` every ``period`` seconds while waiting for something.

    ``window`` (seconds, scaled) is how long everything must stay still. The thread
    that calls :meth:`stalled` is the watcher and is not watched itself; when the
    watcher takes part (sends what the others wait for), it calls :meth:`moved`
    whenever it did something, and asks :meth:`stalled` only while it waits.
    """

    def __init__(
        self,
        window: float = WINDOW,
        *,
        children: bool = False,
        ignore: Iterable[tuple[int, int]] = (),
        settle: float | None = None,
    ) -> None:
        self.window = scaled(window)
        self.settle = scaled(settle) if settle is not None else None
        self.children = children
        self.ignore = set(ignore)  # (pid, thread id): test machinery that ticks on its own
        # This process's threads when the watch is made are the test machinery's: they do
        # not act on the call (for ``settle``).
        self._machinery = {(os.getpid(), t.native_id) for t in threading.enumerate()}
        self.period = min(0.05 if children else 0.02, self.window / 4)
        self.enabled = os.path.isdir(_TASKS)
        self.still = 0.0  # seconds nothing had moved, as of the last sample
        self.fired: float | None = None  # time.monotonic() of the first stalled() that said so
        self.certain = False  # it said so within ``settle``: everything waits without a limit
        self._last: Sample | None = None
        self._ticks: Sample = {}  # the ignored threads' context switches, at the last look
        self._since = time.monotonic()

    def _sample(self) -> tuple[Sample, bool]:
        skip = {*self.ignore, (os.getpid(), threading.get_native_id())}
        sample: Sample = {}
        busy = _read_tasks(os.getpid(), skip, sample)
        if self.children:
            for kid in descendants():
                busy = _read_tasks(kid.pid, skip, sample) or busy
        for key in self.ignore:
            found = thread_status(*key)
            if found is not None:
                state, switches = found
                busy = busy or (state in ("R", "D") and self._ticks.get(key) == switches)
                self._ticks[key] = switches
        return sample, busy

    def _for_ever(self, sample: Sample) -> bool:
        """Every thread that could act waits without a time limit (see ``settle``)."""
        acting = [key for key in sample if key not in self._machinery]
        for key in acting:
            status = thread_status(*key)
            if status is not None and status[0] in ("Z", "X"):
                continue  # a process that has ended (not yet reaped) does nothing more
            if not waits_for_ever(*key):
                return False
        return bool(acting)

    def moved(self) -> None:
        """The watcher itself did something: the window starts again."""
        self._since = time.monotonic()
        self.still = 0.0

    def stalled(self) -> bool:
        """Take a sample; True when nothing has moved for the whole window."""
        if not self.enabled:
            return False
        now = time.monotonic()
        sample, busy = self._sample()
        if busy or sample != self._last:
            self._since = now
        self._last = sample
        self.still = now - self._since
        if self.still < self.window:
            if self.settle is None or self.still < self.settle or not self._for_ever(sample):
                return False
            self.certain = True
        if self.fired is None:
            self.fired = now
        return True

    def wait(self, event: threading.Event, seconds: float) -> bool:
        """Wait for ``event`` up to ``seconds`` (scaled); False on a stall or at the deadline."""
        deadline = time.monotonic() + scaled(seconds)
        while not event.is_set():
            left = deadline - time.monotonic()
            if left <= 0 or self.stalled():
                return event.is_set()
            event.wait(min(left, self.period))
        return True


@contextlib.contextmanager
def acting_when_still(
    act: Callable[[], object],
    *,
    until: Callable[[], bool],
    when: Callable[[], bool] = lambda: True,
    window: float = WINDOW,
    ignore: Iterable[tuple[int, int]] = (),
    name: str = "course-stall-watch",
) -> Iterator[None]:
    """While the block runs, a watcher thread calls ``act()`` once, as soon as this process
    stands still for ``window`` (a :class:`StallWatch`) while ``when()`` holds: nothing is on
    its way, so whatever the code waits for (a gate, a meeting) can be opened or broken at
    once instead of at its timeout. The watcher gives up once ``until()`` holds."""
    stop = threading.Event()
    watch = StallWatch(window, ignore=ignore)

    def look() -> None:
        while not stop.wait(watch.period) and not until():
            if when() and watch.stalled():
                act()
                return

    watcher = threading.Thread(target=look, name=name, daemon=True)
    watcher.start()
    try:
        yield
    finally:
        stop.set()
        watcher.join(scaled(5))
