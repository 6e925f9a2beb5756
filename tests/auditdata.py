"""Inputs for the audit tests: real Wikinews articles (tests/data/audit, see its README)
plus a few synthetic ones that are known to disagree with themselves, written out as
JSONL, CSV, Parquet and folders of documents."""

from __future__ import annotations

import csv
import html
import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

DATA = ROOT / "tests" / "data" / "audit"

# Says eight, lists seven: checks.count-matches-list flags it.
WRONG_COUNT = ("Officials met with eight allied nations, Japan, South Korea, Australia, India, "
               "Canada, France and Germany, on Monday.\n\nThe talks went on for three days.")
WRONG_TWICE = (WRONG_COUNT + "\n\nLater, five neighbouring states, Chile, Peru and Bolivia, "
               "joined the call.")
RIGHT_COUNT = "The ministers of three countries, Chile, Peru and Bolivia, met in Lima on Friday."


def articles() -> list[dict]:
    """16 articles: 14 real, 2 flagged (one with two inconsistencies) and 1 consistent."""
    real = [json.loads(line) for line in (DATA / "wikinews.jsonl").read_text("utf-8").splitlines()]
    synthetic = [
        {"id": "synthetic:wrong-count", "title": "Allies meet", "published": "2024-03-05",
         "text": WRONG_COUNT},
        {"id": "synthetic:wrong-twice", "title": "Allies meet again", "published": "2024-05-01",
         "text": WRONG_TWICE},
        {"id": "synthetic:right-count", "title": None, "published": None, "text": RIGHT_COUNT},
    ]
    out = real[:7] + synthetic + real[7:]
    for a in out:
        a.pop("url", None)
    return out


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def write_csv(path: Path, records: list[dict], names: dict[str, str] | None = None) -> Path:
    """`names` renames the columns: {'text': 'body', ...}."""
    names = names or {}
    keys = ["id", "title", "published", "text"]
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow([names.get(k, k) for k in keys])
        for r in records:
            w.writerow(["" if r.get(k) is None else r[k] for k in keys])
    return path


def write_parquet(path: Path, records: list[dict], row_group_size: int = 5) -> Path:
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({
        "id": [r["id"] for r in records],
        "title": [r.get("title") for r in records],
        "published": [dt.date.fromisoformat(r["published"]) if r.get("published") else None
                      for r in records],
        "text": [r["text"] for r in records],
    })
    pq.write_table(table, path, row_group_size=row_group_size)
    return path


def html_page(record: dict) -> str:
    """A news page as a CMS renders it: navigation, the story, a footer."""
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in record["text"].split("\n\n"))
    title = html.escape(record.get("title") or "Untitled")
    return (f"<!doctype html><html><head><title>{title} | The Daily</title>"
            f"<meta property='article:published_time' content='{record['published']}'></head>"
            f"<body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
            f"<article><h1>{title}</h1>{paras}</article>"
            f"<footer>Copyright The Daily. All rights reserved.</footer></body></html>")


def claims_cli(*args, cwd=ROOT, **kw):
    return subprocess.run([sys.executable, "-m", "claims", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, **kw)


def read_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]
