"""Reading one partition into Items, on whichever process or cluster worker runs it.

Ids of records that carry none are stable and point back at the record:
`archive.jsonl:1234` (line), `archive.csv:57` (line the row starts on),
`archive.parquet#row=812` (0-based row), and a document's path (relative to the folder).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator

from claims.audit.plan import Partition
from claims.audit.sources import DOCUMENTS
from claims.audit.records import (
    BAD_RECORD, NOT_UTF8, UNREADABLE, Fields, Item, RecordError, to_item,
)


def read_partition(part: Partition, fields: Fields) -> Iterator[Item]:
    source = part.source
    if part.problem:
        yield Item(source.name, error=RecordError(UNREADABLE, f"cannot read {source.name}: "
                                                   f"{part.problem}"))
        return
    fmt = source.format
    if fmt in DOCUMENTS:
        for doc in part.files:
            yield _read_document(doc, fields)
        return
    reader = {"jsonl": _read_jsonl, "csv": _read_csv, "parquet": _read_parquet}[fmt]
    produced = 0
    try:
        for item in reader(part, fields):
            produced += 1
            yield item
    except Exception as exc:  # noqa: BLE001 - a file that breaks mid-way: say so, go on
        where = f"{source.name} (after {produced} records)" if produced else source.name
        yield Item(f"{source.name}#after={produced}" if produced else source.name,
                   error=RecordError(UNREADABLE, f"cannot read {where}: "
                                     f"{type(exc).__name__}: {exc}"))


def _open(source, mode="rb"):
    import fsspec

    return fsspec.open(source.url, mode, compression=source.compression)


def _read_jsonl(part: Partition, fields: Fields) -> Iterator[Item]:
    with _open(part.source) as f:
        if part.start:
            f.seek(part.start)
        data = f.read() if part.end < 0 else f.read(part.end - part.start)
    name = part.source.name
    for n, raw in enumerate(data.split(b"\n"), start=part.first):
        if not raw.strip():
            continue  # blank lines are not records
        fallback = f"{name}:{n}"
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield Item(fallback, error=RecordError(NOT_UTF8, f"line {n} is not UTF-8: {exc}"))
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            yield Item(fallback, error=RecordError(BAD_RECORD, f"line {n} is not JSON: {exc}"))
            continue
        if not isinstance(record, dict):
            yield Item(fallback, error=RecordError(
                BAD_RECORD, f"line {n} is a JSON {type(record).__name__}, not an object"))
            continue
        yield to_item(record, fields, fallback)


def _read_csv(part: Partition, fields: Fields) -> Iterator[Item]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # article texts exceed the 128 KB default
    name = part.source.name
    with _open(part.source) as raw:
        reader = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8-sig", newline=""))
        if reader.fieldnames is None:
            return  # an empty file
        line = reader.line_num + 1  # the header is read: the first row starts here
        for row in reader:
            fallback = f"{name}:{line}"
            line = reader.line_num + 1
            if None in row:  # more cells than the header has names
                yield Item(fallback, error=RecordError(
                    BAD_RECORD, f"the row at line {fallback.rsplit(':', 1)[1]} has "
                    f"{len(row) - 1 + len(row[None])} cells; the header names {len(row) - 1}"))
                continue
            yield to_item(row, fields, fallback)


def _read_parquet(part: Partition, fields: Fields) -> Iterator[Item]:
    import pyarrow.parquet as pq

    with _open(part.source) as f:
        pf = pq.ParquetFile(f)
        if part.start >= pf.metadata.num_row_groups:
            return
        wanted = {n for what in ("id", "text", "title", "date") for n in fields.candidates(what)}
        columns = [c for c in pf.schema_arrow.names if c in wanted]
        rows = pf.read_row_group(part.start, columns=columns).to_pylist()
    for i, row in enumerate(rows, start=part.first):
        yield to_item(row, fields, f"{part.source.name}#row={i}")


def _read_document(doc, fields: Fields) -> Item:
    """A .txt file is the article text and a .md file its Markdown (read as such by the
    engine, spans indexing the Markdown as written); an .html page is reduced to its story
    first."""
    rid = doc.name
    try:
        with _open(doc) as f:
            data = f.read()
    except Exception as exc:  # noqa: BLE001
        return Item(rid, error=RecordError(UNREADABLE, f"cannot read {doc.name}: {exc}"))
    if doc.format == "html":
        from claims.audit.htmltext import html_record

        record = html_record(data)
    else:
        try:
            record = {"text": data.decode("utf-8-sig")}
        except UnicodeDecodeError as exc:
            return Item(rid, error=RecordError(NOT_UTF8, f"{doc.name} is not UTF-8: {exc}"))
    if isinstance(record, RecordError):
        return Item(rid, error=record)
    # A document's name is its id; its fields are the defaults, whatever the mapping says.
    return to_item({**record, "id": rid}, Fields(), rid,
                   text_format="markdown" if doc.format == "markdown" else "text")
