"""Launcher of one grading job, run as ``python -S jail.py SPEC`` (standard library only).

Under ``unshare --net --pid --fork --mount-proc`` it is process 1 of a fresh PID
namespace, in its own network and mount namespaces. It then

1. joins the job's ``pids`` cgroup (a hard cap on processes, root included), unless
   the grader has moved it there already,
2. brings up ``lo`` (the only interface of the new network namespace),
3. makes every mount read-only except the job's scratch folders, gives the job its own
   ``/dev/shm`` and a sysfs of the new network namespace (``/sys/class/net``: ``lo``),
4. forks the test run with resource limits, no capabilities and ``no_new_privs``,
5. waits for it while reaping orphans, and counts what is still running when it ends.

What it achieved is written as one line (a Python literal) to the file descriptor
named in the spec (a pipe the grader reads; the test run never inherits it). When process 1
exits, the kernel kills every process left in the namespace, so a daemon started
by the submission cannot outlive its job.

Every job waits for this launcher, so it imports little: the spec is plain values in
``marshal`` format (version 4), and sockets and threads come from ``_socket`` and
``_thread`` (``json`` and ``socket`` would pull in ``re`` and ``enum``).
"""

from __future__ import annotations

import _socket
import _thread
import ctypes
import fcntl
import marshal
import os
import resource
import struct
import sys
import time

TYPE_CHECKING = False  # typing itself is not imported: every job waits for this launcher
if TYPE_CHECKING:
    from typing import Any

SIOCGIFFLAGS = 0x8913
SIOCSIFFLAGS = 0x8914
IFF_UP = 0x1
MS_RDONLY = 1
MS_NOSUID = 2
MS_NODEV = 4
MS_NOEXEC = 8
MS_REMOUNT = 32
MS_BIND = 4096
PR_CAPBSET_DROP = 24
PR_SET_NO_NEW_PRIVS = 38
PR_CAP_AMBIENT = 47
PR_CAP_AMBIENT_CLEAR_ALL = 4
KEEP_WRITABLE = ("/proc", "/sys", "/dev")
RLIMITS = {
    "cpu": resource.RLIMIT_CPU,
    "as": resource.RLIMIT_AS,
    "nproc": resource.RLIMIT_NPROC,
    "fsize": resource.RLIMIT_FSIZE,
    "nofile": resource.RLIMIT_NOFILE,
    "core": resource.RLIMIT_CORE,
}


_LIBC: list[Any] = []


def _libc() -> Any:
    """The C library, loaded once.

    The interpreter is linked against it, so its symbols are found in the running
    program itself; ``ctypes.util.find_library`` would run ``ldconfig`` (and import
    ``subprocess``, ``shutil``...) on every call, a few milliseconds each, on the
    way to every job's tests.
    """
    if not _LIBC:
        libc = ctypes.CDLL(None, use_errno=True)
        if not all(hasattr(libc, name) for name in ("mount", "prctl")):
            from ctypes.util import find_library

            libc = ctypes.CDLL(find_library("c") or "libc.so.6", use_errno=True)
        _LIBC.append(libc)
    return _LIBC[0]


def join_cgroup(path: str) -> str:
    with open(os.path.join(path, "cgroup.procs")) as f:  # the grader may have moved us in
        inside = str(os.getpid()) in f.read().split()
    if not inside:
        with open(os.path.join(path, "cgroup.procs"), "w") as f:
            f.write("0")
    with open(os.path.join(path, "pids.max")) as f:
        return f"pids cgroup (pids.max {f.read().strip()})"


def loopback_up() -> list[str]:
    s = _socket.socket(_socket.AF_INET, _socket.SOCK_DGRAM)
    try:
        ifr = struct.pack("16sh22x", b"lo", 0)
        flags = struct.unpack("16sh", fcntl.ioctl(s, SIOCGIFFLAGS, ifr)[:18])[1]
        fcntl.ioctl(s, SIOCSIFFLAGS, struct.pack("16sh22x", b"lo", flags | IFF_UP))
    finally:
        s.close()
    return [name for _, name in _socket.if_nameindex()]


def default_route() -> bool:
    with open("/proc/net/route") as f:
        rows = [line.split() for line in f.readlines()[1:]]
    return any(len(r) > 2 and r[1] == "00000000" for r in rows)


def _mounts() -> list[tuple[str, set[str]]]:
    found = []
    with open("/proc/self/mountinfo") as f:
        for line in f:
            parts = line.split()
            target = parts[4].encode().decode("unicode_escape")
            found.append((target, set(parts[5].split(","))))
    return found


def read_only_except(writable: list[str]) -> list[str]:
    """Bind the writable folders onto themselves, then remount every other rw mount read-only."""
    libc = _libc()

    def mount(src: str | None, dst: str, flags: int) -> None:
        if libc.mount(src and src.encode(), dst.encode(), None, flags, None) != 0:
            err = ctypes.get_errno()
            raise OSError(err, f"mount {dst}: {os.strerror(err)}")

    for path in writable:
        mount(path, path, MS_BIND)
    # a /dev/shm of its own: POSIX semaphores and shared memory of the job stay in the job
    if os.path.isdir("/dev/shm"):
        if libc.mount(b"tmpfs", b"/dev/shm", b"tmpfs", MS_NOSUID | MS_NODEV,
                      b"size=512m,mode=1777") != 0:
            err = ctypes.get_errno()
            raise OSError(err, f"mount tmpfs on /dev/shm: {os.strerror(err)}")
    done = []
    names = {"nosuid": MS_NOSUID, "nodev": MS_NODEV, "noexec": MS_NOEXEC}
    for target, opts in _mounts():
        if "rw" not in opts or target in writable:
            continue
        if any(target == k or target.startswith(k + "/") for k in KEEP_WRITABLE):
            continue
        keep = sum(v for k, v in names.items() if k in opts)
        mount(None, target, MS_REMOUNT | MS_BIND | MS_RDONLY | keep)
        done.append(target)
    return done


def fresh_sysfs() -> list[str]:
    libc = _libc()
    flags = MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC
    if libc.mount(b"sysfs", b"/sys", b"sysfs", flags, None) != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"mount sysfs on /sys: {os.strerror(err)}")
    return sorted(os.listdir("/sys/class/net"))


def drop_privileges() -> None:
    libc = _libc()
    libc.prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0)
    for cap in range(64):
        libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0)
    libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)


def set_limits(limits: dict[str, int]) -> None:
    for name, value in limits.items():
        kind = RLIMITS[name]
        try:
            resource.setrlimit(kind, (value, value))
        except (ValueError, OSError):
            hard = resource.getrlimit(kind)[1]
            resource.setrlimit(kind, (min(value, hard), hard))


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except (OSError, IndexError):
        return False


def processes_left(me: int, grace: float = 3.0) -> int:
    """Processes still alive in the namespace, after ``grace`` seconds to end by themselves.

    Helpers such as multiprocessing's resource tracker or forkserver notice that the
    test process ended and leave a moment later; a daemon does not.
    """
    deadline = time.monotonic() + grace
    while True:
        while True:  # reap what was re-parented to us
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                break
        pids = [int(p) for p in os.listdir("/proc") if p.isdigit() and int(p) != me]
        left = [p for p in pids if _alive(p)]
        if not left or time.monotonic() >= deadline:
            return len(left)
        time.sleep(0.05)


def _watch(lifeline: int, child: int) -> None:
    """The grader holds the other end: when it dies, end the job (and the namespace) at once."""
    while True:
        try:
            if not os.read(lifeline, 1):
                break
        except InterruptedError:
            continue
        except OSError:
            break
    try:
        os.kill(child, 9)
    finally:
        os._exit(137)


def cgroup_left(path: str, me: int, grace: float = 3.0) -> int:
    deadline = time.monotonic() + grace
    while True:
        with open(os.path.join(path, "cgroup.procs")) as f:
            left = [int(p) for p in f.read().split() if int(p) != me and _alive(int(p))]
        if not left or time.monotonic() >= deadline:
            return len(left)
        time.sleep(0.05)


def main() -> int:
    with open(sys.argv[1], "rb") as f:
        spec = marshal.load(f)
    report: dict[str, Any] = {"pid1": os.getpid() == 1}
    notes: list[str] = []
    if spec.get("cgroup"):
        try:
            report["cgroup"] = join_cgroup(spec["cgroup"])
        except OSError as exc:
            notes.append(f"cgroup: {exc}")
    if spec.get("netns"):
        try:
            report["interfaces"] = loopback_up()
            report["default_route"] = default_route()
        except OSError as exc:
            notes.append(f"loopback: {exc}")
    if spec.get("mountns"):
        try:
            report["read_only"] = read_only_except(spec["writable"])
        except OSError as exc:
            notes.append(f"read-only mounts: {exc}")
    if spec.get("mountns") and spec.get("netns"):
        try:  # a sysfs of the new network namespace: /sys/class/net lists only lo
            report["sys_class_net"] = fresh_sysfs()
        except OSError as exc:
            notes.append(f"sysfs: {exc}")
    report["notes"] = notes
    if spec.get("cpus") and hasattr(os, "sched_setaffinity"):
        try:
            os.sched_setaffinity(0, spec["cpus"])
            report["cpus"] = sorted(os.sched_getaffinity(0))
        except OSError as exc:
            notes.append(f"affinity: {exc}")
    fd = int(spec["report_fd"])
    lifeline = spec.get("lifeline_fd")
    child = os.fork()
    if child == 0:
        try:
            os.close(fd)
            if lifeline is not None:
                os.close(int(lifeline))
            set_limits({k: int(v) for k, v in spec["rlimits"].items()})
            if spec.get("drop_caps"):
                drop_privileges()
            os.chdir(spec["cwd"])
            os.execve(spec["argv"][0], spec["argv"], spec["env"])
        except BaseException as exc:  # noqa: BLE001 - report and leave
            os.write(2, f"grading jail: cannot start the tests: {exc}\n".encode())
        finally:
            os._exit(127)
    if lifeline is not None:
        _thread.start_new_thread(_watch, (int(lifeline), child))
    status = 0
    while True:
        try:
            pid, st = os.waitpid(-1, 0)
        except ChildProcessError:
            break
        except InterruptedError:
            continue
        if pid == child:
            status = st
            break
    if report["pid1"]:
        report["left_running"] = processes_left(os.getpid())
    elif "cgroup" in report:
        report["left_running"] = cgroup_left(spec["cgroup"], os.getpid())
    else:
        report["left_running"] = None  # the grader sweeps by environment marker
    if os.WIFSIGNALED(status):
        report["signal"] = os.WTERMSIG(status)
        code = 128 + os.WTERMSIG(status)
    else:
        code = os.WEXITSTATUS(status)
    report["exit"] = code
    try:
        os.write(fd, (repr(report) + "\n").encode())
        os.close(fd)
    except OSError:
        pass
    return code


if __name__ == "__main__":
    sys.exit(main())
