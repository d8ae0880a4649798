"""Shared test machinery: roots, messages, timing, rendezvous, leak checks, reports.

Everything an exercise test needs more than once lives here, once.
"""
