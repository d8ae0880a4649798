"""Loopback echo machinery: gated echo servers, test-side clients, refused ports.

* :class:`EchoServers` — one or more echo servers on 127.0.0.1, served by one
  ``course-echo`` daemon thread with a selector. A shared *gate* holds every
  answer until ``clients`` connections are open at the same time and each of
  them has started sending (or, after ``gate_timeout`` seconds, gives up and
  answers at once, so that a one-at-a-time client still finishes and the test
  can say what it measured). Before the gate opens the servers read nothing, so
  a large message cannot be sent in one ``send()`` call.
  The servers record the peak number of simultaneous connections, how many
  bytes each connection sent, the threads alive when the gate opened, and, while
  the answers are held back (``hold``), the CPU time this process used and how
  often another of its threads was running or runnable instead of asleep.
* :class:`Swarm` — many test-side clients driven by one selector in the calling
  thread: connect all, then exchange messages, every wait bounded.
* :class:`SlowReader` — a ``course-slow-reader`` thread that floods a server
  with data while reading nothing (its receive buffer is tiny), then drains
  and checks that every byte came back in order.
* :func:`refused_address` — an address nothing listens on.
* :func:`socket_fds` — the socket file descriptors of this process now.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import selectors
import socket
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from types import TracebackType

from .leaks import open_sockets
from .stall import StallWatch
from .timing import scaled

HOST = "127.0.0.1"
Address = tuple[str, int]


def refused_address() -> Address:
    """An address on loopback where nothing listens: bind a port, read it, close it."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        port = probe.getsockname()[1]
    return (HOST, port)


def listener(rcvbuf: int, backlog: int) -> socket.socket:
    """A non-blocking listening socket on HOST (any free port), with a small receive
    window (``rcvbuf``): a client can push only so much before the server reads."""
    lsock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        lsock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        lsock.bind((HOST, 0))
        lsock.listen(backlog)
        lsock.setblocking(False)
    except BaseException:
        lsock.close()
        raise
    return lsock


def socket_fds() -> set[int]:
    """File descriptors of this process that are sockets."""
    return {int(entry.split(":", 1)[0]) for entry in open_sockets() if entry[:1].isdigit()}


_BASE = bytes((i * 7 + i // 251) % 256 for i in range(4096))


@functools.cache
def _block(seed: int) -> bytes:
    """The base block with every byte shifted by ``seed * 13`` (mod 256)."""
    return _BASE.translate(bytes((b + seed * 13) % 256 for b in range(256)))


def pattern(size: int, seed: int = 0) -> bytes:
    """``size`` bytes that are not all alike (so a lost or reordered chunk shows)."""
    block = _block(seed)
    reps, rest = divmod(size, len(block))
    return block * reps + block[:rest]


def others_runnable() -> bool | None:
    """Is any thread of this process, other than the caller, running or ready to run?

    Read from /proc (Linux); ``None`` where that is not available. A thread blocked in
    ``select()``, ``recv()``, ``join()`` or ``sleep()`` is sleeping (state S); a thread
    that polls in a loop is running or waiting for a CPU (state R) however busy the
    machine is.
    """
    me = threading.get_native_id()
    try:
        tids = os.listdir("/proc/self/task")
    except OSError:
        return None
    for tid in tids:
        if tid == str(me):
            continue
        try:
            with open(f"/proc/self/task/{tid}/stat", encoding="ascii", errors="replace") as f:
                stat = f.read()
        except OSError:
            continue  # the thread just ended
        state = stat.rsplit(")", 1)[-1].split()[:1]
        if state == ["R"]:
            return True
    return False


# -- echo servers -----------------------------------------------------------------------------
@dataclass(eq=False)
class Conn:
    """One accepted connection, as the server saw it."""

    server: int  # index of the server that accepted it
    sock: socket.socket
    inbox: bytearray = field(default_factory=bytearray)
    sending: bool = False  # the client has sent something (or closed) before the gate opened
    eof: bool = False  # the client shut down its write side
    out: memoryview | None = None  # the answer, while it is being written
    written: int = 0
    closed: bool = False


class EchoServers:
    """``count`` loopback echo servers behind one gate, as a context manager.

    ``clients``: connections the gate waits for (default ``count``; 0 = no gate).
    ``hold``: seconds (per server, or one value for all) to keep the answers back after
    every expected client finished sending. ``mute``: never answer (but keep reading).
    ``prefix``: bytes put before each server's answer (to tell the servers apart).
    """

    def __init__(
        self,
        count: int = 1,
        *,
        clients: int | None = None,
        gate_timeout: float = 2.0,
        hold: float | Sequence[float] = 0.0,
        mute: bool = False,
        prefix: Sequence[bytes] | None = None,
        rcvbuf: int = 64 * 1024,
    ) -> None:
        self.count = count
        self.clients = count if clients is None else clients
        self.gate_timeout = scaled(gate_timeout)
        self.holds = [hold] * count if isinstance(hold, int | float) else list(hold)
        self.mute = mute
        self.prefix = list(prefix) if prefix is not None else [b""] * count
        self.rcvbuf = rcvbuf
        # what was measured
        self.conns: list[Conn] = []
        self.connected = 0  # connections open now
        self.peak = 0  # most connections open at once
        self.peak_sending = 0  # most open connections that had started sending, at once
        self.opened = threading.Event()  # every expected client connected and sending
        self.broken = False  # the gate timed out (or was given up: give_up_gate)
        self.broken_after: float | None = None  # seconds after the start it broke
        self._give_up = False
        self.threads_when_open: list[threading.Thread] = []
        self.all_in_at: float | None = None  # every expected client finished sending
        self.answered_at: float | None = None  # the last held answer was released
        self.hold_cpu = 0.0  # CPU seconds of this process between those two moments
        # While answers are held back, the state of every other thread of this process is
        # sampled (Linux): a client that waits in select() sleeps, one that polls in a loop
        # is always running or ready to run -- whatever the machine's load.
        self.hold_samples = 0  # samples taken
        self.hold_busy = 0  # samples in which another thread was running or runnable
        self.error: BaseException | None = None
        # machinery
        self._selector = selectors.DefaultSelector()
        self._listeners: list[socket.socket] = []
        self._stop = threading.Event()
        self._wake_r, self._wake_w = socket.socketpair()
        self._thread = threading.Thread(target=self._run, name="course-echo", daemon=True)
        self._started = 0.0
        self._cpu_at_all_in = 0.0
        try:
            for index in range(count):
                lsock = listener(rcvbuf, 128)
                self._listeners.append(lsock)
                self._selector.register(lsock, selectors.EVENT_READ, ("listen", index))
            self._wake_r.setblocking(False)
            self._selector.register(self._wake_r, selectors.EVENT_READ, ("wake", -1))
        except BaseException:
            self._close_all()
            raise

    @property
    def addresses(self) -> list[Address]:
        return [(HOST, lsock.getsockname()[1]) for lsock in self._listeners]

    def received(self, server: int) -> list[int]:
        """Bytes each connection to ``server`` sent (in accept order)."""
        return [len(c.inbox) for c in self.conns if c.server == server]

    def fds(self) -> set[int]:
        """Socket fds that belong to the servers (listeners, connections, wake-up pair)."""
        found = set()
        for sock in [*self._listeners, self._wake_r, self._wake_w, *(c.sock for c in self.conns)]:
            fd = sock.fileno()
            if fd >= 0:
                found.add(fd)
        return found

    # -- context manager ----------------------------------------------------------------------
    def __enter__(self) -> EchoServers:
        self._started = time.monotonic()
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def give_up_gate(self) -> None:
        """Stop waiting for the gate now, as at its timeout (from any thread): for a test
        with evidence that no more clients are coming (a stall, tests/support/stall.py)."""
        self._give_up = True
        with contextlib.suppress(OSError):
            self._wake_w.send(b"x")

    @property
    def thread_id(self) -> int | None:
        """The native id of the servers' thread (None before it started)."""
        return self._thread.native_id

    def stop(self) -> None:
        self._stop.set()
        with contextlib.suppress(OSError):
            self._wake_w.send(b"x")
        if self._thread.is_alive():
            self._thread.join(scaled(5))
        if not self._thread.is_alive():
            self._close_all()

    # -- the server thread --------------------------------------------------------------------
    def _gate_open(self) -> bool:
        return self.clients <= 0 or self.opened.is_set() or self.broken

    def _run(self) -> None:
        try:
            if self.clients <= 0:
                self.opened.set()
            while not self._stop.is_set():
                holding = self.all_in_at is not None and self.answered_at is None
                timeout = 0.01 if holding and any(self.holds) else 0.05
                for key, mask in self._selector.select(timeout):
                    kind, index = key.data
                    if kind == "listen":
                        self._accept(key.fileobj, index)  # type: ignore[arg-type]
                    elif kind == "wake":
                        with contextlib.suppress(OSError):
                            self._wake_r.recv(64)
                    else:
                        self._serve(key.data[1], mask)
                self._tick()
        except BaseException as exc:  # reported by the tests that look at .error
            self.error = exc
        finally:
            self._close_all()

    def _accept(self, lsock: socket.socket, index: int) -> None:
        while True:
            try:
                sock, _ = lsock.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                return
            sock.setblocking(False)
            conn = Conn(index, sock)
            self.conns.append(conn)
            self.connected += 1
            self.peak = max(self.peak, self.connected)
            self._selector.register(sock, selectors.EVENT_READ, ("conn", conn))

    def _serve(self, conn: Conn, mask: int) -> None:
        if mask & selectors.EVENT_READ:
            if not self._gate_open():
                # peek only: the client has started; nothing is read before the gate opens
                conn.sending = True
                self._selector.unregister(conn.sock)
                self._check_gate()
                return
            self._read(conn)
        if mask & selectors.EVENT_WRITE and not conn.closed:
            self._write(conn)

    def _check_gate(self) -> None:
        live = [c for c in self.conns if not c.closed]
        sending = sum(1 for c in live if c.sending)
        self.peak_sending = max(self.peak_sending, sending)
        if len(live) >= self.clients and sending >= self.clients and not self.opened.is_set():
            self.threads_when_open = list(threading.enumerate())
            self.opened.set()
            self._resume_reading()

    def _resume_reading(self) -> None:
        for c in self.conns:
            if not c.closed and not c.eof and c.out is None:
                with contextlib.suppress(KeyError):
                    self._selector.unregister(c.sock)
                self._selector.register(c.sock, selectors.EVENT_READ, ("conn", c))

    def _read(self, conn: Conn) -> None:
        try:
            data = conn.sock.recv(256 * 1024)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            self._drop(conn)
            return
        if data:
            conn.inbox += data
            return
        conn.eof = True
        self._selector.unregister(conn.sock)
        if self.mute:
            return
        if self.broken or self.clients <= 0 and not any(self.holds):
            self._answer(conn)

    def _tick(self) -> None:
        """Time-driven steps: the gate's timeout and releasing held answers."""
        now = time.monotonic()
        waited = now - self._started
        if not self.opened.is_set() and not self.broken and (
                waited > self.gate_timeout or self._give_up):
            self.broken = True
            self.broken_after = waited
            self._resume_reading()
            for c in self.conns:  # answer whoever already finished
                if c.eof and c.out is None and not c.closed and not self.mute:
                    self._answer(c)
            return
        if self.mute or self.broken or not self.opened.is_set():
            return
        if self.all_in_at is None:
            expected = [c for c in self.conns if not c.closed]
            done = [c for c in expected if c.eof]
            if len(done) < max(self.clients, 1) or len(done) < len(expected):
                return
            self.all_in_at = now
            self._cpu_at_all_in = time.process_time()
        if self.answered_at is None and any(self.holds):
            busy = others_runnable()
            if busy is not None:
                self.hold_samples += 1
                self.hold_busy += busy
        for c in self.conns:
            if not c.eof or c.closed:
                continue
            if c.out is None and now - self.all_in_at >= self.holds[c.server]:
                self._answer(c)
        if self.answered_at is None and any(self.holds) and all(
                c.out is not None or c.closed for c in self.conns if c.eof):
            self.answered_at = now  # the last held answer is out
            self.hold_cpu = time.process_time() - self._cpu_at_all_in

    def _answer(self, conn: Conn) -> None:
        conn.out = memoryview(self.prefix[conn.server] + bytes(conn.inbox))
        with contextlib.suppress(KeyError):
            self._selector.unregister(conn.sock)
        self._selector.register(conn.sock, selectors.EVENT_WRITE, ("conn", conn))
        self._write(conn)

    def _write(self, conn: Conn) -> None:
        assert conn.out is not None
        try:
            while conn.written < len(conn.out):
                conn.written += conn.sock.send(conn.out[conn.written : conn.written + (1 << 20)])
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            self._drop(conn)
            return
        self._drop(conn)

    def _drop(self, conn: Conn) -> None:
        if conn.closed:
            return
        with contextlib.suppress(KeyError, ValueError):
            self._selector.unregister(conn.sock)
        conn.sock.close()
        conn.closed = True
        self.connected -= 1

    def _close_all(self) -> None:
        for conn in self.conns:
            if not conn.closed:
                conn.sock.close()
                conn.closed = True
        for sock in [*self._listeners, self._wake_r, self._wake_w]:
            sock.close()
        with contextlib.suppress(Exception):
            self._selector.close()


# -- test-side clients ------------------------------------------------------------------------
@dataclass(eq=False)
class _Peer:
    sock: socket.socket
    connected: bool = False
    error: str = ""
    out: memoryview = field(default_factory=lambda: memoryview(b""))
    sent: int = 0
    got: bytearray = field(default_factory=bytearray)
    want: int = 0
    eof: bool = False


class Swarm:
    """``n`` clients of one server, all driven by one selector in the calling thread.

    ``connect()`` opens every connection at once; ``exchange(messages)`` sends each
    client its message and reads back as many bytes, all at the same time. Every
    wait is bounded (scaled seconds); what did not arrive in time is simply missing.
    """

    def __init__(self, address: Address, n: int) -> None:
        self.address = address
        self.peers: list[_Peer] = []
        self._selector = selectors.DefaultSelector()
        try:
            for _ in range(n):
                sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                sock.setblocking(False)
                self.peers.append(_Peer(sock))
        except BaseException:
            self.close()
            raise

    def fds(self) -> set[int]:
        return {p.sock.fileno() for p in self.peers if p.sock.fileno() >= 0}

    def connect(self, seconds: float = 3.0) -> int:
        """Connect every client; returns how many connected in time."""
        for peer in self.peers:
            code = peer.sock.connect_ex(self.address)
            if code == 0:
                peer.connected = True
            elif code in (errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EAGAIN):
                self._selector.register(peer.sock, selectors.EVENT_WRITE, peer)
            else:
                peer.error = os.strerror(code)
        deadline = time.monotonic() + scaled(seconds)
        while self._selector.get_map() and time.monotonic() < deadline:
            for key, _ in self._selector.select(max(0.0, deadline - time.monotonic())):
                peer = key.data
                self._selector.unregister(peer.sock)
                code = peer.sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                if code == 0:
                    peer.connected = True
                else:
                    peer.error = os.strerror(code)
        for key in list(self._selector.get_map().values()):
            self._selector.unregister(key.fileobj)
        return sum(p.connected for p in self.peers)

    def exchange(
        self,
        messages: Sequence[bytes],
        seconds: float = 3.0,
        abort: Callable[[], bool] | None = None,
        watch: StallWatch | None = None,
    ) -> list[bytes]:
        """Send ``messages[i]`` on client ``i`` and read back ``len(messages[i])`` bytes.

        Stops early when ``abort()`` becomes true (e.g. the server thread died), or,
        with ``watch``, when the clients got nowhere and nothing else in the process
        moved for the watch's window (the server is not going to answer).
        """
        for peer, message in zip(self.peers, messages, strict=True):
            peer.out, peer.sent, peer.got, peer.want = memoryview(message), 0, bytearray(), len(
                message
            )
            if peer.connected and not peer.eof:
                self._selector.register(
                    peer.sock, selectors.EVENT_READ | selectors.EVENT_WRITE, peer
                )
        deadline = time.monotonic() + scaled(seconds)
        pause = 0.05 if watch is None else min(0.05, watch.period)
        while self._selector.get_map() and time.monotonic() < deadline:
            if abort is not None and abort():
                break
            moved = False
            for key, mask in self._selector.select(min(pause, deadline - time.monotonic())):
                moved = self._step(key.data, mask) or moved
            if watch is None:
                continue
            if moved:
                watch.moved()
            elif watch.stalled():
                break
        for key in list(self._selector.get_map().values()):
            self._selector.unregister(key.fileobj)
        return [bytes(p.got) for p in self.peers]

    def _step(self, peer: _Peer, mask: int) -> bool:
        """One ready client: send and/or receive; True if any byte moved (or it ended)."""
        moved = False
        try:
            if mask & selectors.EVENT_WRITE and peer.sent < len(peer.out):
                n = peer.sock.send(peer.out[peer.sent : peer.sent + 65536])
                peer.sent += n
                moved = n > 0
            if mask & selectors.EVENT_READ:
                data = peer.sock.recv(65536)
                if not data:
                    peer.eof = True
                peer.got += data
                moved = True
        except (BlockingIOError, InterruptedError):
            return moved
        except OSError as exc:
            peer.error, peer.eof = str(exc), True
            moved = True
        if peer.eof or len(peer.got) >= peer.want:
            self._selector.unregister(peer.sock)
        elif peer.sent >= len(peer.out):
            self._selector.modify(peer.sock, selectors.EVENT_READ, peer)
        return moved

    def close(self, reset: bool = False) -> None:
        for peer in self.peers:
            if reset and peer.sock.fileno() >= 0:
                with contextlib.suppress(OSError):
                    peer.sock.setsockopt(
                        socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
                    )
            peer.sock.close()
        with contextlib.suppress(Exception):
            self._selector.close()

    def __enter__(self) -> Swarm:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class SlowReader:
    """A client that floods a server and reads nothing until :meth:`drain` is called.

    Its receive buffer is tiny, so an echo server soon has output for it that cannot be
    written. ``flooded`` is set once the client sent everything or could not send more
    for a while. ``drain()`` then reads the echo back (still sending the rest) and checks
    it; ``echoed``/``sent`` tell how far it got and ``mismatch`` where it first differed.
    While draining, the thread sleeps in ``select()`` without a timeout (``close()`` wakes
    it), so a server that has stopped echoing leaves the whole process still.
    """

    def __init__(self, address: Address, total: int = 8 << 20, stall: float = 0.2) -> None:
        self.address = address
        self.data = pattern(total, seed=3)
        self.stall = stall
        self.sent = 0
        self.echoed = 0
        self.mismatch: int | None = None
        self.error = ""
        self.flooded = threading.Event()
        self.finished = threading.Event()
        self._drain = threading.Event()
        self._stop = threading.Event()
        self._wake_r, self._wake_w = socket.socketpair()
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            self._wake_r.setblocking(False)
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            self.sock.connect(address)
            self.sock.setblocking(False)
        except BaseException:
            for sock in (self.sock, self._wake_r, self._wake_w):
                sock.close()
            raise
        self._thread = threading.Thread(target=self._run, name="course-slow-reader", daemon=True)

    def __enter__(self) -> SlowReader:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def drain(self, seconds: float = 5.0, watch: StallWatch | None = None) -> bool:
        """Read everything back; True when all was echoed within ``seconds`` (scaled).

        With ``watch``, gives up as soon as the process stalls (nothing more is coming).
        """
        self._drain.set()
        self._wake()
        if watch is None:
            return self.finished.wait(scaled(seconds))
        return watch.wait(self.finished, seconds)

    def _wake(self) -> None:
        with contextlib.suppress(OSError):
            self._wake_w.send(b"x")

    def close(self) -> None:
        self._stop.set()
        self._drain.set()
        self._wake()
        if self._thread.is_alive():
            self._thread.join(scaled(5))
        for sock in (self.sock, self._wake_r, self._wake_w):
            sock.close()

    def _run(self) -> None:
        sel = selectors.DefaultSelector()
        view = memoryview(self.data)
        try:
            sel.register(self.sock, selectors.EVENT_WRITE)
            last_progress = time.monotonic()
            while not self._stop.is_set() and not self._drain.is_set():
                if self.sent >= len(self.data):
                    break
                if sel.select(0.02):
                    try:
                        n = self.sock.send(view[self.sent : self.sent + 65536])
                    except (BlockingIOError, InterruptedError):
                        n = 0
                    if n:
                        self.sent += n
                        last_progress = time.monotonic()
                if time.monotonic() - last_progress > self.stall:
                    break
            self.flooded.set()
            self._drain.wait()
            sel.modify(self.sock, selectors.EVENT_READ | selectors.EVENT_WRITE)
            sel.register(self._wake_r, selectors.EVENT_READ)
            while not self._stop.is_set() and self.echoed < len(self.data):
                for key, mask in sel.select():
                    if key.fileobj is self._wake_r:
                        with contextlib.suppress(OSError):
                            self._wake_r.recv(64)
                        continue
                    if mask & selectors.EVENT_WRITE and self.sent < len(self.data):
                        with contextlib.suppress(BlockingIOError, InterruptedError):
                            self.sent += self.sock.send(view[self.sent : self.sent + 65536])
                    if mask & selectors.EVENT_READ:
                        try:
                            chunk = self.sock.recv(256 * 1024)
                        except (BlockingIOError, InterruptedError):
                            continue
                        if not chunk:
                            self.error = "the server closed the connection"
                            return
                        self._check(chunk)
                if self.sent >= len(self.data):
                    sel.modify(self.sock, selectors.EVENT_READ)
            self.finished.set()
        except OSError as exc:
            self.error = f"{type(exc).__name__}: {exc}"
        finally:
            self.flooded.set()
            sel.close()

    def _check(self, chunk: bytes) -> None:
        start = self.echoed
        if self.mismatch is None and self.data[start : start + len(chunk)] != chunk:
            want = self.data[start : start + len(chunk)]
            self.mismatch = start + next(
                (i for i, (a, b) in enumerate(zip(want, chunk, strict=False)) if a != b),
                min(len(want), len(chunk)),
            )
        self.echoed += len(chunk)
