"""`claims check`: one article in, a table or the Report out."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from claims.cli import EXIT_FINDINGS, EXIT_OK, fail
from claims.cli.render import render_report


def run(args) -> int:
    from claims import Article, CheckOptions, Engine
    from claims.errors import InputError, RulebookError

    try:
        text = sys.stdin.read() if args.path == "-" else Path(args.path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return fail(f"cannot read {args.path}: {exc}")
    published = None
    if args.published:
        try:
            published = dt.date.fromisoformat(args.published)
        except ValueError:
            return fail(f"--published {args.published!r} is not a date (YYYY-MM-DD)")
    try:
        engine = Engine.load(args.rules_path) if args.rules_path else Engine.default()
    except RulebookError as exc:
        return fail(str(exc))
    try:
        reviewed = dt.date.fromisoformat(args.reviewed) if args.reviewed else dt.date.today()
    except ValueError:
        return fail(f"--reviewed {args.reviewed!r} is not a date (YYYY-MM-DD)")
    options = CheckOptions(offsets=args.offsets, rules=args.rules, skip_rules=args.skip)
    article = Article(text=text, id=args.id, title=args.title, published=published,
                      format=_input_format(args))
    try:
        report = engine.check(article, options)
    except InputError as exc:
        return fail(str(exc))
    if args.format == "json":
        print(report.model_dump_json(indent=2))
    elif args.format == "claimreview":
        from claims.exports import claim_review

        doc = claim_review(report, text, url=args.url, reviewer=args.reviewer, reviewed=reviewed,
                           text_format=article.format)
        print(json.dumps(doc, indent=2, ensure_ascii=False))
    else:
        name = "stdin" if args.path == "-" else Path(args.path).name
        print(render_report(report, name))
    inconsistent = any(f.verdict == "inconsistent" for f in report.findings)
    return EXIT_FINDINGS if inconsistent else EXIT_OK


def _input_format(args) -> str:
    if args.input != "auto":
        return args.input
    suffix = Path(args.path).suffix.lower() if args.path != "-" else ""
    return {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown"}.get(
        suffix, "text")
