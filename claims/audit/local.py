"""The local engine: a pool of worker processes on this machine, one per core by default.

Processes, not threads: the engine is pure Python and holds the GIL. Workers are started
with `spawn` (no fork of a parent that may hold threads or open files) and compile the rules
once each, in their initializer. concurrent.futures rather than multiprocessing.Pool:
when a worker dies (OOM killer, kill -9) Pool silently replaces it and the lost task's
result never comes, whereas ProcessPoolExecutor fails every pending future at once, so the
audit stops with a message and the next run resumes.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from claims.audit.work import WorkSpec, warm
from claims.errors import InputError


class WorkerDied(InputError):
    code = "A004"


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def init_worker(spec: WorkSpec) -> None:
    """A worker's start: compile the rules, and exit when the audit process is gone.

    A spawned worker holds both ends of its task queue's pipe, so the death of its parent
    (kill -9, OOM) never reaches it as end-of-file: without this watch it would wait for
    work forever. Re-parenting is how Linux and macOS tell a child its parent died."""
    parent = os.getppid()

    def watch():
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="claims-parent-watch", daemon=True).start()
    warm(spec)


class LocalExecutor:
    name = "local"

    def __init__(self, workers: int, spec: WorkSpec):
        self.workers = workers
        self.pool = ProcessPoolExecutor(workers, mp_context=mp.get_context("spawn"),
                                        initializer=init_worker, initargs=(spec,))

    def submit(self, fn, *args):
        return self.pool.submit(fn, *args)

    def result(self, handle):
        try:
            return handle.result()
        except BrokenProcessPool as exc:
            raise WorkerDied("a worker process died (killed, or out of memory); the work "
                             "done so far is saved: run the same command again to resume") \
                from exc

    def close(self, cancel: bool = False) -> None:
        if cancel:
            # Stop now: queued partitions are dropped, running ones killed (their results
            # would be discarded anyway; the next run redoes them).
            processes = list((getattr(self.pool, "_processes", None) or {}).values())
            self.pool.shutdown(wait=False, cancel_futures=True)
            for p in processes:
                if p.is_alive():
                    p.terminate()
            for p in processes:
                p.join(timeout=5)
        else:
            self.pool.shutdown(wait=True)
