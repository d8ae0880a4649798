"""Timeline for ex07: three clients talk to the learner's ``EchoServer`` at once.

The server runs ``serve_forever`` in a thread of its own; each client, in its own
thread, connects, then three times sends a line and waits for its echo (a bar
per wait), pausing 0.1 s in between. A single-threaded non-blocking server
answers every client at once, so the waits stay short; a server that serves one
client until it leaves makes the others wait for their first echo.
"""

from __future__ import annotations

import socket
import threading
import time
from typing import TYPE_CHECKING, Any

from tests.support.timeline import Recorder

if TYPE_CHECKING:
    from tests.support.demo import Demo

CLIENTS = 3
ROUNDS = 3
PAUSE = 0.1  # seconds a client waits between two messages
OURS = {"MainThread", "server"}
LIMIT = 3.0  # seconds a client waits for an echo before it gives up


def client(rec: Recorder, address: tuple[str, int], number: int, problems: list[str],
           extra: set[str]) -> None:
    try:
        with socket.create_connection(address, timeout=LIMIT) as sock:
            time.sleep(0.02 * number)
            for round_ in range(1, ROUNDS + 1):
                message = f"client {number}, message {round_}\n".encode()
                with rec.span(f"echo {round_}"):
                    sock.sendall(message)
                    got = b""
                    while len(got) < len(message):
                        chunk = sock.recv(4096)
                        if not chunk:
                            break
                        got += chunk
                extra.update(t.name for t in threading.enumerate() if t.name not in OURS
                             and not t.name.startswith(("client ", "course-")))
                if got != message:
                    problems.append(f"client {number} sent {message!r} and got {got!r} back")
                    return
                time.sleep(PAUSE)
    except OSError as exc:
        problems.append(f"client {number}: {type(exc).__name__}: {exc}")


def scenario(demo: Demo) -> None:
    mod = demo.mod
    with demo.section(f"EchoServer: {CLIENTS} clients, {ROUNDS} messages each",
                      noun="echoes", total_of="the waits") as s:
        with s.calling("EchoServer('127.0.0.1', 0), server.address"):
            server = mod.EchoServer("127.0.0.1", 0)
            address = server.address
        crashed: list[BaseException] = []

        def serve() -> None:
            try:
                with s.rec.span("serve_forever()", kind="call"):
                    server.serve_forever()
            except BaseException as exc:  # reported by the main thread
                crashed.append(exc)

        runner = threading.Thread(target=serve, name="server", daemon=True)
        problems: list[str] = []
        extra: set[str] = set()
        clients = [threading.Thread(target=client, args=(s.rec, address, n, problems, extra),
                                    name=f"client {n}", daemon=True)
                   for n in range(1, CLIENTS + 1)]
        runner.start()
        runner.join(0.05)  # a serve_forever that fails at once is reported at once
        if crashed:
            s.fail(crashed[0], "serve_forever()")
        for t in clients:
            t.start()
        for t in clients:
            t.join(LIMIT * ROUNDS + 1)
        if crashed:
            s.fail(crashed[0], "serve_forever()")
        s.call("server.shutdown()", server.shutdown)
        runner.join(2)
        if crashed:
            s.fail(crashed[0], "serve_forever()")
        _explain(s, problems, runner.is_alive(), extra)


def _explain(s: Any, problems: list[str], still_serving: bool, extra: set[str]) -> None:
    for problem in problems[:3]:
        s.note(problem)
    if still_serving:
        s.note("serve_forever was still running after shutdown() returned.")
    work = s.work()
    if not work:
        return
    longest = max(w.duration for w in work)
    if extra:
        s.note(f"The server started {len(extra)} more thread(s) while serving "
               f"({', '.join(sorted(extra))}): here one thread with a selector serves "
               "every client.")
        return
    if longest < PAUSE:
        s.note(f"Every echo came back within {longest * 1000:.0f} ms: one thread served all "
               "the clients at once, each socket handled when the selector said it was ready.")
    else:
        s.note(f"A client waited {longest:.2f} s for an echo: while the server was busy with "
               "one client, the others were not served. Register every client with the "
               "selector and handle whichever socket is ready.")
