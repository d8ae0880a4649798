"""Find the students' exercise modules: folders, zips, or whole clones of the repository.

Only ``exNN_slug/MODULE.py`` files of known exercises are taken (from ``exercises/``
in a clone). Everything else -- a ``conftest.py``, ``pytest.ini``, ``tests/``,
``sitecustomize.py`` -- is listed as ignored and never reaches a grading run.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import config
from .engine import Exercise

SKIP_DIRS = {".git", "__pycache__", "__MACOSX", ".nox", ".venv", "venv", "node_modules"}
NOTEWORTHY = {"conftest.py", "pytest.ini", "pyproject.toml", "setup.cfg", "tox.ini",
              "sitecustomize.py", "usercustomize.py", "noxfile.py"}
MAX_FILES = 20000
SAFE_NAME = re.compile(r"[^A-Za-z0-9._@+-]+")
EXERCISE_LIKE = re.compile(r"^ex\d{2}_")


@dataclass
class Submission:
    student: str
    source: Path
    kind: str  # folder | zip | clone
    modules: dict[str, bytes] = field(default_factory=dict)  # slug -> MODULE.py
    notes: list[str] = field(default_factory=list)


def student_name(raw: str) -> str:
    name = SAFE_NAME.sub("_", raw).strip("._") or "student"
    return name[:100]


def _walk(folder: Path) -> Iterator[tuple[tuple[str, ...], Path]]:
    count = 0
    for top, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
        rel = Path(top).relative_to(folder).parts
        for name in sorted(files):
            count += 1
            if count > MAX_FILES:
                return
            yield (*rel, name), Path(top) / name


def _pick(paths: Iterable[tuple[str, ...]], exercises: Sequence[Exercise]
          ) -> tuple[dict[str, tuple[str, ...]], str, list[str]]:
    """Which file is each exercise's module; the kind of layout; notes about the rest."""
    known = {ex.slug: ex for ex in exercises}
    paths = list(paths)
    candidates: dict[str, list[tuple[str, ...]]] = {}
    for parts in paths:
        if len(parts) < 2 or len(parts) > 4:
            continue
        ex = known.get(parts[-2])
        prefix = parts[:-2]
        if ex is None or parts[-1] != f"{ex.module}.py":
            continue
        if len(prefix) == 2 and prefix[1] != "exercises":
            continue
        candidates.setdefault(ex.slug, []).append(parts)
    clone = any("exercises" in p[:-2] for c in candidates.values() for p in c)
    chosen: dict[str, tuple[str, ...]] = {}
    for slug, found in candidates.items():
        if clone:
            found = [p for p in found if "exercises" in p[:-2]]
        if found:
            chosen[slug] = min(found, key=len)
    notes: list[str] = []
    picked = set(chosen.values())
    base = min((p[:-2] for p in picked), key=len) if picked else ()
    unknown: set[str] = set()
    ignored: set[str] = set()
    for parts in paths:
        if parts in picked:
            continue
        if clone:  # the rest of a clone is the course itself; only note planted files
            if "exercises" in parts[:-1] and parts[-1] in NOTEWORTHY:
                ignored.add("/".join(parts))
            continue
        rel = parts[len(base):] if parts[:len(base)] == base else parts
        if parts[-1] in NOTEWORTHY:
            ignored.add("/".join(parts))
        elif len(rel) > 1 and rel[0] == "tests":
            ignored.add("/".join(parts[:len(parts) - len(rel) + 1]) + "/")
        elif len(rel) > 1 and rel[0] in known:
            if parts[-1].endswith(".py"):
                notes.append(f"ignored (not the exercise module): {'/'.join(parts)}")
        elif len(rel) > 1:
            unknown.add(rel[0])
    notes += [f"ignored (never run): {p}" for p in sorted(ignored)]
    for top in sorted(unknown):
        what = "unknown exercise folder" if EXERCISE_LIKE.match(top) else "unknown folder"
        notes.append(f"{what}: {top}/ (ignored)")
    return chosen, "clone" if clone else "folder", notes


def _from_folder(folder: Path, exercises: Sequence[Exercise]) -> Submission:
    files = {parts: path for parts, path in _walk(folder)}
    chosen, kind, notes = _pick(files, exercises)
    sub = Submission(student_name(folder.name), folder, kind, notes=notes)
    for slug, parts in chosen.items():
        path = files[parts]
        if path.is_symlink():
            sub.notes.append(f"refused: {'/'.join(parts)} is a symbolic link")
        elif path.stat().st_size > config.MODULE_SIZE:
            sub.notes.append(f"refused: {'/'.join(parts)} is larger than "
                             f"{config.MODULE_SIZE} bytes")
        else:
            sub.modules[slug] = path.read_bytes()
    return sub


def _from_zip(path: Path, exercises: Sequence[Exercise]) -> Submission:
    sub = Submission(student_name(path.stem), path, "zip")
    try:
        with zipfile.ZipFile(path) as archive:
            members = {}
            for info in archive.infolist()[:MAX_FILES]:
                if info.is_dir():
                    continue
                parts = tuple(p for p in info.filename.replace("\\", "/").split("/") if p)
                if not parts or any(p in ("..", ".") or p in SKIP_DIRS for p in parts):
                    continue
                members[parts] = info
            chosen, kind, notes = _pick(members, exercises)
            sub.notes += notes
            if kind == "clone":
                sub.kind = "zip (clone)"
            for slug, parts in chosen.items():
                info = members[parts]
                if info.file_size > config.MODULE_SIZE:
                    sub.notes.append(f"refused: {'/'.join(parts)} is larger than "
                                     f"{config.MODULE_SIZE} bytes")
                    continue
                with archive.open(info) as f:
                    sub.modules[slug] = f.read(config.MODULE_SIZE + 1)[: config.MODULE_SIZE]
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError) as exc:
        sub.notes.append(f"cannot read the zip file: {exc}")
    return sub


def discover(folder: Path, exercises: Sequence[Exercise]) -> tuple[list[Submission], list[str]]:
    """Every student's submission in ``folder``, and notes about entries that are none."""
    subs: dict[str, Submission] = {}
    notes: list[str] = []
    entries = sorted(folder.iterdir(), key=lambda p: p.name)
    for entry in entries:
        if entry.name.startswith(".") or entry.name in SKIP_DIRS:
            continue
        if entry.is_dir() and not entry.is_symlink():
            sub = _from_folder(entry, exercises)
        elif entry.is_file() and entry.suffix.lower() == ".zip":
            sub = _from_zip(entry, exercises)
        else:
            notes.append(f"not a submission (neither a folder nor a .zip): {entry.name}")
            continue
        if sub.student in subs:
            notes.append(f"{entry.name}: another submission of {sub.student} was taken "
                         f"({subs[sub.student].source.name}); this one is ignored")
            continue
        if not sub.modules:
            sub.notes.append("no exercise module found (expected exNN_slug/MODULE.py, "
                             "e.g. ex01_threads/threads.py)")
        subs[sub.student] = sub
    return list(subs.values()), notes
