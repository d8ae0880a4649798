"""Helpers of the meta-tests: roots holding one counterexample, expected message keys."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

from graders import engine
from tests.support.roots import REPO, Exercise

EXPECT = re.compile(r"^# expect: ([a-z_, ]+)$", re.MULTILINE)


def describe(result: engine.Result) -> str:
    lines = [f"exit {result.returncode}"]
    for t in result.tests:
        lines.append(f"  {t['status']:5} {t['nodeid']} [{t['key']}] {t['message'][:300]}")
    lines += [f"  collect error {e['nodeid']}: {e['message']}" for e in result.collect_errors]
    lines.append(result.output[-3000:])
    return "\n".join(lines)


def run_tests(ex: Exercise, root: Path) -> engine.Result:
    return engine.run(sys.executable, ex, root, repo=REPO, timeout=600)


def keys(result: engine.Result) -> set[str]:
    return {t["key"] for t in result.tests if t["status"] in ("fail", "error")}


def root_with(ex: Exercise, module_file: Path, into: Path) -> Path:
    """A root folder holding only ``exNN_slug/MODULE.py`` copied from ``module_file``."""
    folder = into / ex.slug
    folder.mkdir(parents=True)
    shutil.copyfile(module_file, folder / f"{ex.module}.py")
    return into


def expected_keys(counterexample: Path) -> set[str]:
    match = EXPECT.search(counterexample.read_text(encoding="utf-8"))
    if not match:
        raise ValueError(f"{counterexample} has no '# expect: key' line")
    return {k.strip() for k in match.group(1).split(",") if k.strip()}
