"""Work over a stream of items in worker processes, results in the items' order.

`ordered_map(work, items, jobs)` is `map(work, items)` spread over `jobs` forked processes
(concurrent.futures), for the batch command line: a few items in flight at a time, so that
memory stays flat over any length of input, and the results come back in order. This
process only passes items and results on: working on every jobs-th item here as well (one
worker fewer) took less CPU time on a busy machine but was slower on a quiet one, where
this process, reading and writing too, held the workers up (docs/engine.md, "Speed").
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# an input of fewer items than this is worked on in this process: starting workers
# would cost more than it saves
MIN_ITEMS = 4
AHEAD = 2  # items in flight per worker: one being worked on, one waiting
PARENT_CHECK = 0.5  # seconds between a worker's looks at whether its parent is alive


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def ordered_map(
    work: Callable[[T], R],
    items: Iterable[T],
    jobs: int,
    prepare: Callable[[], object] | None = None,
) -> Iterator[R]:
    """work(item) for every item, in order. With jobs > 1 and at least MIN_ITEMS items,
    `prepare()` runs here, so that what it loads (a model) is loaded once, and the items
    go to `jobs` forked workers that inherit it; at most AHEAD * jobs are in flight.
    `work` and the items must pickle (a module-level function, or a partial of one).
    The workers ignore Ctrl-C: this process stops them (after their current item); a
    worker whose parent is gone (killed) exits."""
    items = iter(items)
    head = list(islice(items, MIN_ITEMS))
    if jobs <= 1 or len(head) < MIN_ITEMS:
        yield from map(work, chain(head, items))
        return
    if prepare is not None:
        prepare()
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),)
    )
    pending: deque[Future[R]] = deque()
    try:
        for item in chain(head, items):
            pending.append(pool.submit(work, item))
            if len(pending) >= AHEAD * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start_worker(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_without, args=(parent,), daemon=True).start()


def _exit_without(parent: int) -> None:
    """Exit once the parent is gone: a worker waiting for work would otherwise wait for
    ever, as it holds the writing end of its own queue."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK)
    os._exit(1)
