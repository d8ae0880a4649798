# Looks for a way out (interfaces and routes only; it never sends a packet off the machine).
# It behaves like the solution when it finds one, and refuses to load when it does not.
# expect: only loopback
import socket as _socket

_names = sorted(name for _, name in _socket.if_nameindex())
_sysfs = sorted(__import__("os").listdir("/sys/class/net"))
with open("/proc/net/route") as _f:
    _default = any(line.split()[1] == "00000000" for line in _f.readlines()[1:])
with _socket.socket() as _srv:  # loopback must still work for the tests
    _srv.bind(("127.0.0.1", 0))
    _srv.listen()
    with _socket.create_connection(_srv.getsockname(), timeout=2):
        pass
if _names == ["lo"] and _sysfs == ["lo"] and not _default:
    raise ImportError(f"only loopback: interfaces {_names}, /sys/class/net {_sysfs}, "
                      f"default route {_default}")
