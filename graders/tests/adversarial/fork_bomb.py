# A fork bomb inside run_in_threads: every process forks for ever.
# expect: did not finish
import os as _os


def run_in_threads(funcs):  # noqa: F811
    while True:
        try:
            _os.fork()
        except OSError:
            pass
