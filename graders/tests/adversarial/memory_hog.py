# Grabs memory without end while imported (stopped by RLIMIT_AS).
# expect: MemoryError
_hog = []
while True:
    _hog.append(bytearray(64 << 20))
