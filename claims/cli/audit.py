"""`claims audit INPUT... --out FILE`: check a whole archive, resumably, on every core."""

from __future__ import annotations

import sys
from pathlib import Path

from claims.audit.sources import INPUT_FORMATS
from claims.cli import EXIT_FINDINGS, EXIT_OK, fail

SIZES = {"": 1, "k": 1 << 10, "kb": 1 << 10, "m": 1 << 20, "mb": 1 << 20, "g": 1 << 30,
         "gb": 1 << 30}


def add_parser(sub) -> None:
    a = sub.add_parser(
        "audit", help="check a whole archive: JSONL, CSV, Parquet, folders of .txt/.md/.html",
        description="Check every article of an archive and write one Report per article. "
        "Interrupted (even by kill -9), the same command resumes where it stopped.")
    a.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="files, folders or globs; local or any fsspec URL (s3://bucket/*.jsonl)")
    a.add_argument("--out", required=True, metavar="FILE",
                   help="the output: FILE.jsonl (one Report per line) or FILE.parquet")
    a.add_argument("--report", metavar="FILE.html", help="also write an HTML page for editors")
    a.add_argument("--engine", choices=("local", "dask"), default="local")
    a.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler, e.g. tcp://HOST:8786 (default with --engine dask: a "
                   "LocalCluster of --workers processes)")
    a.add_argument("--workers", type=int, metavar="N",
                   help="worker processes (default: one per core)")
    for what, default in (("id", "id"), ("text", "text"), ("title", "title"),
                          ("date", "published, else date")):
        a.add_argument(f"--{what}-field", metavar="NAME",
                       help=f"the field holding the article's {what} (default: {default})")
    a.add_argument("--input-format", choices=INPUT_FORMATS,
                   help="read every input as this format (default: from the file suffix)")
    a.add_argument("--partition-size", default="1MB", metavar="BYTES",
                   help="input bytes per unit of work (default 1MB; e.g. 256KB, 8MB)")
    a.add_argument("--restart", action="store_true",
                   help="discard an unfinished earlier run of this audit instead of resuming")
    a.add_argument("--top", type=int, default=100, metavar="N",
                   help="flagged articles shown with their text in --report (default 100)")
    a.add_argument("--no-progress", action="store_true", help="no progress bar or lines")
    a.add_argument("--progress-every", type=float, default=10.0, metavar="SECONDS",
                   help="seconds between progress lines when not on a terminal (default 10)")
    a.add_argument("--rules-path", action="append", default=[], metavar="DIR",
                   help="an extra rule pack (also CLAIMS_RULES_PATH)")


def run(args) -> int:
    from claims.audit import AuditOptions, Fields, run_audit
    from claims.audit.summary import render_summary
    from claims.errors import ClaimsError

    size = parse_size(args.partition_size)
    if size is None:
        return fail(f"--partition-size {args.partition_size!r} is not a size (e.g. 1MB, 256KB)")
    if args.workers is not None and args.workers < 1:
        return fail("--workers must be at least 1")
    if args.scheduler and args.engine != "dask":
        return fail("--scheduler needs --engine dask")
    out = Path(args.out)
    if "://" in args.out:
        return fail("--out must be a local file; copy it to object storage afterwards")
    if out.suffix.lower() not in (".jsonl", ".ndjson", ".parquet", ".pq"):
        return fail(f"--out {args.out}: name it .jsonl or .parquet")
    options = AuditOptions(
        inputs=args.inputs, out=out,
        fields=Fields(id=args.id_field, text=args.text_field, title=args.title_field,
                      date=args.date_field),
        input_format=args.input_format, engine=args.engine, workers=args.workers,
        scheduler=args.scheduler, partition_size=size, restart=args.restart,
        report=Path(args.report) if args.report else None, keep=args.top,
        rules_paths=tuple(args.rules_path), progress=not args.no_progress,
        progress_every=args.progress_every,
    )
    try:
        result = run_audit(options)
    except ClaimsError as exc:
        return fail(str(exc))
    except OSError as exc:
        return fail(f"{exc}")
    except KeyboardInterrupt:
        print(f"claims audit: interrupted; run the same command again to resume "
              f"(or add --restart to start over)", file=sys.stderr)
        return 130
    print(render_summary(result.tally))
    resumed = f", {result.resumed:,} of them from an interrupted run" if result.resumed else ""
    print(f"\n{result.out}: {result.records:,} lines{resumed}; {result.engine} engine, "
          f"{result.workers} workers, {result.checked_per_s:,.1f} articles/s, "
          f"{result.seconds:,.1f} s in all")
    if result.report:
        print(f"{result.report}: the report for editors")
    return EXIT_FINDINGS if result.tally.inconsistent else EXIT_OK


def parse_size(text: str) -> int | None:
    t = text.strip().lower().replace(" ", "")
    digits = t.rstrip("kmgb")
    try:
        n = float(digits) * SIZES[t[len(digits):]]
    except (ValueError, KeyError):
        return None
    return int(n) if n >= 1 else None
