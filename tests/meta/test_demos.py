"""The timelines of ``nox -s demo-exNN``: they run, they show overlap where the exercise is
about overlap (and none for a sequential counterexample), and they fail in one line.

Every assertion is on the recorded spans (who ran where, and what overlapped), never on
how long something took: the demos use real time on a machine that may be busy.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import textwrap
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import psutil
import pytest

from tests.support.roots import REPO, Exercise, exercises
from tests.support.timeline import Span, Timeline, overlap, peak_overlap, render_text, summary

from .runner import root_with

pytestmark = pytest.mark.meta

EXERCISES = exercises()


def scenario_of(ex: Exercise) -> Any:
    return getattr(importlib.import_module(f"tests.{ex.slug}.demo"), "scenario", None)


WITH_TIMELINE = [ex for ex in EXERCISES if scenario_of(ex) is not None]

# (exercise, counterexample, timeline index): a wrong answer whose work runs one at a time.
SEQUENTIAL = [
    ("ex01", "sequential", 0),
    ("ex02", "in_parent", 0),
    ("ex03", "sequential", 1),
    ("ex04", "sequential", 0),
    ("ex06", "blocking_one_at_a_time", 0),
    ("ex08", "to_completion", 0),
    ("ex09", "time_sleep", 1),
    ("ex10", "await_each", 0),
    ("ex13", "future_blocking_sleep", 0),
    ("ex14", "direct_calls", 0),
    ("ex15", "sequential", 0),
]


@dataclass
class DemoRun:
    returncode: int
    stdout: str
    stderr: str
    timelines: list[dict[str, Any]]
    seconds: float

    @property
    def lines(self) -> list[str]:
        return [line for line in (self.stdout + self.stderr).splitlines() if line.strip()]

    def describe(self) -> str:
        return f"exit {self.returncode}\n--- stdout\n{self.stdout}\n--- stderr\n{self.stderr}"

    def work(self, index: int) -> list[dict[str, Any]]:
        return [s for s in self.timelines[index]["spans"] if s["kind"] == "work"]


def run_demo(ex: Exercise, root: Path, tmp_path: Path, *args: str,
             env: dict[str, str] | None = None) -> DemoRun:
    out = tmp_path / f"{ex.number}-{os.urandom(4).hex()}.json"
    if "--timeout" not in args:  # a busy machine must not pass for a hang
        args = (*args, "--timeout", "30")
    environ = dict(os.environ, EXERCISES_ROOT=str(root), **(env or {}))
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "tests.support.demo", ex.number, "--json", str(out), *args],
        cwd=REPO, env=environ, capture_output=True, text=True, timeout=120,
    )
    data = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    return DemoRun(proc.returncode, proc.stdout, proc.stderr, data.get("timelines", []),
                   time.monotonic() - start)


def by_number(number: str) -> Exercise:
    return next(ex for ex in EXERCISES if ex.number == number)


def module_root(ex: Exercise, source: str, tmp_path: Path) -> Path:
    """A root holding only ``exNN_slug/MODULE.py`` with ``source``."""
    path = tmp_path / "source.py"
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    return root_with(ex, path, tmp_path / "root")


# -- every exercise says something ------------------------------------------------------------


@pytest.mark.parametrize("ex", EXERCISES, ids=lambda e: e.number)
def test_every_exercise_has_a_timeline_or_says_why_not(ex: Exercise, tmp_path: Path) -> None:
    module = importlib.import_module(f"tests.{ex.slug}.demo")
    if getattr(module, "scenario", None) is not None:
        assert callable(module.scenario)
        return
    lesson = getattr(module, "LESSON", None)
    assert isinstance(lesson, dict), ex.slug
    assert lesson.get("en"), ex.slug
    assert lesson.get("ar"), ex.slug
    run = run_demo(ex, REPO / "exercises", tmp_path)
    assert run.returncode == 0, run.describe()
    assert len(run.lines) == 1, run.describe()
    assert run.lines[0].startswith(f"no timeline for {ex.number}: its lesson is"), run.describe()
    assert f"nox -s check-{ex.number}" in run.lines[0]


# -- the reference solutions ------------------------------------------------------------------


@pytest.mark.parametrize("ex", WITH_TIMELINE, ids=lambda e: e.number)
def test_demo_of_the_solution_shows_the_overlap(ex: Exercise, tmp_path: Path) -> None:
    run = run_demo(ex, REPO / "solutions", tmp_path)
    assert run.returncode == 0, run.describe()
    assert run.timelines, run.describe()
    for index, timeline in enumerate(run.timelines):
        work = run.work(index)
        assert work, f"timeline {index} recorded nothing\n{run.describe()}"
        assert timeline["summary"] in run.stdout
        if timeline["overlap"] and not (ex.number == "ex14" and timeline["spans"]
                                        and (os.cpu_count() or 1) < 2):
            assert timeline["peak"] >= 2, f"timeline {index}: {timeline['summary']}"
    home = run.timelines[0]["home_pid"]
    if ex.number in ("ex02", "ex03"):  # the work ran in child processes, several at once
        last = run.work(len(run.timelines) - 1)
        pids = {s["pid"] for s in last}
        assert home not in pids, run.describe()
        assert len(pids) >= 2, run.describe()
    if ex.number == "ex05":  # the lock: never two threads between a read and a write
        assert run.timelines[0]["peak"] == 1, run.describe()
        assert len({s["thread"] for s in run.work(0)}) >= 2, run.describe()
    if ex.number == "ex14":  # blocking calls in threads, off the event loop's thread
        assert all(s["task"] is None for s in run.work(0)), run.describe()


@pytest.mark.parametrize(("number", "name", "index"), SEQUENTIAL,
                         ids=[f"{n}-{c}" for n, c, _ in SEQUENTIAL])
def test_demo_of_a_sequential_answer_shows_one_at_a_time(number: str, name: str, index: int,
                                                         tmp_path: Path) -> None:
    ex = by_number(number)
    source = REPO / "tests" / "counterexamples" / ex.slug / f"{name}.py"
    run = run_demo(ex, root_with(ex, source, tmp_path / "root"), tmp_path)
    assert run.returncode == 0, run.describe()
    timeline = run.timelines[index]
    assert timeline["overlap"], timeline["title"]
    assert run.work(index), run.describe()
    assert timeline["peak"] == 1, f"{timeline['summary']}\n{run.describe()}"


def test_demo_of_a_racy_counter_shows_the_windows_overlap(tmp_path: Path) -> None:
    ex = by_number("ex05")
    source = REPO / "tests" / "counterexamples" / ex.slug / "racy.py"
    run = run_demo(ex, root_with(ex, source, tmp_path / "root"), tmp_path)
    assert run.returncode == 0, run.describe()
    assert run.timelines[0]["peak"] >= 2, run.describe()


# -- what goes wrong is said in one line -------------------------------------------------------


@pytest.mark.parametrize("ex", WITH_TIMELINE, ids=lambda e: e.number)
def test_demo_of_the_stub_says_what_is_missing(ex: Exercise, tmp_path: Path) -> None:
    run = run_demo(ex, REPO / "exercises", tmp_path)
    assert run.returncode == 1, run.describe()
    assert len(run.lines) == 1, run.describe()
    line = run.lines[0]
    assert line.startswith(f"{ex.number}: "), line
    assert "is not implemented yet" in line, line
    assert f"exercises/{ex.slug}/{ex.module}.py:" in line, line
    assert "finish its TODOs" in line, line


def test_a_crash_is_one_line_with_the_exception_and_the_call(tmp_path: Path) -> None:
    ex = by_number("ex01")
    root = module_root(ex, """
        def run_in_threads(funcs):
            return [f() for f in funcs[5]]
    """, tmp_path)
    run = run_demo(ex, root, tmp_path)
    assert run.returncode == 1, run.describe()
    assert len(run.lines) == 1, run.describe()
    line = run.lines[0]
    assert "run_in_threads([4 callables]) raised IndexError" in line, line
    assert f"{ex.slug}/{ex.module}.py:3" in line, line


def test_a_call_that_never_returns_is_stopped(tmp_path: Path) -> None:
    ex = by_number("ex01")
    root = module_root(ex, """
        import threading

        def run_in_threads(funcs):
            never = threading.Thread(target=threading.Event().wait)
            never.start()
            never.join()
    """, tmp_path)
    run = run_demo(ex, root, tmp_path, "--timeout", "1")
    assert run.returncode == 1, run.describe()
    assert len(run.lines) == 1, run.describe()
    assert "run_in_threads([4 callables]) did not finish within 1.0 s" in run.lines[0]


def test_a_hung_child_process_is_killed(tmp_path: Path) -> None:
    ex = by_number("ex02")
    pidfile = tmp_path / "child.pid"
    root = module_root(ex, """
        import multiprocessing
        import os
        import time

        def _forever(path):
            with open(path, "w") as f:
                f.write(str(os.getpid()))
            time.sleep(600)

        def run_in_processes(target, args):
            child = multiprocessing.Process(target=_forever, args=(os.environ["PIDFILE"],))
            child.start()
            child.join()
    """, tmp_path)
    run = run_demo(ex, root, tmp_path, "--timeout", "2", env={"PIDFILE": str(pidfile)})
    assert run.returncode == 1, run.describe()
    assert len(run.lines) == 1, run.describe()
    assert "did not finish within 2.0 s" in run.lines[0], run.describe()
    pid = int(pidfile.read_text())
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                break
        except psutil.NoSuchProcess:
            break
        time.sleep(0.05)
    else:
        psutil.Process(pid).kill()
        pytest.fail(f"the child process {pid} was still alive after the demo ended")


# -- HTML -------------------------------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def test_html_is_a_page_with_an_svg_and_no_scripts(tmp_path: Path) -> None:
    ex = by_number("ex01")
    page = tmp_path / "timeline.html"
    run = run_demo(ex, REPO / "solutions", tmp_path, "--html", str(page))
    assert run.returncode == 0, run.describe()
    assert str(page) in run.stdout
    text = page.read_text(encoding="utf-8")
    parser = _Tags()
    parser.feed(text)
    assert {"html", "svg", "rect"} <= set(parser.tags), parser.tags
    assert "script" not in parser.tags
    assert "link" not in parser.tags
    for svg in text.split("<svg")[1:]:  # each picture is well-formed XML on its own
        ET.fromstring("<svg" + svg.split("</svg>")[0] + "</svg>")


# -- the text renderer, on spans made up here ---------------------------------------------------


def _span(label: str, start: float, end: float, thread: str, ident: int, **kw: Any) -> Span:
    return Span(label, start, end, 100, thread, ident, **kw)


def test_text_timeline_of_made_up_spans() -> None:
    timeline = Timeline("two naps", [
        _span("run_in_threads", 10.0, 11.0, "MainThread", 1, kind="call"),
        _span("nap 1.0 s", 10.0, 11.0, "Thread-1", 2),
        _span("nap 0.5 s", 10.0, 10.5, "Thread-2", 3),
    ], home_pid=100)
    text = render_text(timeline, width=20)
    rows = text.splitlines()
    assert rows[0] == "two naps"
    assert "├" in rows[2]
    assert "┼" in rows[2]
    assert rows[3].startswith("call")
    assert "━" * 20 in rows[3]
    assert rows[4].startswith("Thread-1 │" + "█" * 20 + "│ nap 1.0 s")
    assert rows[5].startswith("Thread-2 │" + "█" * 10 + " " * 10 + "│ nap 0.5 s")
    assert rows[6] == "at once  │" + "2" * 10 + "1" * 10 + "│"
    assert summary(timeline) == ("2 calls, 2 threads, peak 2 at once, 1.00 s in all — the sum "
                                 "of their times would be 1.50 s")


def test_peak_counts_touching_spans_as_one_after_another() -> None:
    spans = [_span("a", 0, 1, "T", 1), _span("b", 1, 2, "T", 1), _span("c", 0.5, 1.5, "U", 2)]
    assert peak_overlap(spans) == 2
    assert peak_overlap(spans[:2]) == 1
    assert peak_overlap([]) == 0


def test_overlap_tells_a_hand_over_from_too_many_at_once() -> None:
    # two at a time, the next pair starting as the first ends: never more than 2
    pairs = [(0.0, 1.0), (0.0, 1.0), (1.0, 2.0), (0.99, 2.0)]
    peak, share = overlap(pairs, most=2)
    assert peak == 3
    assert share == pytest.approx(0.005)
    # four started at once
    assert overlap([(0.0, 2.0)] * 4, most=2) == (4, 1.0)
    assert overlap([], most=2) == (0, 0.0)
