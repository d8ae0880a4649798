# Leaves a detached daemon (double fork + setsid) running after the tests.
# expect: still running after the tests
import os as _os
import time as _time

if _os.fork() == 0:
    _os.setsid()
    if _os.fork() == 0:
        _os.execv("/bin/sleep", ["sleep", "313.37"])
    _os._exit(0)
_os.wait()
_time.sleep(0.2)
