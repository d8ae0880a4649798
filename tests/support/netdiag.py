"""What the kernel says about a listening socket: its accept-queue limit (Linux).

``listen(backlog)`` sets how many finished handshakes the kernel keeps waiting for
``accept()``; connections beyond it are dropped and retried a second or more later.
The limit is read with a sock_diag netlink query (what ``ss -lt`` shows as Send-Q),
which needs no privileges and works inside a network namespace. Elsewhere, or when
the query fails, the functions return ``None`` and the caller judges otherwise.
"""

from __future__ import annotations

import contextlib
import socket
import struct
from pathlib import Path

NETLINK_SOCK_DIAG = 4
SOCK_DIAG_BY_FAMILY = 20
NLM_F_REQUEST, NLM_F_DUMP = 0x1, 0x300
NLMSG_ERROR, NLMSG_DONE = 2, 3
TCP_LISTEN = 10


def listen_backlog(port: int, family: int = socket.AF_INET) -> int | None:
    """The accept-queue limit of the TCP socket listening on ``port``, or None."""
    netlink = getattr(socket, "AF_NETLINK", None)
    if netlink is None:
        return None
    try:
        sock = socket.socket(netlink, socket.SOCK_RAW, NETLINK_SOCK_DIAG)
    except OSError:
        return None
    with sock:
        sock.settimeout(2.0)
        # inet_diag_req_v2: family, protocol, extensions, pad, states; then an empty
        # inet_diag_sockid (ports, addresses, interface, cookie): dump every listener.
        request = struct.pack("=BBBBI", family, socket.IPPROTO_TCP, 0, 0, 1 << TCP_LISTEN)
        request += bytes(4 + 32 + 4) + struct.pack("=II", 0xFFFFFFFF, 0xFFFFFFFF)
        header = struct.pack("=IHHII", 16 + len(request), SOCK_DIAG_BY_FAMILY,
                             NLM_F_REQUEST | NLM_F_DUMP, 1, 0)
        try:
            sock.sendto(header + request, (0, 0))
            return _read_dump(sock, port)
        except (OSError, struct.error):
            return None


def _read_dump(sock: socket.socket, port: int) -> int | None:
    found = None
    while True:
        data = sock.recv(1 << 16)
        if not data:
            return found
        offset = 0
        while offset + 16 <= len(data):
            length, kind = struct.unpack_from("=IH", data, offset)
            if kind in (NLMSG_DONE, NLMSG_ERROR) or length < 16:
                return found
            body = offset + 16  # inet_diag_msg: 4 bytes, the sockid, expires, rqueue, wqueue
            source_port = struct.unpack_from("!H", data, body + 4)[0]
            if source_port == port:
                found = struct.unpack_from("=I", data, body + 60)[0]  # wqueue: the limit
            offset += (length + 3) & ~3


def backlog_cap() -> int:
    """The largest backlog ``listen()`` with no argument asks for on this system."""
    cap = min(getattr(socket, "SOMAXCONN", 128), 128)
    with contextlib.suppress(OSError, ValueError):
        cap = min(cap, int(Path("/proc/sys/net/core/somaxconn").read_text()))
    return cap
