"""The pytest plugin behind both front ends: per-task verdicts and a results file.

* ``--teach``: after the run, one line per task ("task 2 — fibs_parallel: ...")
  with the teaching message instead of tracebacks (unless ``-v`` is given).
* ``--results-json PATH``: every test's outcome, task, message key, captured
  output and timing records, for the graders.
* ``--lang en|ar``: the language of the messages.
"""

from __future__ import annotations

import json
import os
import traceback
from collections.abc import Generator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pytest

from . import lesson as lesson_mod
from .lesson import Lesson, find_in_chain
from .messages import COMMON
from .roots import REPO, exercises_root

OUTPUT_CAP = 4000
_current: pytest.Item | None = None


def note_timing(what: str, measured: float, allowance: float, ok: bool) -> None:
    """Record a wall-clock measurement of the running test (shown to graders)."""
    if _current is not None:
        _current.user_properties.append(
            ("timing", {"what": what, "measured": round(measured, 4),
                        "allowance": round(allowance, 4), "verdict": "pass" if ok else "fail"})
        )


@dataclass
class Outcome:
    nodeid: str
    name: str
    task_id: int
    task_title: str
    status: str = "pass"  # pass | fail | error | skip
    message: str = ""
    key: str = ""
    timing_sensitive: bool = False
    output: str = ""
    duration: float = 0.0
    timing: list[dict[str, Any]] = field(default_factory=list)


def _where(tb: traceback.StackSummary | list[traceback.FrameSummary]) -> str:
    """The last frame inside the checked exercise code, else the last frame at all."""
    root = str(exercises_root())
    frames = list(tb)
    mine = [f for f in frames if f.filename.startswith(root)]
    if not (mine or frames):
        return "?"
    frame = (mine or frames)[-1]
    path = Path(frame.filename)
    try:
        shown = path.relative_to(Path.cwd())
    except ValueError:
        shown = path
    return f"{shown}:{frame.lineno}"


def explain(exc: BaseException, call: str) -> tuple[str, str, bool]:
    """(message, key, timing_sensitive) for an exception that ended a test."""
    # A stub's NotImplementedError anywhere in the chain (also when a check caught it
    # and complained about it) means: not written yet.
    missing = find_in_chain(exc, NotImplementedError)
    if missing is not None:
        where = _where(traceback.extract_tb(missing.__traceback__))
        return COMMON.text("not_implemented", where=where), "not_implemented", False
    found = find_in_chain(exc, Lesson)
    if isinstance(found, Lesson):
        return str(found), found.key, found.timing
    if isinstance(exc, AssertionError | pytest.fail.Exception):
        return str(exc).strip() or "assertion failed", "assertion", False
    error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    where = _where(traceback.extract_tb(exc.__traceback__))
    return COMMON.text("raised", call=call, error=error, where=where), "raised", False


def _task_of(item: pytest.Item) -> tuple[int, str]:
    mark = item.get_closest_marker("task")
    if mark is None:
        return 0, ""
    number = int(mark.args[0])
    title = mark.args[1] if len(mark.args) > 1 else mark.kwargs.get("title", "")
    return number, str(title)


class Reporter:
    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.outcomes: dict[str, Outcome] = {}
        self.collect_errors: list[tuple[str, str]] = []
        self.teach = bool(config.getoption("teach"))
        self.results_path = config.getoption("results_json")

    # -- collecting -------------------------------------------------------------------------
    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_protocol(self, item: pytest.Item) -> Generator[None, object, object]:
        global _current
        _current = item
        try:
            return (yield)
        finally:
            _current = None

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(
        self, item: pytest.Item, call: pytest.CallInfo[None]
    ) -> Generator[None, pytest.TestReport, pytest.TestReport]:
        report = yield
        number, title = _task_of(item)
        out = self.outcomes.setdefault(
            item.nodeid,
            Outcome(item.nodeid, _test_name(item), number, title),
        )
        out.duration += report.duration
        if call.excinfo is not None and report.outcome != "skipped":
            message, key, timing = explain(call.excinfo.value, title or item.name)
            if out.status == "pass":
                out.status = "fail" if report.when == "call" else "error"
                out.message, out.key, out.timing_sensitive = message, key, timing
            elif report.when == "teardown":
                out.message += "\n" + message
        elif report.outcome == "skipped" and out.status == "pass":
            out.status = "skip"
            longrepr = report.longrepr
            out.message = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
            out.message = out.message.removeprefix("Skipped: ")
        if report.when == "teardown":
            captured = (report.capstdout + report.capstderr).strip()
            out.output = captured[-OUTPUT_CAP:]
            props = item.user_properties
            out.timing = [v for k, v in props if k == "timing" and isinstance(v, dict)]
        return report

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            text = str(report.longrepr)
            lines = [ln for ln in text.splitlines() if ln.startswith("E ")]
            error = lines[-1][1:].strip() if lines else text.strip().splitlines()[-1]
            self.collect_errors.append((report.nodeid, error))

    # -- showing ----------------------------------------------------------------------------
    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if not self.teach:
            return
        tr = terminalreporter
        write = tr.write_line
        for nodeid, error in self.collect_errors:
            write("")
            write(f"{nodeid}: " + COMMON.text("cannot_import", error=error), red=True)
        tasks: dict[tuple[int, str], list[Outcome]] = {}
        for out in self.outcomes.values():
            tasks.setdefault((out.task_id, out.task_title), []).append(out)
        if not tasks:
            return
        write("")
        passed = 0
        label = COMMON.text("label_task")
        for (number, title), outs in sorted(tasks.items()):
            failed = [o for o in outs if o.status in ("fail", "error")]
            ran = [o for o in outs if o.status == "pass"]
            head = f"{label} {number} — {title}" if number else (title or outs[0].name)
            if failed:
                first = failed[0]
                more = ""
                if len(failed) > 1:
                    more = " " + COMMON.text("more_failures", count=len(failed) - 1)
                body = _indent(first.message)
                label_failed = COMMON.text("label_failed")
                write(f"  {label_failed:7} {head}: {body}{more}", red=True, bold=True)
            elif ran:
                passed += 1
                write(f"  {COMMON.text('label_passed'):7} {head}", green=True)
            else:
                write(f"  {COMMON.text('label_skipped'):7} {head}: {outs[0].message}", yellow=True)
            for o in outs:
                if o.status == "skip" and (failed or ran):
                    write(f"          ({COMMON.text('label_skipped')}: {o.name}: {o.message})",
                          yellow=True)
        write("")
        write(COMMON.text("summary", passed=passed, total=len(tasks)), bold=True)
        if passed < len(tasks) and self.config.get_verbosity() <= 0:
            exercise = _exercise_number(self.outcomes)
            write(COMMON.text("more_detail", number=exercise))

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        if not self.results_path:
            return
        data = {
            "root": str(exercises_root()),
            "exitstatus": int(exitstatus),
            "collect_errors": [{"nodeid": n, "message": m} for n, m in self.collect_errors],
            "tests": [asdict(o) for o in self.outcomes.values()],
        }
        path = Path(self.results_path)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)


def _indent(text: str) -> str:
    return text.replace("\n", "\n          ")


def _test_name(item: pytest.Item) -> str:
    doc = getattr(getattr(item, "function", None), "__doc__", None)
    if doc and doc.strip():
        return doc.strip().splitlines()[0]
    return item.name.removeprefix("test_").replace("_", " ")


def _exercise_number(outcomes: dict[str, Outcome]) -> str:
    for nodeid in outcomes:
        part = nodeid.split("/")
        for p in part:
            if p.startswith("ex") and p[2:4].isdigit():
                return p[:4]
    return "exNN"


def add_options(parser: pytest.Parser) -> None:
    group = parser.getgroup("course", "concurrency course")
    group.addoption("--teach", action="store_true",
                    help="one line per task with the teaching message instead of tracebacks")
    group.addoption("--results-json", default=None, metavar="PATH",
                    help="write every test's outcome to PATH (used by the graders)")
    group.addoption("--lang", default=None, choices=lesson_mod.LANGUAGES,
                    help="language of the messages (default: $CONCURRENCY_LANG or en)")


def configure(config: pytest.Config) -> None:
    lang = config.getoption("lang")
    if lang:
        lesson_mod.set_language(lang)
    if config.getoption("teach") and config.get_verbosity() <= 0:
        config.option.tbstyle = "no"
        config.option.reportchars = "N"
    config.pluginmanager.register(Reporter(config), "course-reporter")


__all__ = ["REPO", "add_options", "configure", "explain", "note_timing"]
