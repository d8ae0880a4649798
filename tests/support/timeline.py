"""Timelines of what ran when: record spans from threads, processes and tasks, draw them.

A *span* is one piece of work: a label, where it ran (process, thread, asyncio
task) and when it started and ended.  ``nox -s demo-exNN`` runs the learner's
code with instrumented workloads and draws the spans, one row per lane:

    rec = Recorder(tmp / "spans.jsonl")
    funcs = [rec.traced(functools.partial(nap, d), f"nap {d} s") for d in (0.3, 0.1)]
    run_in_threads(funcs)                            # the learner's function
    spans, marks = rec.read()
    print(render_text(Timeline("two naps", spans, marks)))

Recording is thread- and process-safe: every span is one line of JSON appended to
a file (one ``write`` on a file opened with ``O_APPEND``), so pool workers, raw
``multiprocessing.Process`` children (fork, spawn or forkserver) and threads all
write to the same place.  Times come from ``time.monotonic()``, a clock that all
processes of the machine share.

:class:`Traced` wraps a callable so that each call records a span (with the CPU
time its thread used, to tell computing from waiting); it pickles, so a process
pool can send it to its workers. :func:`patch` puts a traced stand-in for a
module's function in place (``fib`` of ex03, ``delay`` of ex10...), so that the
learner's code calls it without knowing.

The text renderer draws a time axis, one row per lane with block-character bars,
a row counting how many spans were running at each moment, and a one-line
summary ("4 calls, 4 threads, peak 4 at once, 0.41 s in all — the sum of their
times would be 1.20 s").  :func:`render_html` writes the same as a
self-contained HTML page with inline SVG (no scripts, no external files).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import html
import importlib
import inspect
import json
import os
import textwrap
import threading
import time
import types
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

# -- what is recorded -------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """One piece of work, or one call made by the demo (``kind="call"``)."""

    label: str
    start: float  # time.monotonic()
    end: float
    pid: int
    thread: str  # thread name
    thread_id: int
    task: str | None = None  # asyncio task name, when it ran in a task
    cpu: float | None = None  # CPU seconds its thread used (sync spans only)
    kind: str = "work"  # "work" (what the learner's code ran) or "call" (the demo's call)
    outcome: str = "ok"  # "ok", "error" or "cancelled"
    lane: str | None = None  # an explicit lane name; None = from pid/thread/task

    @property
    def duration(self) -> float:
        return max(0.0, self.end - self.start)


@dataclass(frozen=True)
class Mark:
    """A moment: a heartbeat of the event loop, a callback that ran, a line printed."""

    label: str
    at: float
    pid: int
    thread: str
    thread_id: int
    task: str | None = None
    lane: str | None = None


def here() -> tuple[int, str, int, str | None]:
    """(pid, thread name, thread id, asyncio task name or None) of the caller."""
    thread = threading.current_thread()
    task: asyncio.Task[Any] | None = None
    with contextlib.suppress(RuntimeError):  # no running loop in this thread
        task = asyncio.current_task()
    return os.getpid(), thread.name, thread.ident or 0, task.get_name() if task else None


_write_lock = threading.Lock()


class Recorder:
    """Appends spans and marks to a file; safe from threads and from child processes.

    A recorder pickles as its path, so it can travel to pool workers and to
    ``multiprocessing.Process`` children along with a :class:`Traced` callable.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = str(path)

    def __repr__(self) -> str:
        return f"Recorder({self.path!r})"

    # -- writing ---------------------------------------------------------------------------
    def add(self, item: Span | Mark) -> None:
        kind = "span" if isinstance(item, Span) else "mark"
        line = (json.dumps({"type": kind, **asdict(item)}) + "\n").encode()
        with _write_lock:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, line)
            finally:
                os.close(fd)

    def mark(self, label: str, *, lane: str | None = None, at: float | None = None) -> None:
        pid, thread, ident, task = here()
        when = time.monotonic() if at is None else at
        self.add(Mark(label, when, pid, thread, ident, task, lane))

    @contextlib.contextmanager
    def span(self, label: str, *, lane: str | None = None, kind: str = "work",
             cpu: bool = False) -> Iterator[None]:
        """Record a span around the block (in a coroutine too: the task is noted at entry)."""
        pid, thread, ident, task = here()
        cpu_start = time.thread_time() if cpu else 0.0
        start = time.monotonic()
        outcome = "ok"
        try:
            yield
        except asyncio.CancelledError:
            outcome = "cancelled"
            raise
        except BaseException:
            outcome = "error"
            raise
        finally:
            end = time.monotonic()
            used = time.thread_time() - cpu_start if cpu else None
            self.add(Span(label, start, end, pid, thread, ident, task, used, kind, outcome, lane))

    def traced(self, func: Callable[..., Any], label: str, *,
               lane: str | None = None) -> Traced:
        """``func`` wrapped so that each call records a span (picklable if ``func`` is)."""
        return Traced(self, label, func=func, lane=lane)

    def atraced(self, func: Callable[..., Any], label: str | Callable[..., str], *,
                lane: str | None = None) -> Callable[..., Any]:
        """An ``async def`` function wrapped so that each call records a span in its task."""

        @functools.wraps(func)
        async def wrapper(*args: Any, **kwargs: Any) -> Any:
            with self.span(_label(label, args, kwargs), lane=lane):
                return await func(*args, **kwargs)

        return wrapper

    # -- reading ---------------------------------------------------------------------------
    def read(self) -> tuple[list[Span], list[Mark]]:
        spans: list[Span] = []
        marks: list[Mark] = []
        with contextlib.suppress(FileNotFoundError), open(self.path, encoding="utf-8") as f:
            for line in f:
                try:
                    data = json.loads(line)
                except ValueError:  # a writer killed halfway through its line
                    continue
                kind = data.pop("type", "")
                if kind == "span":
                    spans.append(Span(**data))
                elif kind == "mark":
                    marks.append(Mark(**data))
        return spans, marks


def _label(label: str | Callable[..., str], args: Sequence[Any], kwargs: dict[str, Any]) -> str:
    if callable(label):
        try:
            return str(label(*args, **kwargs))
        except Exception:
            return getattr(label, "__name__", "call")
    try:
        return label.format(*args, **kwargs)
    except Exception:  # a label that does not fit the arguments is shown as it is
        return label


_inside = threading.local()  # the Traced sources this thread is inside (recursion is not traced)


class Traced:
    """A callable that records a span (with its thread's CPU time) around every call.

    Either wraps ``func``, or — made by :func:`patch` — stands in for the function
    ``name`` of module ``module``: then it pickles without the function and, in a
    child process, finds the original again by importing the module (in a forked
    child the module holds this stand-in, which still knows the original).  A
    stand-in runs a copy of the original that finds itself under its own name, so
    recursion (``fib`` calling ``fib``) runs at full speed and is not recorded; other
    calls made from inside a traced call in the same thread are not recorded either.
    """

    def __init__(self, recorder: Recorder, label: str | Callable[..., str], *,
                 func: Callable[..., Any] | None = None, source: tuple[str, str] | None = None,
                 lane: str | None = None) -> None:
        if func is None and source is None:
            raise ValueError("Traced needs a function or a (module, name) source")
        self.recorder = recorder
        self.label = label
        self.source = source
        self.lane = lane
        self._func = func
        if func is not None:
            functools.update_wrapper(self, func)

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("__wrapped__", None)
        if self.source is not None:
            state["_func"] = None  # found again by import in the child
        return state

    def original(self) -> Callable[..., Any]:
        if self._func is None:
            assert self.source is not None
            module, name = self.source
            found = getattr(importlib.import_module(module), name)
            while isinstance(found, Traced) and found is not self:
                found = found.original()
            if found is self:
                raise RuntimeError(f"no original function for {module}.{name}")
            self._func = found
        return self._func

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        func = self.original()
        if self.source is not None:
            func = _unhooked(func, self.source[1])
        key = self.source or id(self)
        inside: set[object] = _inside.__dict__.setdefault("keys", set())
        if key in inside:
            return func(*args, **kwargs)
        inside.add(key)
        try:
            with self.recorder.span(_label(self.label, args, kwargs), lane=self.lane, cpu=True):
                return func(*args, **kwargs)
        finally:
            inside.discard(key)


def _unhooked(func: Callable[..., Any], name: str) -> Callable[..., Any]:
    """A copy of ``func`` that finds itself under ``name``: its recursive calls (``fib``
    calling ``fib``) skip the stand-in and run at full speed, as in an unpatched child."""
    if not isinstance(func, types.FunctionType):
        return func
    namespace = dict(func.__globals__)
    copy = types.FunctionType(func.__code__, namespace, func.__name__, func.__defaults__,
                              func.__closure__)
    copy.__kwdefaults__ = func.__kwdefaults__
    namespace[name] = copy
    return copy


@contextlib.contextmanager
def patch(module: ModuleType, name: str, recorder: Recorder,
          label: str | Callable[..., str], *, lane: str | None = None,
          users: Sequence[Callable[..., Any]] = (),
          replacement: Callable[..., Any] | None = None) -> Iterator[None]:
    """Replace ``module.name`` by a traced stand-in for the duration of the block.

    The learner's code looks the name up when it runs (``pool.map(fib, ...)``,
    ``create_task(delay(s))``), so it calls the stand-in. Coroutine functions get an
    ``async`` stand-in that records the span in the task that awaits it. ``users``:
    functions that call ``name`` and may come from another module (a file that
    imports them from elsewhere): the name is replaced where they look it up too.
    ``replacement``: what the stand-in runs instead of the original (e.g. a real pause
    in place of a hook that does nothing).
    """
    original = getattr(module, name)
    stand_in: Any
    if replacement is not None:
        stand_in = Traced(recorder, label, func=replacement, lane=lane)
    elif inspect.iscoroutinefunction(original):
        stand_in = recorder.atraced(original, label, lane=lane)
    else:
        stand_in = Traced(recorder, label, source=(module.__name__, name), lane=lane)
        stand_in._func = original
        functools.update_wrapper(stand_in, original)
    namespaces = [vars(module)]
    for user in users:
        found = getattr(inspect.unwrap(user), "__globals__", None)
        if isinstance(found, dict) and all(found is not n for n in namespaces) \
                and found.get(name) is original:
            namespaces.append(found)
    for namespace in namespaces:
        namespace[name] = stand_in
    try:
        yield
    finally:
        for namespace in namespaces:
            namespace[name] = original


# -- workloads the demos hand to the learner's code -------------------------------------------


def nap(seconds: float) -> float:
    """Wait ``seconds`` without using the CPU (like a network call); return ``seconds``."""
    time.sleep(seconds)
    return seconds


def nap_pid(seconds: float) -> int:
    """Wait ``seconds``, then say which process did the waiting."""
    time.sleep(seconds)
    return os.getpid()


async def anap(seconds: float) -> float:
    """``nap`` for the event loop: ``asyncio.sleep``, so other tasks run meanwhile."""
    await asyncio.sleep(seconds)
    return seconds


# -- one picture ------------------------------------------------------------------------------


@dataclass
class Timeline:
    """The spans and marks of one scenario, with how to talk about them."""

    title: str
    spans: list[Span]
    marks: list[Mark] = field(default_factory=list)
    home_pid: int = field(default_factory=os.getpid)
    noun: str = "calls"  # what the work spans are ("requests", "fib calls"...)
    total_of: str = "their times"  # "the sum of {total_of} would be ..."
    show_cpu: bool = False  # shade the bars by the CPU share of each span
    overlap: bool = False  # the lesson here is that the work overlaps
    notes: list[str] = field(default_factory=list)
    where: str | None = None  # "where it ran" for the summary, when the lanes cannot tell
    printed: list[tuple[float, str]] = field(default_factory=list)  # (time, line) printed

    @property
    def work(self) -> list[Span]:
        return sorted((s for s in self.spans if s.kind == "work"), key=lambda s: s.start)

    @property
    def calls(self) -> list[Span]:
        return sorted((s for s in self.spans if s.kind == "call"), key=lambda s: s.start)

    @property
    def origin(self) -> float:
        times = [s.start for s in self.spans] + [m.at for m in self.marks]
        return min(times) if times else 0.0

    @property
    def finish(self) -> float:
        times = [s.end for s in self.spans] + [m.at for m in self.marks]
        return max(times) if times else 0.0

    def peak(self) -> int:
        """The most work spans running at the same moment."""
        return peak_overlap(self.work)

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "peak": self.peak(),
            "overlap": self.overlap,
            "home_pid": self.home_pid,
            "spans": [asdict(s) for s in self.spans],
            "marks": [asdict(m) for m in self.marks],
            "notes": list(self.notes),
            "summary": summary(self),
        }


def peak_overlap(spans: Sequence[Span]) -> int:
    """Largest number of spans that were running at one moment (touching ends do not count)."""
    return overlap([(s.start, s.end) for s in spans])[0]


def overlap(intervals: Sequence[tuple[float, float]], most: int = 0) -> tuple[int, float]:
    """The most intervals covering one moment (touching ends do not count), and the share
    of the time covered by any during which more than ``most`` of them covered it."""
    events = sorted([(a, 1) for a, _ in intervals] + [(b, -1) for _, b in intervals])
    peak = running = 0
    covered = crowded = 0.0
    last = events[0][0] if events else 0.0
    for at, step in events:  # at equal times the end (-1) sorts before the start (+1)
        if running > 0:
            covered += at - last
        if running > most:
            crowded += at - last
        running += step
        peak = max(peak, running)
        last = at
    return peak, crowded / covered if covered else 0.0


# -- lanes ------------------------------------------------------------------------------------

LaneKey = tuple[Any, ...]


@dataclass
class Lane:
    """One row of the picture: a thread, a process, a task, or the demo's calls."""

    name: str
    spans: list[Span] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    is_call: bool = False


def _auto_key(item: Span | Mark) -> LaneKey:
    if item.lane is not None:
        return ("named", item.lane)
    # a thread id can be reused once its thread has ended: the name tells them apart
    return ("auto", item.pid, item.thread_id, item.thread, item.task)


def _auto_names(timeline: Timeline) -> dict[LaneKey, str]:
    """A short, distinguishing name for every lane: thread, ``pid N``, task, or a mix."""
    items: list[Span | Mark] = [*timeline.work, *timeline.marks]
    pids = {i.pid for i in items if i.lane is None}
    threads_of: dict[int, set[tuple[int, str]]] = {}
    for i in items:
        if i.lane is None:
            threads_of.setdefault(i.pid, set()).add((i.thread_id, i.thread))
    names: dict[LaneKey, str] = {}
    for i in items:
        key = _auto_key(i)
        if key in names:
            continue
        if i.lane is not None:
            names[key] = i.lane
            continue
        parts = []
        if len(pids) > 1 or i.pid != timeline.home_pid:
            parts.append(f"pid {i.pid}" + (" (demo)" if i.pid == timeline.home_pid else ""))
        several = len(threads_of[i.pid]) > 1
        if (i.task is None or several) and (several or i.pid == timeline.home_pid):
            parts.append(i.thread)
        if i.task is not None:
            parts.append(i.task)
        names[key] = " · ".join(parts) or i.thread
    return names


def lanes(timeline: Timeline) -> list[Lane]:
    """The rows: the demo's calls first (as many rows as overlap), then one row per
    thread / process / task in the order they started."""
    rows: list[Lane] = []
    for call in timeline.calls:  # greedy: the first call row that is free by then
        for row in rows:
            if row.spans[-1].end <= call.start:
                row.spans.append(call)
                break
        else:
            rows.append(Lane("call" if not rows else f"call {len(rows) + 1}", [call],
                             is_call=True))
    names = _auto_names(timeline)
    by_key: dict[LaneKey, Lane] = {}
    items: list[Span | Mark] = [*timeline.work, *sorted(timeline.marks, key=lambda m: m.at)]
    for item in items:
        key = _auto_key(item)
        lane = by_key.setdefault(key, Lane(names[key]))
        if isinstance(item, Span):
            lane.spans.append(item)
        else:
            lane.marks.append(item)

    def first(lane: Lane) -> tuple[int, float]:
        if lane.spans:
            return (0, lane.spans[0].start)
        return (1, lane.marks[0].at)

    return rows + sorted(by_key.values(), key=first)


# -- the summary line -------------------------------------------------------------------------


def _plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count} {word if count == 1 else (words or word + 's')}"


def where_it_ran(timeline: Timeline) -> str:
    """"4 threads", "2 processes", "3 tasks in 1 thread", "1 thread (MainThread)"."""
    work = timeline.work
    if not work:
        return "nothing ran"
    pids = {s.pid for s in work}
    threads = {(s.pid, s.thread_id, s.thread) for s in work}
    tasks = {(s.pid, s.thread_id, s.task) for s in work if s.task is not None}
    if pids != {timeline.home_pid}:
        text = _plural(len(pids), "process", "processes")
        if timeline.home_pid in pids:
            text += " (the demo's own among them)"
        return text
    if tasks and len(tasks) == len({(s.pid, s.thread_id, s.task) for s in work}):
        return f"{_plural(len(tasks), 'task')} in {_plural(len(threads), 'thread')}"
    if len(threads) == 1:
        return f"1 thread ({work[0].thread})"
    return _plural(len(threads), "thread")


def summary(timeline: Timeline) -> str:
    work = timeline.work
    if not work:
        return f"no {timeline.noun} were recorded"
    elapsed = timeline.finish - timeline.origin
    total = sum(s.duration for s in work)
    noun = timeline.noun
    if len(work) == 1 and noun.endswith("s"):
        noun = noun[:-1]
    return (
        f"{len(work)} {noun}, {timeline.where or where_it_ran(timeline)}, "
        f"peak {timeline.peak()} at once, {elapsed:.2f} s in all — "
        f"the sum of {timeline.total_of} would be {total:.2f} s"
    )


def cpu_busy(timeline: Timeline) -> tuple[float, float] | None:
    """(CPU seconds used, wall seconds) of the spans that measured their CPU time."""
    measured = [s for s in timeline.work if s.cpu is not None]
    if not measured:
        return None
    start = min(s.start for s in measured)
    end = max(s.end for s in measured)
    return sum(s.cpu or 0.0 for s in measured), max(end - start, 1e-9)


def cpu_line(timeline: Timeline) -> str | None:
    """"2.10 s of CPU in 1.08 s: 1.9 CPUs busy on average" for spans that measured CPU."""
    busy = cpu_busy(timeline)
    if busy is None:
        return None
    used, wall = busy
    return (f"CPU: {used:.2f} s of computing in {wall:.2f} s of wall time — "
            f"{used / wall:.1f} CPU(s) busy on average")


# -- text -------------------------------------------------------------------------------------

FULL, PART, WAIT, CALL, EDGE, MARK = "█", "▒", "░", "━", "▏", "•"
END_MARK = {"cancelled": "×", "error": "!"}


def _bar_char(span: Span, show_cpu: bool) -> str:
    if span.kind == "call":
        return CALL
    if not show_cpu or span.cpu is None or span.duration <= 0:
        return FULL
    share = span.cpu / span.duration
    return FULL if share >= 0.6 else PART if share >= 0.2 else WAIT


def _nice_step(total: float, ticks: int) -> float:
    for step in (0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 30.0, 60.0):
        if total / step <= ticks:
            return step
    return 60.0 * (1 + int(total / 60.0 / ticks))


def _fmt_time(t: float, step: float) -> str:
    digits = 0 if step >= 1 else 1 if step >= 0.1 and round(step, 1) == step else 2
    return f"{t:.{digits}f} s"


def _annotation(spans: Sequence[Span], limit: int = 48) -> str:
    """The labels of one lane, repeats folded: "fib(24) ×2, fib(25)"."""
    parts: list[list[Any]] = []
    for s in spans:
        if parts and parts[-1][0] == s.label:
            parts[-1][1] += 1
        else:
            parts.append([s.label, 1])
    text = ", ".join(label if n == 1 else f"{label} ×{n}" for label, n in parts)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_text(timeline: Timeline, width: int = 60) -> str:
    """The timeline as text: title, time axis, one row per lane, the at-once row, summary."""
    lines = [timeline.title]
    if not timeline.spans and not timeline.marks:
        return "\n".join([*lines, "  (nothing was recorded)", *timeline.notes])
    t0 = timeline.origin
    total = max(timeline.finish - t0, 1e-6)
    per_col = total / width
    rows = lanes(timeline)
    label_width = min(24, max(len("at once"), *(len(lane.name) for lane in rows)))

    def col(t: float) -> int:
        return min(width - 1, max(0, int((t - t0) / per_col)))

    def end_col(t: float) -> int:
        return min(width, max(0, round((t - t0) / per_col)))

    # time axis: tick k sits on the boundary before column k (index 0 is the lane's edge)
    step = _nice_step(total, max(2, width // 12))
    head = [" "] * (width + 12)
    axis = ["─"] * (width + 1)
    tick = 0.0
    while tick <= total + 1e-9:
        c = min(width, int(round(tick / per_col)))
        text = _fmt_time(tick, step)
        if all(ch == " " for ch in head[max(0, c - 1) : c + len(text) + 1]):
            head[c : c + len(text)] = list(text)
        axis[c] = "┼" if c else "├"
        tick += step
    pad = " " * (label_width + 1)
    lines.append(pad + "".join(head).rstrip())
    lines.append(pad + "".join(axis))

    for lane in rows:
        cells = [" "] * width
        last_end, last_ok = -1, True
        for s in lane.spans:
            c0 = col(s.start)
            if not last_ok and c0 < last_end:  # keep the previous span's × or ! visible
                c0 = min(last_end, width - 1)
            c1 = max(c0 + 1, end_col(s.end))
            ch = _bar_char(s, timeline.show_cpu)
            for c in range(c0, c1):
                cells[c] = ch
            if c0 <= last_end and c1 - c0 > 1 and last_ok:  # touching the previous span
                cells[c0] = EDGE
            if s.outcome in END_MARK:
                cells[c1 - 1] = END_MARK[s.outcome]
            last_end, last_ok = c1, s.outcome not in END_MARK
        for m in lane.marks:
            cells[col(m.at)] = MARK
        name = lane.name
        if len(name) > label_width:
            name = name[: label_width - 1] + "…"
        note = _annotation(lane.spans, 60 if lane.is_call else 48)
        lines.append(f"{name:<{label_width}} │{''.join(cells)}│ {note}".rstrip())

    # how many work spans were running at each moment (taken at the middle of each column)
    work = timeline.work
    if work:
        counts = []
        for c in range(width):
            t = t0 + (c + 0.5) * per_col
            n = sum(1 for s in work if s.start <= t < s.end)
            counts.append(" " if n == 0 else str(n) if n < 10 else "+")
        lines.append(f"{'at once':<{label_width}} │{''.join(counts)}│")

    legend = [f"{FULL} running"]
    if timeline.show_cpu:
        legend = [f"{FULL} computing", f"{PART} running part of the time", f"{WAIT} waiting"]
    if timeline.calls:
        legend.append(f"{CALL} the call to your code")
    if any(s.outcome == "cancelled" for s in timeline.spans):
        legend.append("× cancelled")
    if any(s.outcome == "error" for s in timeline.spans):
        legend.append("! raised")
    if timeline.marks:
        legend.append(f"{MARK} moment")
    lines.append(" " * (label_width + 2) + "   ".join(legend))
    lines.append("")
    lines.append(summary(timeline))
    cpu = cpu_line(timeline) if timeline.show_cpu else None
    if cpu:
        lines.append(cpu)
    lines.extend(textwrap.fill(note, 100, subsequent_indent="  ") for note in timeline.notes)
    if timeline.printed:
        lines.append("your code printed:")
        lines.extend(f"  {t - t0:5.2f} s  {text}" for t, text in timeline.printed)
    return "\n".join(lines)


# -- HTML with inline SVG ---------------------------------------------------------------------

_COLOURS = {"call": "#9aa5b1", "full": "#2b6cb0", "part": "#63a4e0", "wait": "#bcd7f2"}


def _at_once(spans: Sequence[Span]) -> list[tuple[float, int]]:
    """(time, how many spans are running from then on), at every start and end."""
    events = sorted([(s.start, 1) for s in spans] + [(s.end, -1) for s in spans])
    steps: list[tuple[float, int]] = []
    running = 0
    for t, step in events:
        running += step
        if steps and steps[-1][0] == t:
            steps[-1] = (t, running)
        else:
            steps.append((t, running))
    return steps


def _svg(timeline: Timeline) -> str:
    """One picture: an axis, a row per lane (bars with their labels when they fit, dots
    for moments) and a step line of how many spans were running at once."""
    e = html.escape
    rows = lanes(timeline)
    work = timeline.work
    t0 = timeline.origin
    total = max(timeline.finish - t0, 1e-6)
    left, plot, row, top, graph = 190, 640, 26, 34, 36 if work else 0
    bottom = top + row * len(rows)
    height = bottom + graph + 20
    width = left + plot + 20

    def x_of(t: float) -> float:
        return left + (t - t0) / total * plot

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" '
        f'font-family="sans-serif" font-size="12">',
        f"<title>{e(timeline.title)}</title>",
    ]
    step = _nice_step(total, 8)
    tick = 0.0
    while tick <= total + 1e-9:
        x = x_of(t0 + tick)
        parts.append(f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{bottom + graph}" '
                     'stroke="#ddd"/>')
        parts.append(f'<text x="{x:.1f}" y="{top - 10}" text-anchor="middle" fill="#555">'
                     f"{e(_fmt_time(tick, step))}</text>")
        tick += step
    for index, lane in enumerate(rows):
        y = top + index * row
        parts.append(f'<text x="{left - 8}" y="{y + row / 2 + 4:.1f}" text-anchor="end">'
                     f"{e(lane.name)}</text>")
        for s in lane.spans:
            x0, x1 = x_of(s.start), x_of(s.end)
            bar_w = max(1.0, x1 - x0 - 1)
            shade = _bar_char(s, timeline.show_cpu)
            colour = _COLOURS["call" if s.kind == "call" else
                              {FULL: "full", PART: "part", WAIT: "wait"}.get(shade, "full")]
            bar_h = 8 if s.kind == "call" else row - 8
            bar_y = y + (row - bar_h) / 2
            stroke = ' stroke="#c53030" stroke-width="2"' if s.outcome != "ok" else ""
            tip = (f"{s.label}: {s.start - t0:.3f}–{s.end - t0:.3f} s ({s.duration:.3f} s), "
                   f"{lane.name}")
            if s.cpu is not None:
                tip += f", CPU {s.cpu:.3f} s"
            if s.outcome != "ok":
                tip += f", {s.outcome}"
            parts.append(
                f'<rect x="{x0:.1f}" y="{bar_y:.1f}" width="{bar_w:.1f}" '
                f'height="{bar_h}" rx="2" fill="{colour}"{stroke}><title>{e(tip)}</title></rect>'
            )
            label = s.label + (f" {END_MARK[s.outcome]}" if s.outcome in END_MARK else "")
            if s.kind == "work" and len(label) * 6.5 + 8 < bar_w:
                ink = "#fff" if shade != WAIT else "#222"
                parts.append(f'<text x="{x0 + 4:.1f}" y="{y + row / 2 + 4:.1f}" fill="{ink}">'
                             f"{e(label)}</text>")
        for m in lane.marks:
            parts.append(f'<circle cx="{x_of(m.at):.1f}" cy="{y + row / 2:.1f}" r="3" '
                         f'fill="#2f855a"><title>{e(m.label)} at {m.at - t0:.3f} s'
                         "</title></circle>")
    if work:
        steps = _at_once(work)
        peak = max(n for _, n in steps) or 1
        base = bottom + graph - 6

        def y_of(n: int) -> float:
            return base - n / peak * (graph - 12)

        points = [f"{left:.1f},{base:.1f}"]
        for t, n in steps:
            x = x_of(t)
            points.append(f"{x:.1f},{float(points[-1].split(',')[1]):.1f}")
            points.append(f"{x:.1f},{y_of(n):.1f}")
        parts.append(f'<text x="{left - 8}" y="{base - 4:.1f}" text-anchor="end">at once</text>')
        parts.append(f'<polyline points="{" ".join(points)}" fill="none" stroke="#2b6cb0" '
                     'stroke-width="1.5"/>')
        parts.append(f'<text x="{left + plot + 4}" y="{y_of(peak) + 4:.1f}" fill="#555">'
                     f"{peak}</text>")
    parts.append("</svg>")
    return "\n".join(parts)


def _html_legend(timeline: Timeline) -> str:
    parts = ["gray: the call to your code"]
    if timeline.show_cpu:
        parts.append("dark blue: computing, mid blue: running part of the time, "
                     "light blue: waiting")
    else:
        parts.append("blue: running")
    if any(s.outcome != "ok" for s in timeline.spans):
        parts.append("red outline: cancelled (×) or raised (!)")
    if timeline.marks:
        parts.append("green dots: moments")
    parts.append("hover a bar for its times")
    return " · ".join(parts)


def render_html(title: str, timelines: Sequence[Timeline], intro: Sequence[str] = ()) -> str:
    """One self-contained page: a heading, then per timeline its SVG, summary and notes."""
    e = html.escape
    body = [f"<h1>{e(title)}</h1>", *(f"<p>{e(line)}</p>" for line in intro)]
    for timeline in timelines:
        body.append(f"<section><h2>{e(timeline.title)}</h2>")
        body.append(_svg(timeline))
        body.append(f'<p class="legend">{e(_html_legend(timeline))}</p>')
        body.append(f'<p class="summary">{e(summary(timeline))}</p>')
        cpu = cpu_line(timeline) if timeline.show_cpu else None
        for line in ([cpu] if cpu else []) + timeline.notes:
            body.append(f"<p>{e(line)}</p>")
        if timeline.printed:
            t0 = timeline.origin
            shown = "\n".join(f"{t - t0:5.2f} s  {text}" for t, text in timeline.printed)
            body.append(f"<pre>{e(shown)}</pre>")
        body.append("</section>")
    style = ("body{font-family:sans-serif;max-width:900px;margin:2em auto;color:#222}"
             "h2{font-size:1.1em;margin-top:2em}.summary{font-weight:bold}"
             ".legend{color:#555;font-size:.9em}"
             "pre{background:#f6f6f6;padding:.5em}")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{e(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def write_html(path: str | os.PathLike[str], title: str, timelines: Sequence[Timeline],
               intro: Sequence[str] = ()) -> Path:
    target = Path(path)
    target.write_text(render_html(title, timelines, intro), encoding="utf-8")
    return target
