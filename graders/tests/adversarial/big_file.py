# Writes a file of gigabytes in its temporary folder while imported.
# expect: more than 64 MiB
import os as _os
import tempfile as _tempfile

_chunk = b"x" * (1 << 20)
with open(_os.path.join(_tempfile.gettempdir(), "big"), "wb") as _f:
    for _ in range(4096):
        _f.write(_chunk)
        _f.flush()
