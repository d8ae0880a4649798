"""A thread pool with two workers: only two requests are ever in flight."""
# expect: too_few
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor, wait

from solutions.ex04_threaded_io.status_codes import *  # noqa: F403
from solutions.ex04_threaded_io.status_codes import _fetch_one


def fetch_status_codes(urls, timeout=10.0):
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(_fetch_one, url, timeout) for url in urls]
        # Every request finishes before an error is raised: the one mistake here is the
        # size of the pool (Executor.map would also cancel the requests not yet started).
        wait(futures)
        return [f.result() for f in futures]
