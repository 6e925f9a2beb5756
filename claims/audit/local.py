"""The local engine: a pool of worker processes on this machine, one per core by default.

Processes, not threads: the engine is pure Python and holds the GIL. Workers are started
with `spawn` (no fork of a parent that may hold threads or open files) and compile the rules
once each, in their initializer.
"""

from __future__ import annotations

import multiprocessing as mp
import os

from claims.audit.work import WorkSpec, warm


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


class LocalExecutor:
    name = "local"

    def __init__(self, workers: int, spec: WorkSpec):
        self.workers = workers
        self.pool = mp.get_context("spawn").Pool(workers, initializer=warm, initargs=(spec,))

    def submit(self, fn, *args):
        return self.pool.apply_async(fn, args)

    def result(self, handle):
        return handle.get()

    def close(self, cancel: bool = False) -> None:
        if cancel:
            self.pool.terminate()
        else:
            self.pool.close()
        self.pool.join()
