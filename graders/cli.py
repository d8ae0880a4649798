"""``python -m graders``: the instructor's front end.

    python -m graders grade SUBMISSIONS --out OUT [--jobs N] [--exercises ex01,ex03]
                                        [--force] [--points FILE.toml] [--timeout S]
    python -m graders gradescope [--out autograder.zip]
    python -m graders classroom [--dest .]
    python -m graders grade-one ex01 [--root exercises]     (one exercise, exit 0 = full marks)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from . import batch, config, outputs, platforms, sandbox
from .engine import REPO, Exercise, exercises
from .submissions import Submission, _from_folder, discover


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _positive(kind: Callable[[str], float]) -> Callable[[str], float]:
    def parse(raw: str) -> float:
        try:
            value = kind(raw)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {raw!r}") from None
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be more than 0: {raw}")
        return value
    parse.__name__ = getattr(kind, "__name__", "number")
    return parse


def parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m graders", description="Grade the course's exercises.")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def common(s: argparse.ArgumentParser) -> None:
        s.add_argument("--exercises", default="", metavar="ex01,ex03",
                       help="grade only these exercises (numbers or slugs)")
        s.add_argument("--points", type=Path, default=None, metavar="FILE.toml",
                       help="points table overriding graders/config.py")
        s.add_argument("--timeout", type=_positive(float), default=config.TIMEOUT, metavar="S",
                       help=f"wall-clock seconds per exercise run (default {config.TIMEOUT:g})")
        s.add_argument("--memory", type=_positive(int), default=config.MEMORY >> 20,
                       metavar="MiB", help="address-space limit per process (default "
                       f"{config.MEMORY >> 20} MiB: room for multiprocessing pools)")
        s.add_argument("--python", default=sys.executable,
                       help="the Python that runs the tests (with pytest & co. installed)")
        s.add_argument("--no-namespaces", action="store_true",
                       help="do not use unshare (network/PID/mount namespaces)")

    g = sub.add_parser("grade", help="grade every submission in a folder")
    g.add_argument("submissions", type=Path, metavar="SUBMISSIONS")
    g.add_argument("--out", type=Path, required=True, metavar="OUT")
    g.add_argument("--jobs", type=_positive(int), default=None, metavar="N",
                   help="parallel jobs (at most the usable CPUs; the default)")
    g.add_argument("--force", action="store_true", help="regrade students already graded")
    g.add_argument("--no-progress", action="store_true", help="no progress bar")
    common(g)

    one = sub.add_parser("grade-one", help="grade one exercise of one folder (GitHub Classroom)")
    one.add_argument("exercise", metavar="exNN")
    one.add_argument("--root", type=Path, default=Path("exercises"),
                     help="the folder holding exNN_slug/ (default: exercises)")
    common(one)

    gs = sub.add_parser("gradescope", help="build a Gradescope autograder zip")
    gs.add_argument("--out", type=Path, default=Path("autograder.zip"))
    common(gs)

    run = sub.add_parser("gradescope-run", help="(inside Gradescope) grade /autograder/submission")
    run.add_argument("--submission", type=Path, required=True)
    run.add_argument("--results", type=Path, required=True)
    common(run)

    cl = sub.add_parser("classroom", help="write a GitHub Classroom autograding workflow")
    cl.add_argument("--dest", type=Path, default=Path("."),
                    help="the repository to write .github/ into (default: here)")
    cl.add_argument("--course-repo", default=None, metavar="OWNER/NAME[@REF]",
                    help="grade with this repository's tests (checked out into .course/), "
                    "not the copy in the student's repository")
    common(cl)
    return p


def pick_exercises(raw: str, repo: Path = REPO) -> list[Exercise]:
    every = list(exercises(repo))
    if not raw.strip():
        return every
    chosen = []
    for key in [k.strip() for k in raw.split(",") if k.strip()]:
        match = [ex for ex in every if key in (ex.slug, ex.number)]
        if not match:
            known = ", ".join(ex.number for ex in every)
            raise UsageError(f"unknown exercise {key!r} (known: {known})")
        chosen += [m for m in match if m not in chosen]
    return chosen


def _options(args: argparse.Namespace, out: Path, exs: Sequence[Exercise], *,
             progress: bool = False) -> batch.Options:
    try:
        points = config.load_points(args.points)
    except FileNotFoundError:
        raise UsageError(f"no such points file: {args.points}") from None
    except (ValueError, OSError) as exc:
        raise UsageError(f"bad points file {args.points}: {exc}") from None
    scale = os.environ.get("CONCURRENCY_TIME_SCALE")
    return batch.Options(
        out=out, exercises=exs, jobs=getattr(args, "jobs", None),
        force=getattr(args, "force", False), points=points,
        limits=sandbox.Limits(timeout=args.timeout, memory=int(args.memory) << 20),
        python=args.python, progress=progress,
        namespaces=not args.no_namespaces,
        extra_env={"CONCURRENCY_TIME_SCALE": scale} if scale else {},
    )


def cmd_grade(args: argparse.Namespace) -> int:
    folder: Path = args.submissions
    if not folder.exists():
        raise UsageError(f"no such folder: {folder}")
    if not folder.is_dir():
        raise UsageError(f"not a folder: {folder}")
    exs = pick_exercises(args.exercises)
    opts = _options(args, args.out, exs, progress=not args.no_progress and sys.stderr.isatty())
    subs, notes = discover(folder, exs)
    if not subs:
        raise UsageError(f"no submissions in {folder} (expected one folder or .zip per student)")
    for note in notes:
        print(f"note: {note}")
    for s in subs:
        for note in s.notes:
            print(f"note: {s.student}: {note}")
    box = sandbox.probe(opts.namespaces)
    described = box.describe()
    print(f"grading {len(subs)} submission(s), {len(exs)} exercise(s); network: "
          f"{described['network']}; PID namespace: {'yes' if box.unshare else 'no'}; "
          f"pids cgroup: {'yes' if box.cgroup else 'no'}")
    summary = batch.grade(subs, opts)
    students = batch.run_all([s.student for s in subs], args.out)
    outputs.gradebook(args.out, students, exs)
    outputs.report(args.out, students, exs)
    skipped = f" ({len(summary.skipped)} already graded and unchanged)" if summary.skipped else ""
    print(f"graded {len(summary.graded)} submission(s){skipped} in {summary.seconds:.1f} s "
          f"({summary.jobs} runs, {summary.reruns} timing re-runs): "
          f"{args.out / 'gradebook.csv'}, {args.out / 'report.html'}")
    return 0


def cmd_grade_one(args: argparse.Namespace) -> int:
    exs = pick_exercises(args.exercise)
    root: Path = args.root
    if not root.is_dir():
        raise UsageError(f"no such folder: {root}")
    sub = _from_folder(root.resolve(), exs)
    sub.student = "submission"
    with tempfile.TemporaryDirectory(prefix="grade-one-") as tmp:
        opts = _options(args, Path(tmp), exs)
        opts.force = True
        batch.grade([sub], opts)
        results = json.loads((Path(tmp) / sub.student / "results.json").read_text("utf-8"))
        print((Path(tmp) / sub.student / "feedback.md").read_text("utf-8"))
    return 0 if results["score"] >= results["max_score"] > 0 else 1


def cmd_gradescope(args: argparse.Namespace) -> int:
    exs = pick_exercises(args.exercises)
    path = platforms.gradescope_bundle(args.out, exs, timeout=args.timeout, points=args.points)
    print(f"wrote {path}: upload it as the autograder of a Gradescope programming assignment")
    return 0


def cmd_gradescope_run(args: argparse.Namespace) -> int:
    started = time.monotonic()
    exs = pick_exercises(args.exercises)
    with tempfile.TemporaryDirectory(prefix="gradescope-") as tmp:
        staged = Path(tmp) / "in" / "submission"
        if args.submission.is_dir():
            shutil.copytree(args.submission, staged, symlinks=True)
        else:
            staged.mkdir(parents=True)
        subs, _ = discover(staged.parent, exs)
        sub = subs[0] if subs else Submission("submission", staged, "folder")
        opts = _options(args, Path(tmp) / "out", exs)
        opts.force = True
        batch.grade([sub], opts)
        results = json.loads((Path(tmp) / "out" / sub.student / "results.json").read_text("utf-8"))
        text = (Path(tmp) / "out" / sub.student / "feedback.md").read_text("utf-8")
    platforms.write_gradescope(args.results, results, text, time.monotonic() - started)
    print(f"score {results['score']:g} / {results['max_score']:g} written to {args.results}")
    return 0


def cmd_classroom(args: argparse.Namespace) -> int:
    exs = pick_exercises(args.exercises)
    points = config.load_points(args.points) if args.points else config.Points()
    written = platforms.classroom(args.dest, exs, points, timeout=args.timeout,
                                  course_repo=args.course_repo)
    for path in written:
        print(f"wrote {path}")
    return 0


COMMANDS = {"grade": cmd_grade, "grade-one": cmd_grade_one, "gradescope": cmd_gradescope,
            "gradescope-run": cmd_gradescope_run, "classroom": cmd_classroom}


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
        return COMMANDS[args.command](args)
    except UsageError as exc:
        print(f"python -m graders: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("python -m graders: interrupted (run again to resume)", file=sys.stderr)
        return 130
