"""Never passes the timeout on to urlopen: a silent server holds the call."""
# expect: timeout_ignored
from __future__ import annotations

import threading
import urllib.error
import urllib.request
from collections.abc import Sequence


def _fetch_one(url: str) -> int:
    try:
        with urllib.request.urlopen(url) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        with error:
            return error.code
    except OSError as error:
        raise OSError(f"{url}: {error}") from error


def fetch_status_codes(urls: Sequence[str], timeout: float = 10.0) -> list[int]:
    codes: list[int] = [0] * len(urls)
    errors: list[BaseException | None] = [None] * len(urls)

    def fetch(i: int) -> None:
        try:
            codes[i] = _fetch_one(urls[i])
        except BaseException as exc:
            errors[i] = exc

    threads = [threading.Thread(target=fetch, args=(i,)) for i in range(len(urls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for error in errors:
        if error is not None:
            raise error
    return codes
