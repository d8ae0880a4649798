"""One grading engine, two front ends.

* ``graders.engine`` runs an exercise's tests (the very tests in ``tests/``) in a
  pytest process against a chosen root and reads back the per-test results.
* ``graders.learner`` is the learner's front end behind ``nox -s check-exNN``,
  ``check``, ``hint-exNN``, ``watch-exNN`` and ``reset-exNN`` (standard library only).
* ``python -m graders`` is the instructor's front end (batch grading).
"""
