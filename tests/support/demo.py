"""``nox -s demo-exNN``: run the learner's code and draw a timeline of what overlapped.

    python -m tests.support.demo ex10 [--html FILE] [--timeout S] [--width N] [--lang ar]

The copy shown is the one the checks use (``EXERCISES_ROOT``, default
``exercises/``). Each exercise's scenario lives in ``tests/exNN_slug/demo.py``:
either a ``scenario(demo)`` function that calls the learner's public functions
with instrumented workloads (see :mod:`tests.support.timeline`), or a ``LESSON``
(``{"en": ..., "ar": ...}``) saying why that exercise has no timeline.

What can go wrong is said in one line, and the exit status is 1:

* a stub: which function is not implemented yet, and where;
* a crash in the learner's code: the exception, the call, and where;
* a call that never returns: every call runs under a watchdog; when it expires the
  demo says which call hung, kills every child process and exits at once.

Exit status 2 is for usage errors (unknown exercise, no such file).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib
import io
import json
import multiprocessing
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator, Sequence
from pathlib import Path
from types import ModuleType, TracebackType
from typing import Any, NoReturn, TypeVar

import psutil

from . import leaks
from .lesson import Catalogue, find_in_chain, language, set_language
from .messages import COMMON
from .roots import REPO, Exercise, exercise, exercises_root, make_importable
from .timeline import (
    Recorder,
    Span,
    Timeline,
    here,
    peak_overlap,
    render_text,
    summary,
    write_html,
)
from .timing import scaled

T = TypeVar("T")

MSG = Catalogue(
    "demo",
    {
        "not_implemented": {
            "en": "{number}: {function} is not implemented yet ({where}) — finish its TODOs, "
                  "then run nox -s demo-{number} again",
            "ar": "{number}: الدالة {function} لم تُكتب بعد ({where}) — أكمل مواضع TODO فيها، "
                  "ثم شغّل nox -s demo-{number} من جديد",
        },
        "crashed": {
            "en": "{number}: {call} raised {error} at {where} — the demo stopped there "
                  "(nox -s check-{number} -- -v shows the whole traceback)",
            "ar": "{number}: ‏{call} رفعت الاستثناء {error} في {where} — توقّف العرض هنا "
                  "(nox -s check-{number} -- -v يعرض التتبّع كاملًا)",
        },
        "hung": {
            "en": "{number}: {call} did not finish within {seconds:.1f} s: it is waiting for "
                  "something that never happens (a join on a thread or process that never "
                  "ends, a result that is never sent, a loop that never exits) — the demo "
                  "stopped it",
            "ar": "{number}: لم تنتهِ {call} خلال {seconds:.1f} ثانية: إنها تنتظر شيئًا لا "
                  "يحدث أبدًا (انتظار خيط أو عملية لا تنتهي، نتيجة لا تُرسل، حلقة لا تخرج) — "
                  "أوقفها العرض",
        },
        "no_timeline": {
            "en": "no timeline for {number}: its lesson is {lesson} — run nox -s check-{number}",
            "ar": "لا خط زمني للتمرين {number}: درسه {lesson} — شغّل nox -s check-{number}",
        },
        "no_demo": {
            "en": "no timeline for {number} yet — run nox -s check-{number}",
            "ar": "لا خط زمني للتمرين {number} بعد — شغّل nox -s check-{number}",
        },
        "import_failed": {
            "en": "{number}: your module {module} could not be imported: {error}",
            "ar": "{number}: تعذّر استيراد وحدتك {module}: {error}",
        },
        "missing": {
            "en": "{number}: no {path} — is EXERCISES_ROOT={root} the right folder?",
            "ar": "{number}: لا يوجد {path} — هل EXERCISES_ROOT={root} هو المجلد الصحيح؟",
        },
        "unknown": {
            "en": "no exercise {name}: give a number such as ex03, or a folder name",
            "ar": "لا يوجد تمرين {name}: اكتب رقمًا مثل ex03 أو اسم مجلد",
        },
        "header": {
            "en": "{slug}: timeline of your code in {path}",
            "ar": "{slug}: الخط الزمني لشيفرتك في {path}",
        },
        "left_processes": {
            "en": "note: {count} child process(es) were still alive after {call} returned; the "
                  "demo stopped them (join every process you start, shut pools down)",
            "ar": "ملاحظة: بقيت {count} من العمليات الفرعية حيّة بعد عودة {call}؛ أوقفها العرض "
                  "(انتظر كل عملية تبدؤها وأغلق المجمّعات)",
        },
        "left_threads": {
            "en": "note: {count} thread(s) started by {call} were still running after it "
                  "returned: {names} (join every thread you start)",
            "ar": "ملاحظة: بقي {count} من الخيوط التي بدأتها {call} يعمل بعد عودتها: {names} "
                  "(انتظر كل خيط تبدؤه)",
        },
        "html_written": {
            "en": "timeline written to {path} (open it in a browser)",
            "ar": "كُتب الخط الزمني في {path} (افتحه في المتصفح)",
        },
    },
    parent=COMMON,
)

HEARTBEAT = "loop heartbeat"
DEFAULT_TIMEOUT = 10.0  # seconds (scaled) that one call of the learner's code may take


class DemoStop(Exception):
    """Ends the demo with one line and an exit status."""

    def __init__(self, line: str, code: int = 1) -> None:
        super().__init__(line)
        self.line = line
        self.code = code


# -- where the learner's code failed ----------------------------------------------------------


def _frame(tb: TracebackType | None, root: Path) -> tuple[str, str, int] | None:
    """(function's qualified name, file, line) of the last frame inside the checked copy,
    else of the last frame at all."""
    frames = []
    while tb is not None:
        code = tb.tb_frame.f_code
        name = getattr(code, "co_qualname", code.co_name)
        frames.append((name, code.co_filename, tb.tb_lineno))
        tb = tb.tb_next
    mine = [f for f in frames if f[1].startswith(str(root))]
    chosen = mine or frames
    return chosen[-1] if chosen else None


def _show_path(filename: str) -> str:
    path = Path(filename)
    for base in (Path.cwd(), REPO):
        with contextlib.suppress(ValueError):
            return str(path.relative_to(base))
    return str(path)


def explain(exc: BaseException, call: str, ex: Exercise, root: Path) -> str:
    """The one line for an exception that came out of the learner's code."""
    missing = find_in_chain(exc, NotImplementedError)
    if missing is not None:
        frame = _frame(missing.__traceback__, root)
        function = frame[0] if frame is not None else call
        where = f"{_show_path(frame[1])}:{frame[2]}" if frame is not None else "?"
        return MSG.text("not_implemented", number=ex.number, function=function, where=where)
    error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    frame = _frame(exc.__traceback__, root)
    where = f"{_show_path(frame[1])}:{frame[2]}" if frame is not None else "?"
    return MSG.text("crashed", number=ex.number, call=call, error=error, where=where)


# -- no call may hang -------------------------------------------------------------------------


def kill_descendants() -> None:
    """Kill every process this one started (workers, children of children)."""
    children = leaks.descendants()
    for child in children:
        with contextlib.suppress(psutil.Error):
            child.kill()
    psutil.wait_procs(children, timeout=2)


class Watchdog:
    """Bounds every call: when one overruns, say so in one line, kill the children, exit 1.

    The learner's code runs in the main thread (as it would in their own program);
    the watchdog is a daemon thread, and ``os._exit`` ends the process even when the
    main thread is stuck in a join, a lock or a blocked event loop. Guards nest (a
    call of the learner's code inside the scenario's event loop): each has its own
    deadline, and the first one to pass names its call.
    """

    def __init__(self, ex: Exercise, cleanup: Callable[[], None]) -> None:
        self.ex = ex
        self.cleanup = cleanup
        self._guards: list[tuple[float, float, str]] = []  # (deadline, seconds, call)
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None

    @contextlib.contextmanager
    def guard(self, call: str, seconds: float) -> Iterator[None]:
        entry = (time.monotonic() + seconds, seconds, call)
        with self._cond:
            self._guards.append(entry)
            self._cond.notify_all()
            if self._thread is None:
                self._thread = threading.Thread(target=self._watch, name="course-demo-watchdog",
                                                daemon=True)
                self._thread.start()
        try:
            yield
        finally:
            with self._cond:
                self._guards.remove(entry)
                self._cond.notify_all()

    def _watch(self) -> None:
        with self._cond:
            while True:
                if not self._guards:
                    self._cond.wait()
                    continue
                deadline, seconds, call = min(self._guards)
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._cond.wait(left)
        self._expire(call, seconds)

    def _expire(self, call: str, seconds: float) -> None:
        line = MSG.text("hung", number=self.ex.number, call=call, seconds=seconds)
        with contextlib.suppress(Exception):
            sys.__stderr__.write(line + "\n")  # type: ignore[union-attr]
            sys.__stderr__.flush()  # type: ignore[union-attr]
        with contextlib.suppress(Exception):
            sys.__stdout__.flush()  # type: ignore[union-attr]
        # Killing the children may wake the main thread up (a join returns): from now on
        # nothing it prints may reach the learner, whose one line has been said.
        with contextlib.suppress(Exception):
            quiet = os.open(os.devnull, os.O_WRONLY)
            os.dup2(quiet, 1)
            os.dup2(quiet, 2)
        with contextlib.suppress(BaseException):
            kill_descendants()
            self.cleanup()
        os._exit(1)


# -- what the learner's code prints -----------------------------------------------------------


class _Printed(io.TextIOBase):
    """Stands in for ``sys.stdout`` during a section: keeps each line with its time."""

    def __init__(self) -> None:
        self.lines: list[tuple[float, str]] = []
        self._partial = ""
        self._lock = threading.Lock()

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        with self._lock:
            self._partial += text
            while "\n" in self._partial:
                line, self._partial = self._partial.split("\n", 1)
                self.lines.append((time.monotonic(), line))
        return len(text)

    def flush_partial(self) -> None:
        with self._lock:
            if self._partial:
                self.lines.append((time.monotonic(), self._partial))
                self._partial = ""


# -- what a scenario works with ---------------------------------------------------------------


def short(value: Any, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _exempt(thread: threading.Thread) -> bool:
    """The demo's own helpers, and the event loop's default executor (asyncio.run
    shuts it down when the scenario's loop ends)."""
    return thread.name.startswith(("course-", "asyncio_"))


class Section:
    """One timeline in the making: a recorder, the calls made, notes, captured prints."""

    def __init__(self, demo: Demo, title: str, *, noun: str, total_of: str, show_cpu: bool,
                 overlap: bool) -> None:
        self.demo = demo
        self.title = title
        self.noun = noun
        self.total_of = total_of
        self.show_cpu = show_cpu
        self.overlap = overlap
        self.notes: list[str] = []
        self.where: str | None = None  # set it when the lanes do not say where things ran
        self.rec = Recorder(Path(demo.workdir) / f"section-{len(demo.timelines) + 1}.jsonl")
        self.printed = _Printed()

    def note(self, line: str) -> None:
        self.notes.append(line)

    @contextlib.contextmanager
    def calling(self, call: str, *, expect: tuple[type[BaseException], ...] = (),
                label: str | None = None) -> Iterator[dict[str, Any]]:
        """Around one call of the learner's code: a call span, a bound, errors in one line.

        ``expect``: exceptions the scenario provokes on purpose (they pass through).
        The scenario may put the call's result in the yielded dict (``box["result"]``):
        it is shown after the call's name.
        """
        box: dict[str, Any] = {}
        before = leaks.snapshot()
        pid, thread, ident, task = here()
        start = time.monotonic()
        outcome = "ok"
        try:
            with self.demo.watchdog.guard(call, self.demo.timeout):
                yield box
        except DemoStop:
            raise
        except expect as exc:
            outcome = "error"
            box.setdefault("result", exc)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:
            raise DemoStop(explain(exc, call, self.demo.ex, self.demo.root)) from exc
        finally:
            end = time.monotonic()
            if "result" in box:
                shown = box["result"]
                text = (f"{type(shown).__name__}: {shown}" if isinstance(shown, BaseException)
                        else short(shown))
                name = f"{label or call} → {text}"
            else:
                name = label or call
            self.rec.add(Span(name, start, end, pid, thread, ident, task, None, "call",
                              outcome, None))
        self._leftovers(before, call)
        if outcome == "error":
            raise box["result"]

    def call(self, call: str, func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Call a synchronous function of the learner, bounded, with a call span."""
        with self.calling(call) as box:
            box["result"] = result = func(*args, **kwargs)
        return result

    def run(self, main: Callable[[], Coroutine[Any, Any, T]], *,
            call: str = "asyncio.run(...)") -> T:
        """Run a coroutine of the scenario on a new event loop, bounded (cleanup included)."""
        with self.demo.watchdog.guard(call, self.demo.timeout * 2):
            try:
                return asyncio.run(main())
            except DemoStop:
                raise
            except (KeyboardInterrupt, SystemExit):
                raise
            except BaseException as exc:
                raise DemoStop(explain(exc, call, self.demo.ex, self.demo.root)) from exc

    def _leftovers(self, before: leaks.Snapshot, call: str) -> None:
        """Note (and stop) processes and threads the call left running."""
        if leaks.live_children() - before.children or any(
            t not in before.threads and t.is_alive() and not _exempt(t)
            for t in threading.enumerate()
        ):
            # A grace period: work that outlives the call still gets drawn, past its end.
            found = leaks.leftovers(before, grace=0.5)
            if found.children:
                leaks.kill_children(found.children)
                self.note(MSG.text("left_processes", count=len(found.children), call=call))
            threads = [t for t in found.threads if not _exempt(t)]
            if threads:
                names = ", ".join(sorted(t.name for t in threads))
                self.note(MSG.text("left_threads", count=len(threads), call=call,
                                   names=names))

    @contextlib.asynccontextmanager
    async def heartbeat(self, every: float = 0.04,
                        lane: str = HEARTBEAT) -> AsyncIterator[None]:
        """A task that marks the lane ``lane`` every ``every`` seconds while the block runs:
        a gap in the dots is a time when the event loop could not run anything else."""

        async def beat() -> None:
            while True:
                self.rec.mark("heartbeat", lane=lane)
                await asyncio.sleep(every)

        task = asyncio.create_task(beat(), name="course-demo-heartbeat")
        await asyncio.sleep(0)
        try:
            yield
        finally:
            self.rec.mark("heartbeat", lane=lane)
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def linger(self, seconds: float = 0.6) -> None:
        """Keep the loop running (at most ``seconds``) while tasks other than the caller's
        are still at work: work left running after a call shows as bars past its end."""
        me = asyncio.current_task()
        others = [t for t in asyncio.all_tasks() if t is not me and not t.done()
                  and not t.get_name().startswith("course-")]
        if others:
            await asyncio.wait(others, timeout=seconds)

    def fail(self, exc: BaseException, call: str) -> NoReturn:
        """Stop the demo with the one line for an exception of the learner's code."""
        raise DemoStop(explain(exc, call, self.demo.ex, self.demo.root)) from exc

    def frozen(self, lane: str = HEARTBEAT) -> float:
        """The longest gap between two heartbeats so far: how long the loop was frozen."""
        _, marks = self.rec.read()
        times = sorted(m.at for m in marks if m.lane == lane)
        return max((b - a for a, b in zip(times, times[1:], strict=False)), default=0.0)

    def work(self) -> list[Span]:
        """The work spans recorded so far, in the order they started."""
        spans, _ = self.rec.read()
        return sorted((s for s in spans if s.kind == "work"), key=lambda s: s.start)

    def peak(self) -> int:
        """The most work spans recorded so far that were running at the same moment."""
        return peak_overlap(self.work())

    def timeline(self) -> Timeline:
        spans, marks = self.rec.read()
        self.printed.flush_partial()
        return Timeline(self.title, spans, marks, home_pid=os.getpid(), noun=self.noun,
                        total_of=self.total_of, show_cpu=self.show_cpu, overlap=self.overlap,
                        notes=self.notes, where=self.where,
                        printed=list(self.printed.lines))


class Demo:
    """Handed to ``scenario(demo)``: the learner's module and the sections to fill."""

    def __init__(self, ex: Exercise, mod: ModuleType, root: Path, workdir: str, *,
                 timeout: float, width: int) -> None:
        self.ex = ex
        self.mod = mod
        self.root = root
        self.workdir = workdir
        self.timeout = timeout
        self.width = width
        self.timelines: list[Timeline] = []
        self.watchdog = Watchdog(ex, lambda: shutil.rmtree(workdir, ignore_errors=True))

    @contextlib.contextmanager
    def section(self, title: str, *, noun: str = "calls", total_of: str = "their times",
                show_cpu: bool = False, overlap: bool = False) -> Iterator[Section]:
        """A timeline: what the block records becomes one picture when the block ends
        (all are drawn once the scenario has run; none if a call fails)."""
        section = Section(self, title, noun=noun, total_of=total_of, show_cpu=show_cpu,
                          overlap=overlap)
        try:
            with contextlib.redirect_stdout(section.printed):
                yield section
        except DemoStop:
            # What the learner's code printed before it failed may help them: keep it.
            section.printed.flush_partial()
            for _, line in section.printed.lines:
                print(line)
            raise
        self.show(section.timeline())

    def show(self, timeline: Timeline) -> None:
        """Keep a finished timeline; they are all drawn once the whole scenario has run
        (a later call that fails ends the demo with its one line instead)."""
        self.timelines.append(timeline)

    def draw(self) -> None:
        module = self.root / self.ex.slug / f"{self.ex.module}.py"
        print(MSG.text("header", slug=self.ex.slug, path=_show_path(str(module))))
        for timeline in self.timelines:
            print()
            print(render_text(timeline, self.width))
        sys.stdout.flush()


# -- the command ------------------------------------------------------------------------------


def _lesson_text(lesson: Any) -> str:
    if isinstance(lesson, dict):
        return str(lesson.get(language()) or lesson.get("en") or "")
    return str(lesson)


def parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="nox -s demo-exNN --",
                                     description="Draw a timeline of what your code overlapped.")
    parser.add_argument("exercise", help="ex01 … ex16 (or the folder name)")
    parser.add_argument("--html", metavar="FILE", help="also write the timeline as HTML/SVG")
    parser.add_argument("--json", metavar="FILE", help=argparse.SUPPRESS)  # for the meta-tests
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                        help=f"seconds one call may take (scaled; default {DEFAULT_TIMEOUT})")
    parser.add_argument("--width", type=int, default=60, help="columns of the time axis")
    parser.add_argument("--lang", choices=("en", "ar"), help="language of the messages")
    return parser.parse_args(argv)


def run(argv: Sequence[str]) -> int:
    args = parse(argv)
    if args.lang:
        set_language(args.lang)
    try:
        ex = exercise(args.exercise)
    except KeyError:
        print(MSG.text("unknown", name=args.exercise), file=sys.stderr)
        return 2
    try:
        scenario_module = importlib.import_module(f"tests.{ex.slug}.demo")
    except ModuleNotFoundError as exc:
        if exc.name != f"tests.{ex.slug}.demo":
            raise
        print(MSG.text("no_demo", number=ex.number))
        return 0
    scenario = getattr(scenario_module, "scenario", None)
    if scenario is None:
        lesson = _lesson_text(getattr(scenario_module, "LESSON", ex.module))
        print(MSG.text("no_timeline", number=ex.number, lesson=lesson))
        return 0

    root = exercises_root()
    module_file = root / ex.slug / f"{ex.module}.py"
    if not module_file.is_file():
        print(MSG.text("missing", number=ex.number, path=module_file, root=root), file=sys.stderr)
        return 2
    make_importable(root)
    method = os.environ.get("CONCURRENCY_START_METHOD", "").strip()
    if method:
        multiprocessing.set_start_method(method, force=True)
    try:
        mod = importlib.import_module(ex.dotted)
    except Exception as exc:
        error = f"{type(exc).__name__}: {exc}"
        print(MSG.text("import_failed", number=ex.number, module=_show_path(str(module_file)),
                       error=error), file=sys.stderr)
        return 1

    workdir = tempfile.mkdtemp(prefix="course-demo-")
    demo = Demo(ex, mod, root, workdir, timeout=scaled(args.timeout), width=args.width)
    try:
        scenario(demo)
    except DemoStop as stop:
        sys.stdout.flush()
        print(stop.line, file=sys.stderr)
        return stop.code
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    demo.draw()
    if args.html:
        path = write_html(args.html, f"{ex.slug}: what ran when", demo.timelines,
                          [MSG.text("header", slug=ex.slug, path=_show_path(str(module_file)))])
        print()
        print(MSG.text("html_written", path=path))
    if args.json:
        data = {"exercise": ex.slug, "timelines": [t.to_json() for t in demo.timelines]}
        Path(args.json).write_text(json.dumps(data, indent=1), encoding="utf-8")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    try:
        code = run(sys.argv[1:] if argv is None else argv)
    except KeyboardInterrupt:
        code = 130
    # Whatever the learner's code left running (a worker that never ends, a thread stuck
    # in a join) must not keep the demo alive: stop the children, then leave at once.
    kill_descendants()
    sys.stdout.flush()
    sys.stderr.flush()
    return code


__all__ = ["Demo", "DemoStop", "Section", "main", "short", "summary"]

if __name__ == "__main__":
    # Run the module under its package name, so that the scenarios (which import
    # tests.support.demo) and this runner share one set of classes.
    from tests.support.demo import main as _main

    os._exit(_main())
