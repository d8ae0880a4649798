"""Calls the target in the parent process, one argument after another."""
# expect: ran_in_parent
from __future__ import annotations


def run_in_processes(target, args):
    return [target(arg) for arg in args]
