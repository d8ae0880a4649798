# Ends the test process while it is imported.
# expect: sys.exit()
import sys as _sys

_sys.exit(0)
