"""`claims eval`: score the engine against gold annotations (see claims/evaluation)."""

from __future__ import annotations

import importlib
import json
import pkgutil

from claims.cli import EXIT_OK, fail


def _load_tasks():
    import claims.evaluation as ev

    for info in pkgutil.iter_modules(ev.__path__):
        if info.name.startswith("task_"):
            importlib.import_module(f"claims.evaluation.{info.name}")
    return ev.TASKS


def run(args) -> int:
    from claims import Engine
    from claims.errors import RulebookError
    from claims.evaluation import load_corpus

    tasks = _load_tasks()
    wanted = args.task or sorted(tasks)
    unknown = [t for t in wanted if t not in tasks]
    if unknown:
        return fail(f"unknown task {', '.join(unknown)}; known: {', '.join(sorted(tasks))}")
    try:
        engine = Engine.load(args.rules_path) if args.rules_path else Engine.default()
    except RulebookError as exc:
        return fail(str(exc))
    try:
        corpus = load_corpus(args.corpus)
    except OSError as exc:
        return fail(f"cannot read the corpus: {exc}")
    scores = []
    for name in wanted:
        scores.extend(tasks[name].fn(engine, corpus))
    if args.format == "json":
        print(json.dumps([_as_dict(s, errors=args.errors > 0) for s in scores], indent=2))
    else:
        print(_table(scores, markdown=args.format == "markdown"))
        if args.errors > 0:
            print(_errors(scores, args.errors))
    return EXIT_OK


def _as_dict(s, errors: bool = False) -> dict:
    d = {"task": s.task, "measure": s.measure, "corpus": s.corpus, "figure": round(s.figure, 4),
         "target": s.target, "maximum": s.maximum, "met": s.met, "note": s.note}
    if s.prf:
        d.update(tp=s.prf.tp, fp=s.prf.fp, fn=s.prf.fn, precision=round(s.prf.precision, 4),
                 recall=round(s.prf.recall, 4))
    d.update(s.extra)
    if errors:
        d["errors"] = s.errors
    return d


def _errors(scores, per_category: int) -> str:
    """What went wrong behind each row that keeps a record of it, by category (largest
    first), with up to `per_category` located examples each."""
    out = []
    for s in scores:
        if not s.errors:
            continue
        groups: dict[str, list[dict]] = {}
        for e in s.errors:
            groups.setdefault(e["category"], []).append(e)
        out.append(f"\n{s.measure} ({s.corpus}): {len(s.errors)} errors")
        for category, items in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            out.append(f"  {category} ({len(items)})")
            for e in items[:per_category]:
                out.append(f"    {e['doc']} {e['start']}-{e['end']} {_detail(e)}")
                out.append(f"      {e['context']}")
    return "\n".join(out)


def _detail(e: dict) -> str:
    parts = []
    for key in ("gold", "found", "what", "message"):
        if e.get(key) is not None:
            parts.append(f"{key}: {e[key]}")
    return "  ".join(parts)


def _table(scores, markdown: bool) -> str:
    head = ["measure", "corpus", "P", "R", "F1 / acc", "target", "note"]
    rows = []
    for s in scores:
        p = f"{s.prf.precision:.3f}" if s.prf else ""
        r = f"{s.prf.recall:.3f}" if s.prf else ""
        target = "" if s.target is None else f"≥ {s.target:.2f} {'✓' if s.met else '✗'}"
        if s.maximum is not None:
            target = f"≤ {s.maximum:.2f} {'✓' if s.met else '✗'}"
        rows.append([s.measure, s.corpus, p, r, f"{s.figure:.3f}", target, s.note])
    if markdown:
        out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        out += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(out)
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    return "\n".join([fmt.format(*head), fmt.format(*("-" * w for w in widths)),
                      *(fmt.format(*row) for row in rows)])
