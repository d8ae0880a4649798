# Ends the test process from inside a call, before anything is reported.
# expect: without reporting
import os as _os


def describe_current():  # noqa: F811
    _os._exit(0)
