"""One grading engine, two front ends.

* ``graders.engine`` runs an exercise's tests (the very tests in ``tests/``) in a
  pytest process against a chosen root and reads back the per-test results.
* ``graders.learner`` is the learner's front end behind ``nox -s check-exNN``,
  ``check``, ``hint-exNN``, ``watch-exNN`` and ``reset-exNN`` (standard library only).
* ``python -m graders`` is the instructor's front end (``graders/cli.py``, see README.md):
  ``submissions`` finds the students' modules, ``batch`` schedules one confined job per
  (student, exercise) and scores it, ``sandbox`` + ``jail`` + ``guard`` confine and
  check each run, ``outputs`` writes results/feedback/gradebook/report, ``platforms``
  builds the Gradescope bundle and the GitHub Classroom workflow; ``config`` holds the
  tables (points, exercises that need every CPU, limits).
"""
