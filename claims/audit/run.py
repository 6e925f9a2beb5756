"""One audit from start to end: plan, resume, check in parallel, write in order, finish.

Both engines share this loop; only the executor differs. Partitions are submitted a few per
worker ahead of the writer and their results are written in plan order, so the output
order is the input order whatever finishes first, and memory stays bounded.
"""

from __future__ import annotations

import time
from collections import deque
from dataclasses import asdict, dataclass
from pathlib import Path

from claims.audit.journal import Journal
from claims.audit.plan import fingerprint, group_documents, needs_io, number, plan_source
from claims.audit.progress import Progress
from claims.audit.records import Fields
from claims.audit.sources import DOCUMENTS, Source, expand, require
from claims.audit.tally import Tally
from claims.audit.work import WorkSpec, check_partition, engine_for

AHEAD_PER_WORKER = 3


@dataclass
class AuditOptions:
    inputs: list[str]
    out: Path
    fields: Fields = Fields()
    input_format: str | None = None
    engine: str = "local"               # local | dask
    workers: int | None = None          # default: every core (local), 1 per core (LocalCluster)
    scheduler: str | None = None
    partition_size: int = 1 << 20       # input bytes per partition
    restart: bool = False
    report: Path | None = None          # the HTML page
    keep: int = 100                     # flagged articles shown with their text
    rules_paths: tuple[str, ...] = ()
    progress: bool = True
    progress_every: float = 10.0
    progress_stream: object = None


@dataclass
class AuditResult:
    out: Path
    tally: Tally
    records: int                        # lines in the output
    resumed: int                        # of which written by an earlier, interrupted run
    partitions: int
    seconds: float
    checked_per_s: float                # articles and errors done by this run, per second
    engine: str
    workers: int
    report: Path | None = None


def run_audit(opts: AuditOptions) -> AuditResult:
    from claims.audit.local import default_workers

    t0 = time.monotonic()
    sources = expand(opts.inputs, opts.input_format)
    for feature in {s.format for s in sources} & {"parquet", "html"}:
        require(feature)
    if opts.out.suffix.lower() in (".parquet", ".pq"):
        require("parquet")
    if opts.engine == "dask":
        require("dask")
    spec = WorkSpec(fields=opts.fields, rules_paths=tuple(opts.rules_paths), keep=opts.keep)
    workers = opts.workers or default_workers()
    executor = _executor(opts, workers, spec)  # workers compile the rules meanwhile
    journal = None
    try:
        engine = engine_for(spec.rules_paths)  # for the ruleset's hash; a broken pack stops here
        parts = _plan(sources, opts.partition_size, executor)
        header = {
            "inputs": list(opts.inputs), "plan": fingerprint(parts),
            "fields": asdict(opts.fields), "input_format": opts.input_format,
            "partition_size": opts.partition_size, "version": engine.version,
            "ruleset": engine.ruleset,
        }
        journal = Journal(opts.out, header, opts.keep).open(restart=opts.restart)
        resumed = journal.records
        progress = Progress(sum(p.weight for p in parts),
                            sum(p.weight for p in parts[: journal.done]), resumed,
                            stream=opts.progress_stream, every=opts.progress_every,
                            enabled=opts.progress)
        t_check = time.monotonic()
        _check_all(parts[journal.done:], spec, executor, journal, progress, engine.ruleset)
        progress.finish()
        checked_s = time.monotonic() - t_check
        executor.close()
        journal.finish(parquet=opts.out.suffix.lower() in (".parquet", ".pq"))
    except BaseException:
        executor.close(cancel=True)
        if journal is not None:
            journal.close()
        raise
    report = None
    if opts.report:
        from claims.audit.page import write_page

        report = write_page(opts.report, journal.tally, out=opts.out, inputs=opts.inputs,
                            ruleset=engine.ruleset, version=engine.version)
    done_here = journal.records - resumed
    return AuditResult(
        out=opts.out, tally=journal.tally, records=journal.records, resumed=resumed,
        partitions=len(parts), seconds=time.monotonic() - t0,
        checked_per_s=done_here / checked_s if checked_s > 0 else 0.0,
        engine=executor.name, workers=executor.workers, report=report,
    )


def _executor(opts: AuditOptions, workers: int, spec: WorkSpec):
    if opts.engine == "dask":
        from claims.audit.cluster import DaskExecutor

        return DaskExecutor(opts.scheduler, workers)
    from claims.audit.local import LocalExecutor

    return LocalExecutor(workers, spec)


def _plan(sources: list[Source], block: int, executor) -> list:
    """The partitions in input order; sources that must be read to be cut are cut by the
    workers, in parallel."""
    slots: list = []
    docs: list[Source] = []
    for s in sources:
        if s.format in DOCUMENTS:
            docs.append(s)
            continue
        if docs:
            slots.append(group_documents(docs, block))
            docs = []
        slots.append(executor.submit(plan_source, s, block) if needs_io(s, block)
                     else plan_source(s, block))
    if docs:
        slots.append(group_documents(docs, block))
    parts = []
    for slot in slots:
        parts.extend(slot if isinstance(slot, list) else executor.result(slot))
    return number(parts)


def _check_all(parts, spec, executor, journal, progress, ruleset) -> None:
    todo = iter(parts)
    pending: deque = deque()

    def fill():
        while len(pending) < executor.workers * AHEAD_PER_WORKER:
            part = next(todo, None)
            if part is None:
                return
            pending.append((part, executor.submit(check_partition, part, spec)))

    fill()
    while pending:
        part, handle = pending.popleft()
        result = executor.result(handle)
        fill()
        if result.ruleset != ruleset:
            from claims.audit.cluster import ClusterError

            raise ClusterError(
                f"a worker checks with other rules ({result.version}, ruleset "
                f"{result.ruleset[:12]}) than this machine ({ruleset[:12]}); install the same "
                "claims version and rule packs on every worker")
        journal.commit(part.index, result.data, result.records, result.tally)
        progress.update(result.records, part.weight)
