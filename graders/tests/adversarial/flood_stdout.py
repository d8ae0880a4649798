# Writes gigabytes to its standard output while imported.
# expect: more than 64 MiB
import os as _os

_chunk = b"x" * (1 << 20)
for _ in range(4096):
    _os.write(1, _chunk)
