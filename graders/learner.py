"""The learner's front end: check, progress table, hints, watch, reset, demo.

Standard library only: it runs under the Python that runs nox.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from tests.support.roots import exercises_root

from . import engine
from .engine import REPO, Exercise

STATE = REPO / ".nox" / "state"


def check(python: str, ex: Exercise, posargs: Sequence[str]) -> int:
    """Run one exercise's tests with per-task teaching lines; the pytest exit code."""
    root = exercises_root()
    module = root / ex.slug / f"{ex.module}.py"
    if not module.is_file():
        print(f"{ex.slug}: no {module} — is EXERCISES_ROOT={root} the right folder?")
        return 2
    print(f"checking {module}")
    args = engine.pytest_args(ex, teach=True, extra=posargs)
    env = dict(os.environ, EXERCISES_ROOT=str(root))
    return subprocess.call([python, *args], cwd=REPO, env=env)


def demo(python: str, ex: Exercise, posargs: Sequence[str]) -> int:
    """Run the learner's code and draw a timeline of what overlapped; the demo's exit code.

    ``posargs`` go to ``python -m tests.support.demo`` (``--html FILE``, ``--timeout S``).
    """
    root = exercises_root()
    env = dict(os.environ, EXERCISES_ROOT=str(root))
    return subprocess.call([python, "-m", "tests.support.demo", ex.number, *posargs],
                           cwd=REPO, env=env)


def progress(python: str, exercises: Sequence[Exercise], posargs: Sequence[str]) -> None:
    """One line per exercise: done / failing / not started, with tasks passed."""
    root = exercises_root()
    rows = []
    for ex in exercises:
        if not (root / ex.slug / f"{ex.module}.py").is_file():
            rows.append((ex, "missing", "-"))
            continue
        result = engine.run(python, ex, root, extra=posargs, timeout=600)
        # A task whose tests all skipped (a speed-up on one CPU) measured nothing: it is
        # neither passed nor counted.
        tasks = [outs for outs in result.tasks().values()
                 if any(t["status"] != "skip" for t in outs)]
        passed = sum(1 for outs in tasks
                     if all(t["status"] in ("pass", "skip") for t in outs))
        unmeasured = len(result.tasks()) - len(tasks)
        shown = f"{passed}/{len(tasks)}" if tasks else "-"
        if unmeasured:
            shown += f" ({unmeasured} not measured here)"
        rows.append((ex, result.status(), shown))
        print(f"  {ex.slug:28} {rows[-1][1]:12} tasks {rows[-1][2]}", flush=True)
    done = sum(1 for r in rows if r[1] == "done")
    print(f"\n{done} of {len(rows)} exercises done (checked {root}).")
    nxt = next((r[0] for r in rows if r[1] != "done"), None)
    if nxt is not None:
        print(f"Next: nox -s check-{nxt.number}   (stuck? nox -s hint-{nxt.number})")


# -- hints ------------------------------------------------------------------------------------
ARABIC = re.compile(r"[\u0600-\u06FF]")


def parse_hints(text: str, lang: str) -> list[tuple[str, str]]:
    """[(task heading, hint text)] in order, from HINTS.md, in ``lang`` (en or ar).

    The file has one top-level ``#`` section per language (the Arabic one has an
    Arabic heading); ``##`` headings name tasks and each ``###`` block is one hint.
    """
    sections = re.split(r"^# ", text, flags=re.MULTILINE)[1:]
    chosen = [s for s in sections if bool(ARABIC.search(s.splitlines()[0])) == (lang == "ar")]
    if not chosen:
        chosen = sections[:1]
    hints: list[tuple[str, str]] = []
    task = ""
    for block in re.split(r"^(?=##)", chosen[0], flags=re.MULTILINE):
        head, _, body = block.partition("\n")
        if head.startswith("### "):
            hints.append((task, body.strip()))
        elif head.startswith("## "):
            task = head[3:].strip()
    return hints


def hint(ex: Exercise, posargs: Sequence[str]) -> None:
    args = " ".join(posargs)
    wants_ar = "--lang=ar" in args or "--lang ar" in args
    lang = "ar" if wants_ar or os.environ.get("CONCURRENCY_LANG") == "ar" else "en"
    hints = parse_hints((REPO / "exercises" / ex.slug / "HINTS.md").read_text("utf-8"), lang)
    seen_file = STATE / f"hints-{ex.number}"
    seen = int(seen_file.read_text()) if seen_file.exists() else 0
    if "--again" in posargs:
        seen = 0
    shown = hints if "--all" in posargs else hints[: min(seen + 1, len(hints))]
    for number, (task, text) in enumerate(shown, 1):
        if "--all" in posargs or number == len(shown):
            print(f"\n[{task}] hint {number} of {len(hints)}\n\n{text}\n")
    if seen >= len(hints) and "--all" not in posargs:
        print("That was the last hint. The README explains the idea behind each task.")
    STATE.mkdir(parents=True, exist_ok=True)
    seen_file.write_text(str(min(len(shown), len(hints))))


# -- watch ------------------------------------------------------------------------------------
def watch(python: str, ex: Exercise, posargs: Sequence[str], interval: float = 0.5) -> None:
    module = exercises_root() / ex.slug / f"{ex.module}.py"
    last = None
    print(f"watching {module} — Ctrl+C stops")
    try:
        while True:
            stamp = module.stat().st_mtime_ns if module.exists() else None
            if stamp != last:
                last = stamp
                print("\n" + "=" * 72 + f"\n{datetime.now():%H:%M:%S}")
                check(python, ex, posargs)
            time.sleep(interval)
    except KeyboardInterrupt:
        print("stopped watching")


# -- reset ------------------------------------------------------------------------------------
def pristine_stub(ex: Exercise) -> bytes:
    """The newest committed version of the stub that still raises NotImplementedError."""
    rel = ex.stub().relative_to(REPO).as_posix()
    try:
        commits = subprocess.run(["git", "log", "--format=%H", "--", rel], cwd=REPO,
                                 capture_output=True, text=True, check=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        commits = []
    for commit in commits:
        blob = subprocess.run(["git", "show", f"{commit}:{rel}"], cwd=REPO,
                              capture_output=True, check=False).stdout
        if b"raise NotImplementedError" in blob:
            return blob
    raise SystemExit(f"no committed stub of {rel} was found in this repository's history")


def reset(ex: Exercise) -> Path:
    stub = ex.stub()
    original = pristine_stub(ex)
    backup = stub.with_name(f"{stub.name}.{datetime.now():%Y%m%d-%H%M%S}.bak")
    if stub.exists():
        shutil.copy2(stub, backup)
    stub.write_bytes(original)
    return backup

