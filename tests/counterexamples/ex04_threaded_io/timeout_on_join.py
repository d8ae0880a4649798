"""Uses the timeout to join (daemon) threads instead of passing it on to urlopen."""
# expect: timeout_ignored
from __future__ import annotations

import threading
from collections.abc import Sequence

from solutions.ex04_threaded_io import status_codes as _reference
from solutions.ex04_threaded_io.status_codes import _fetch_one
from tests.support.variant import adopt


def fetch_status_codes(urls: Sequence[str], timeout: float = 10.0) -> list[int]:
    codes: list[int] = [0] * len(urls)
    errors: list[BaseException | None] = [None] * len(urls)

    def fetch(index: int) -> None:
        try:
            codes[index] = _fetch_one(urls[index], None)  # type: ignore[arg-type]
        except BaseException as error:
            errors[index] = error

    threads = [threading.Thread(target=fetch, args=(i,), daemon=True) for i in range(len(urls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)  # gives up on the thread; its request goes on waiting
    for error in errors:
        if error is not None:
            raise error
    return codes


adopt(_reference, globals())  # the rest is the reference's
