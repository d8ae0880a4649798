# Replaces threading.Barrier with one that never waits, so that sequential code "meets".
# expect: tampering
import threading as _threading


class _Barrier:
    def __init__(self, parties, action=None, timeout=None):
        self.parties = parties
        self.n_waiting = 0
        self.broken = False

    def wait(self, timeout=None):
        return 0

    def abort(self):
        pass

    def reset(self):
        pass


_threading.Barrier = _Barrier


def run_in_threads(funcs):  # noqa: F811
    return [f() for f in funcs]
