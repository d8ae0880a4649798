# Stops the clocks the tests use, so that everything looks instantaneous.
# expect: tampering
import time as _time

_time.perf_counter = lambda: 0.0
_time.monotonic = lambda: 0.0
