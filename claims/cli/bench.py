"""`claims bench`: how fast the engine checks real articles."""

from __future__ import annotations

import json
import time

from claims.cli import EXIT_OK, fail


def run(args) -> int:
    from claims.bench import rule_costs, summarize, time_articles
    from claims.evaluation import load_corpus

    t = time.perf_counter()
    from claims import Engine
    from claims.errors import RulebookError

    try:
        engine = Engine.load(args.rules_path) if args.rules_path else Engine.default()
    except RulebookError as exc:
        return fail(str(exc))
    startup_ms = (time.perf_counter() - t) * 1000
    try:
        corpus = load_corpus(args.corpus)
    except OSError as exc:
        return fail(f"cannot read the corpus: {exc}")
    docs = corpus.docs[: args.limit] if args.limit else corpus.docs
    result = summarize(time_articles(engine, docs, repeat=args.repeat))
    result.startup_ms = startup_ms
    if args.format == "json":
        print(json.dumps(result.__dict__, indent=2))
    else:
        print(f"{result.articles} articles, {result.chars:,} characters ({corpus.root})")
        print(f"median per article   {result.median_ms:8.2f} ms   (p90 {result.p90_ms:.2f} ms)")
        print(f"median per 4 KB      {result.ms_per_4kb:8.2f} ms")
        print(f"throughput           {result.chars_per_s / 1e6:8.3f} MB/s ({result.chars_per_s:,.0f} chars/s)")
        print(f"start-up (load rules){startup_ms:8.0f} ms")
    if args.per_rule:
        print("\nper extraction rule, all articles, pattern alone:")
        for rule_id, secs in rule_costs(engine, docs):
            print(f"  {secs * 1000:8.1f} ms  {rule_id}")
    return EXIT_OK
