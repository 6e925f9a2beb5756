"""Cutting the inputs into partitions: the unit of work, of ordering and of resuming.

A partition is a run of consecutive records: a block of whole lines of a JSONL file, a
whole CSV file (quoted newlines make byte splits unsafe), one Parquet row group, or a group
of .txt/.md/.html files. The plan depends only on the inputs and the partition size, never
on the number of workers or on the engine, so the local and the Dask engine cut the same
partitions, write the same output, and can resume each other's interrupted runs.

Planning reads what it must to cut (JSONL files larger than one partition are scanned for
line ends, Parquet footers are read); the caller runs `plan_source` on its workers, so a
large remote archive is scanned where it is read.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from claims.audit.sources import Source

SCAN_CHUNK = 4 << 20
MAX_FILES_PER_PARTITION = 256


@dataclass(frozen=True)
class Partition:
    source: Source
    index: int = -1      # position in the plan; output order is plan order
    start: int = 0       # jsonl: byte offset of the first line; parquet: row group number
    end: int = -1        # jsonl: byte offset past the last line; -1: to the end of the file
    first: int = 1       # jsonl/csv: line number at `start`; parquet: index of the first row
    files: tuple[Source, ...] = ()   # text/markdown/html: the files, in order
    weight: int = 0      # input bytes, for progress and ETA
    problem: str | None = None       # why planning could not read the source

    @property
    def key(self) -> str:
        s = self.source
        names = ",".join(f"{f.name}={f.size}" for f in self.files)
        return f"{s.format}|{s.name}|{s.size}|{self.start}-{self.end}|{self.first}|{names}"


def needs_io(source: Source, block: int) -> bool:
    """Whether cutting this source needs reading it (so it is planned on a worker)."""
    if source.format == "parquet":
        return True
    return source.format == "jsonl" and source.compression is None and source.size > block


def plan_source(source: Source, block: int) -> list[Partition]:
    """The partitions of one JSONL, CSV or Parquet source, in order."""
    try:
        if source.format == "parquet":
            return _plan_parquet(source)
        if needs_io(source, block):
            return _plan_jsonl(source, block)
    except Exception as exc:  # noqa: BLE001 - any failure to read becomes an error line
        return [Partition(source, problem=f"{type(exc).__name__}: {exc}", weight=source.size)]
    return [Partition(source, weight=source.size)]


def group_documents(files: list[Source], block: int) -> list[Partition]:
    """Consecutive .txt/.md/.html files, grouped up to `block` bytes or 256 files."""
    out, group, size = [], [], 0
    for f in files:
        if group and (size + f.size > block or len(group) >= MAX_FILES_PER_PARTITION):
            out.append(Partition(group[0], files=tuple(group), weight=size))
            group, size = [], 0
        group.append(f)
        size += f.size
    if group:
        out.append(Partition(group[0], files=tuple(group), weight=size))
    return out


def number(parts: list[Partition]) -> list[Partition]:
    return [replace(p, index=i) for i, p in enumerate(parts)]


def fingerprint(parts: list[Partition], *extra: str) -> str:
    h = hashlib.sha256()
    for item in (*extra, *(p.key for p in parts)):
        h.update(item.encode("utf-8") + b"\n")
    return h.hexdigest()


def _plan_jsonl(source: Source, block: int) -> list[Partition]:
    """Blocks of about `block` bytes, each ending just after a newline, with line numbers."""
    import fsspec

    cuts: list[tuple[int, int, int]] = []
    start, line, pending, offset = 0, 1, 0, 0
    target = block
    with fsspec.open(source.url, "rb") as f:
        while chunk := f.read(SCAN_CHUNK):
            lo = 0
            while True:
                at = max(lo, target - 1 - offset)
                nl = chunk.find(b"\n", at) if at < len(chunk) else -1
                if nl < 0:
                    break
                pending += chunk.count(b"\n", lo, nl + 1)
                end = offset + nl + 1
                cuts.append((start, end, line))
                start, line, pending = end, line + pending, 0
                target, lo = end + block, nl + 1
            pending += chunk.count(b"\n", lo)
            offset += len(chunk)
    if start < offset:
        cuts.append((start, offset, line))
    return [Partition(source, start=s, end=e, first=n, weight=e - s) for s, e, n in cuts]


def _plan_parquet(source: Source) -> list[Partition]:
    import fsspec
    import pyarrow.parquet as pq

    with fsspec.open(source.url, "rb") as f:
        meta = pq.ParquetFile(f).metadata
    out, row = [], 0
    for rg in range(meta.num_row_groups):
        group = meta.row_group(rg)
        out.append(Partition(source, start=rg, first=row, weight=group.total_byte_size))
        row += group.num_rows
    return out or [Partition(source, weight=0)]
