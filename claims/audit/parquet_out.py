"""The audit as a Parquet file (`--out audit.parquet`): one row per article, in output order.

The Report itself is kept whole, as its JSON text in the `report` column, because a claim's
`value` and a finding's `expected`/`observed` change shape with the kind: a Parquet schema
would have to widen or drop them. Beside it, flat columns make the usual questions one
query away (which articles are inconsistent, in which month, which failed and why).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

ROWS_PER_GROUP = 5_000


def schema():
    import pyarrow as pa

    return pa.schema([
        ("id", pa.string()),
        ("title", pa.string()),
        ("published", pa.date32()),
        ("claims", pa.int32()),
        ("inconsistent", pa.int32()),
        ("findings", pa.int32()),
        ("error_code", pa.string()),
        ("error_message", pa.string()),
        ("report", pa.string()),
    ])


def row(line: str) -> dict:
    data = json.loads(line)
    article = data.get("article", {})
    if "error" in data:
        return {"id": article.get("id"), "title": None, "published": None, "claims": None,
                "inconsistent": None, "findings": None, "error_code": data["error"]["code"],
                "error_message": data["error"]["message"], "report": None}
    published = article.get("published")
    return {
        "id": article.get("id"),
        "title": article.get("title"),
        "published": dt.date.fromisoformat(published) if published else None,
        "claims": len(data["claims"]),
        "inconsistent": sum(f["verdict"] == "inconsistent" for f in data["findings"]),
        "findings": len(data["findings"]),
        "error_code": None,
        "error_message": None,
        "report": line,
    }


def jsonl_to_parquet(src: Path, dst: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    sch = schema()
    with open(src, encoding="utf-8") as f, pq.ParquetWriter(dst, sch) as writer:
        batch: list[dict] = []
        for line in f:
            batch.append(row(line.rstrip("\n")))
            if len(batch) >= ROWS_PER_GROUP:
                writer.write_table(pa.Table.from_pylist(batch, schema=sch))
                batch = []
        if batch:
            writer.write_table(pa.Table.from_pylist(batch, schema=sch))
