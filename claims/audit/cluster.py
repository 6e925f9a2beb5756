"""The Dask engine: the same partitions, checked on a dask.distributed cluster.

`--scheduler tcp://HOST:8786` connects to a running cluster; without it a LocalCluster of
`--workers` processes is started here (one thread each: the engine holds the GIL). Workers
need the same claims version installed (the ruleset of every result is compared with this
machine's) and access to the inputs: a shared folder, or object storage with its fsspec
driver (s3fs, gcsfs, adlfs) and credentials. Partitions are submitted a few per worker
ahead of the writer, so memory stays bounded whatever the archive's size; results come back
as finished output bytes, and this process writes them in plan order.
"""

from __future__ import annotations

from claims.errors import InputError


class ClusterError(InputError):
    code = "A003"


class DaskExecutor:
    name = "dask"

    def __init__(self, scheduler: str | None, workers: int):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - dask is in the audit extra
            raise ClusterError("--engine dask needs dask.distributed: "
                               "pip install 'claims[audit]'") from exc
        self.cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="30s")
            else:
                self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1,
                                            processes=True, dashboard_address="127.0.0.1:0")
                self.client = Client(self.cluster)
        except OSError as exc:
            raise ClusterError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from exc
        threads = sum(w["nthreads"] for w in self.client.scheduler_info()["workers"].values())
        self.workers = max(threads, 1)

    def submit(self, fn, *args):
        # pure=False: a partition is re-checked if submitted again, never served from a
        # stale result of another audit with the same arguments.
        return self.client.submit(fn, *args, pure=False, retries=1)

    def result(self, handle):
        try:
            return handle.result()
        except Exception as exc:  # noqa: BLE001 - KilledWorker, lost connection, ...
            raise ClusterError(
                f"the cluster failed on a partition ({type(exc).__name__}: {exc}); the work "
                "done so far is saved: run the same command again to resume") from exc

    def close(self, cancel: bool = False) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
