"""The `claims` command: parse arguments, call the engine, render. Nothing else.

Exit status like a linter's: 0 when no finding is inconsistent, 1 when one is, 2 for bad
usage, unreadable input or broken rules.
"""

from __future__ import annotations

import argparse
import sys

from claims.version import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="claims",
        description="Find and check quantitative and attributional claims in news articles.",
    )
    p.add_argument("--version", action="version", version=f"claims {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    c = sub.add_parser("check", help="check one article (a file, or - for standard input)")
    c.add_argument("path", metavar="PATH|-")
    c.add_argument("--published", metavar="YYYY-MM-DD", help="publication date (the reference)")
    c.add_argument("--title", help="headline, if not part of the text")
    c.add_argument("--id", help="an identifier echoed in the report")
    c.add_argument("--format", choices=("text", "json", "claimreview"), default="text",
                   help="a table, the Report as JSON, or schema.org ClaimReview JSON-LD")
    c.add_argument("--input", choices=("auto", "text", "html", "markdown"), default="auto",
                   help="how the article is written (auto: by extension, .html .htm .md)")
    c.add_argument("--url", help="where the article is published (for ClaimReview)")
    c.add_argument("--reviewer", default="claims",
                   help="the organization publishing the reviews (for ClaimReview)")
    c.add_argument("--reviewed", metavar="YYYY-MM-DD",
                   help="the review date (for ClaimReview; default today)")
    c.add_argument("--rules", action="append", metavar="ID", help="run only these rules (repeatable)")
    c.add_argument("--skip", action="append", metavar="ID", default=[], help="skip these rules")
    c.add_argument("--offsets", choices=("codepoint", "utf16"), default="codepoint")
    c.add_argument("--rules-path", action="append", default=[], metavar="DIR",
                   help="an extra rule pack (also CLAIMS_RULES_PATH)")

    r = sub.add_parser("rules", help="list, show, test, lint the rules; print their schema")
    rs = r.add_subparsers(dest="rules_command", required=True, metavar="ACTION")
    rl = rs.add_parser("list", help="every rule with its kind and summary")
    rl.add_argument("--rules-path", action="append", default=[], metavar="DIR")
    sh = rs.add_parser("show", help="one rule: its file, summary, pattern and examples")
    sh.add_argument("id")
    sh.add_argument("--rules-path", action="append", default=[], metavar="DIR")
    t = rs.add_parser("test", help="run the examples of the built-in rules or of a pack")
    t.add_argument("path", nargs="?", help="a rule pack folder (default: the built-in rules)")
    t.add_argument("-v", "--verbose", action="store_true", help="list every example")
    li = rs.add_parser("lint", help="load a pack and report every problem in it")
    li.add_argument("path", nargs="?", help="a rule pack folder (default: the built-in rules)")
    rs.add_parser("schema", help="the JSON Schema of rule files, for editors")

    e = sub.add_parser("eval", help="score the engine against gold annotations")
    e.add_argument("--corpus", metavar="DIR", help="corpus folder (default: $CLAIMS_CORPUS or "
                   "../shared/corpus)")
    e.add_argument("--task", action="append", metavar="NAME", help="score only this task")
    e.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    e.add_argument("--errors", type=int, default=0, metavar="N",
                   help="also list what went wrong behind the scores, by category, with up to "
                   "N examples each (json: every error)")
    e.add_argument("--rules-path", action="append", default=[], metavar="DIR")

    b = sub.add_parser("bench", help="time the engine on a corpus of real articles")
    b.add_argument("--corpus", metavar="DIR", help="corpus folder (default: as for eval)")
    b.add_argument("--repeat", type=int, default=5, help="runs per article (median taken)")
    b.add_argument("--limit", type=int, default=0, help="only the first N articles")
    b.add_argument("--per-rule", action="store_true", help="also time each rule alone")
    b.add_argument("--linearity", action="store_true",
                   help="also time a 1 MB article and adversarial inputs against 250 x 4 KB")
    b.add_argument("--peers", action="store_true", help="also time quantulum3, if installed")
    b.add_argument("--full-scan", action="store_true",
                   help="scan every pattern over the whole text (the executor before narrowing)")
    b.add_argument("--format", choices=("text", "json"), default="text")
    b.add_argument("--rules-path", action="append", default=[], metavar="DIR")

    from claims.cli.audit import add_parser as add_audit

    add_audit(sub)

    s = sub.add_parser("serve", help="run the HTTP API")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--workers", type=int, default=1, help="worker processes (one per core)")
    s.add_argument("--server", choices=("granian", "uvicorn"), default="granian",
                   help="the ASGI server (default granian)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "check":
        from claims.cli.check import run
    elif args.command == "rules":
        from claims.cli.rules import run
    elif args.command == "bench":
        from claims.cli.bench import run
    elif args.command == "eval":
        from claims.cli.eval import run
    elif args.command == "serve":
        from claims.cli.serve import run
    elif args.command == "audit":
        from claims.cli.audit import run
    else:  # pragma: no cover - argparse refuses unknown commands
        return EXIT_USAGE
    try:
        return run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


def fail(message: str) -> int:
    print(f"claims: error: {message}", file=sys.stderr)
    return EXIT_USAGE
