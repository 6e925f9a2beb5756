"""`claims rules list|show|test|lint|schema`."""

from __future__ import annotations

import json
from pathlib import Path

from claims.cli import EXIT_FINDINGS, EXIT_OK, fail


def run(args) -> int:
    from claims.errors import RulebookError

    action = args.rules_command
    if action == "schema":
        from claims.rulebook.spec import json_schema

        print(json.dumps(json_schema(), indent=2))
        return EXIT_OK
    try:
        if action == "lint":
            return _lint(args)
        engine = _engine(args)
    except RulebookError as exc:
        return fail(str(exc))
    if action == "list":
        for r in engine.rulebook.rules:
            kind = r.spec.check if r.kind == "check" else r.kind
            print(f"{r.id:<40} {kind:<26} {r.summary}")
        return EXIT_OK
    if action == "show":
        return _show(engine, args.id)
    return _test(engine, args)


def _engine(args):
    from claims import Engine

    paths = list(getattr(args, "rules_path", []) or [])
    if getattr(args, "path", None):
        paths.append(args.path)
    return Engine.load(paths) if paths else Engine.default()


def _show(engine, rule_id: str) -> int:
    from claims.errors import UnknownRule

    try:
        rule = engine.rulebook.get(rule_id)
    except UnknownRule as exc:
        return fail(str(exc))
    print(f"{rule.id}  ({rule.path})")
    print(Path(rule.path).read_text(encoding="utf-8").rstrip())
    return EXIT_OK


def _lint(args) -> int:
    from claims.rulebook import load_rulebook

    paths = [Path(args.path)] if args.path else []
    from claims.rulebook.lint import lint

    book = load_rulebook(paths)  # raises RulebookError with every problem
    warnings = [*book.warnings, *lint(book)]
    for w in warnings:
        print(w.format())
    n = len(book.extraction) + len(book.checks)
    where = args.path or "the built-in rules"
    count = len(warnings)
    print(f"{where}: {n} rules load cleanly"
          + (f", {count} warning{'s' if count != 1 else ''}" if count else ""))
    return EXIT_OK


def _test(engine, args) -> int:
    from claims.rulebook.examples import run_examples

    root = Path(args.path).resolve() if args.path else None
    passed = failed = todo = fixed = 0
    for rule in engine.rulebook.rules:
        if root is not None and root not in Path(rule.path).resolve().parents:
            continue
        for outcome in run_examples(engine, rule):
            ex = outcome.example
            if outcome.todo:
                if outcome.ok:
                    fixed += 1
                    print(f"FIXED  {ex.rule}[{ex.label}]: a known miss now passes; promote it")
                else:
                    todo += 1
                    if args.verbose:
                        print(f"todo   {ex.rule}[{ex.label}]: {ex.todo_reason}")
            elif outcome.ok:
                passed += 1
                if args.verbose:
                    print(f"ok     {ex.rule}[{ex.label}]")
            else:
                failed += 1
                print(f"FAIL   {ex.rule}[{ex.label}]: {outcome.detail}")
    print(f"{passed} passed, {failed} failed, {todo} known misses" + (f", {fixed} fixed" if fixed else ""))
    return EXIT_FINDINGS if failed or fixed else EXIT_OK
