"""Sessions for learners, instructors and maintainers.

    nox -s check-ex03        check one exercise (EXERCISES_ROOT picks the copy)
    nox -s check             progress table of every exercise
    nox -s hint-ex03         the next hint      nox -s watch-ex03   re-check on every save
    nox -s demo-ex03         run your code and draw a timeline of what overlapped
    nox -s reset-ex03        restore the stub (your file is kept as a backup)
    nox -s tests             the repository's own check (meta-tests + lint)

The learner sessions share one environment (``.nox/course``), built once with
uv when it is there (``pip install "nox[uv]"``), with venv + pip otherwise, and
reinstalled only when the dependencies in pyproject.toml change.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nox

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from graders import engine, learner  # noqa: E402  (the session logic lives in graders/)

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["check"]
nox.needs_version = ">=2025.2.9"

PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")
SUPPORTED = ["3.11", "3.12", "3.13", "3.14"]

# Interpreters installed with pyenv are found even when pyenv has not enabled them.
for _bin in sorted(Path.home().glob(".pyenv/versions/3.1[1-4]*/bin")):
    os.environ["PATH"] += os.pathsep + str(_bin)
EXERCISES = engine.exercises()
BIN = "Scripts" if os.name == "nt" else "bin"


def _uv() -> str | None:
    beside = Path(sys.executable).with_name("uv" + (".exe" if os.name == "nt" else ""))
    return str(beside) if beside.exists() else shutil.which("uv")


def shared_env(session: nox.Session, name: str, *groups: str) -> str:
    """Create (once) and update (when pyproject changes) a shared environment; its python."""
    location = ROOT / ".nox" / name
    python = location / BIN / ("python.exe" if os.name == "nt" else "python")
    requirements = nox.project.dependency_groups(PYPROJECT, *groups)
    # "bytecode": environments are installed with their .pyc files (see below); the word
    # in the stamp makes an environment installed without them install once more.
    want = hashlib.sha256("\n".join([sys.version, "bytecode", *requirements]).encode()
                          ).hexdigest()
    stamp = location / ".installed"
    if python.exists() and stamp.exists() and stamp.read_text() == want:
        return str(python)
    uv = _uv()
    if not python.exists():
        session.log(f"creating the {name} environment in {location}")
        if uv:
            session.run(uv, "venv", "--quiet", "--python", sys.executable, str(location))
        else:
            session.run(sys.executable, "-m", "venv", str(location))
    # Bytecode compiled at install time: every check starts a fresh pytest, and where
    # PYTHONDONTWRITEBYTECODE is set (or the sandbox forbids writing) each one would
    # otherwise compile pytest and its plugins again (uv does not compile by default;
    # pip does).
    if uv:
        session.run(uv, "pip", "install", "--quiet", "--compile-bytecode",
                    "--python", str(python), *requirements)
    else:
        session.run(str(python), "-m", "pip", "install", "--quiet", *requirements)
    stamp.write_text(want)
    return str(python)


def course_python(session: nox.Session) -> str:
    return shared_env(session, "course", "test")


def dev_python(session: nox.Session) -> str:
    return shared_env(session, "dev", "test", "graders", "meta", "lint")


for _ex in EXERCISES:

    @nox.session(name=f"check-{_ex.number}", python=False)
    def _check(session: nox.Session, ex: engine.Exercise = _ex) -> None:
        python = course_python(session)
        code = learner.check(python, ex, session.posargs)
        if code == 1:
            session.error(f"{ex.slug}: some tasks are not done yet")
        if code:
            session.error(f"{ex.slug}: the check could not run (see the line above)")

    _check.__doc__ = f"Check {_ex.slug} ({_ex.module}.py)."

    @nox.session(name=f"demo-{_ex.number}", python=False)
    def _demo(session: nox.Session, ex: engine.Exercise = _ex) -> None:
        code = learner.demo(course_python(session), ex, session.posargs)
        if code == 1:
            session.error(f"{ex.slug}: the demo stopped (see the line above)")
        if code:
            session.error(f"{ex.slug}: the demo could not run (see the line above)")

    _demo.__doc__ = f"Run {_ex.slug} and draw a timeline of what overlapped (-- --html FILE)."

    @nox.session(name=f"hint-{_ex.number}", python=False)
    def _hint(session: nox.Session, ex: engine.Exercise = _ex) -> None:
        learner.hint(ex, session.posargs)

    _hint.__doc__ = f"Show the next hint for {_ex.slug} (-- --all: all of them; -- --again)."

    @nox.session(name=f"watch-{_ex.number}", python=False)
    def _watch(session: nox.Session, ex: engine.Exercise = _ex) -> None:
        learner.watch(course_python(session), ex, session.posargs)

    _watch.__doc__ = f"Re-check {_ex.slug} every time you save it (Ctrl+C stops)."

    @nox.session(name=f"reset-{_ex.number}", python=False)
    def _reset(session: nox.Session, ex: engine.Exercise = _ex) -> None:
        backup = learner.reset(ex)
        session.log(f"restored the stub of {ex.slug}; your file was kept as {backup}")

    _reset.__doc__ = f"Restore the stub of {_ex.slug}, keeping your file as a backup."


@nox.session(python=False)
def check(session: nox.Session) -> None:
    """Progress table of every exercise: done / failing / not started."""
    learner.progress(course_python(session), EXERCISES, session.posargs)


@nox.session(python=SUPPORTED)
def solutions(session: nox.Session) -> None:
    """Every exercise's tests against solutions/ on this Python (-- tests/exNN for some)."""
    session.install(*nox.project.dependency_groups(PYPROJECT, "test"))
    paths = session.posargs or [str(e.tests()) for e in EXERCISES]
    session.run("python", "-m", "pytest", *paths, "-q",
                env={"EXERCISES_ROOT": str(ROOT / "solutions")})


@nox.session(python=False)
def lint(session: nox.Session) -> None:
    """ruff (E, F, I, B, UP, PT, ASYNC) and mypy on solutions, tests and graders."""
    python = dev_python(session)
    session.run(python, "-m", "ruff", "check", ".")
    session.run(python, "-m", "mypy")


@nox.session(python=False)
def tests(session: nox.Session) -> None:
    """The repository's own check: meta-tests, graders' tests and lint.

    Meta-tests: solutions and alternatives pass, stubs and counterexamples fail with
    their messages.
    """
    python = dev_python(session)
    paths = [p for p in ("tests/meta", "graders/tests") if (ROOT / p).is_dir()]
    # pytest exits with 5 when it collected nothing: that must never pass as green.
    # Most meta-tests wait on subprocesses (and on the timeouts of wrong answers), so
    # three run side by side; timing evidence in the exercise tests is load-proof.
    command = [python, "-m", "pytest", *paths, "-q", "-n", "3", *session.posargs]
    session.log(" ".join(command))
    code = subprocess.run(command, cwd=ROOT, check=False).returncode
    if code == 5:
        session.error("no tests were collected: the repository's own check ran nothing")
    if code:
        session.error("some of the repository's own tests failed (see above)")
    lint(session)


@nox.session(python=False)
def bench(session: nox.Session) -> None:
    """Benchmark: warm check-exNN wall time vs bare pytest, per exercise (min of 5 runs)."""
    course_python(session)
    session.run(sys.executable, "-m", "graders.bench_check", "--nox-python", sys.executable,
                *session.posargs, env={"PYTHONPATH": str(ROOT)})


@nox.session(name="bench-grade", python=False)
def bench_grade(session: nox.Session) -> None:
    """Benchmark: grading throughput on mixed submissions (-- -n 100 --jobs 2)."""
    python = dev_python(session)
    session.run(python, "-m", "graders.bench", *session.posargs, env={"PYTHONPATH": str(ROOT)})
