"""`claims bench`: how fast the engine checks real articles."""

from __future__ import annotations

import json
import time

from claims.cli import EXIT_OK, fail


def run(args) -> int:
    from claims import bench

    t = time.perf_counter()
    from claims import Engine
    from claims.errors import RulebookError

    try:
        engine = Engine.load(args.rules_path) if args.rules_path else Engine.default()
    except RulebookError as exc:
        return fail(str(exc))
    startup_ms = (time.perf_counter() - t) * 1000
    engine.full_scan = args.full_scan
    from claims.evaluation import load_corpus

    try:
        corpus = load_corpus(args.corpus)
    except OSError as exc:
        return fail(f"cannot read the corpus: {exc}")
    docs = corpus.docs[: args.limit] if args.limit else corpus.docs
    result = bench.summarize(bench.time_articles(engine, docs, repeat=args.repeat))
    result.startup_ms = startup_ms
    result.memory_mb = bench.rss_mb()
    if args.linearity:
        result.extra["linearity"] = bench.linearity(engine, corpus.docs)
    if args.peers:
        peer = bench.peer_quantulum(docs)
        result.extra["quantulum3"] = None if peer is None else peer.__dict__
    if args.format == "json":
        print(json.dumps(result.__dict__, indent=2, default=str))
        return EXIT_OK
    print(f"{result.articles} articles, {result.chars:,} characters ({corpus.root})")
    print(f"median per article    {result.median_ms:8.3f} ms   (p90 {result.p90_ms:.3f} ms)")
    print(f"median per 4 KB       {result.ms_per_4kb:8.3f} ms")
    print(f"throughput            {result.chars_per_s / 1e6:8.3f} MB/s ({result.chars_per_s:,.0f} chars/s)")
    print(f"start-up (load rules) {startup_ms:8.0f} ms")
    if result.memory_mb:
        print(f"memory (RSS)          {result.memory_mb:8.0f} MB")
    lin = result.extra.get("linearity")
    if lin:
        print(f"\nlinearity: 4 KB article {lin['4 KB article ms']:.2f} ms; "
              f"bound {lin['bound ms (1.2 x 250 x 4 KB)']:.0f} ms")
        for name, v in lin.items():
            if isinstance(v, dict):
                ok = "ok" if v["within bound"] else "OVER"
                print(f"  {name:<30} {v['ms']:9.0f} ms  {v['x 4 KB']:7.0f} x 4 KB  {ok:<4}  "
                      f"{v['outcome']}")
    if args.peers:
        peer = result.extra.get("quantulum3")
        if peer is None:
            print("\nquantulum3 is not installed (pip install quantulum3, or make bench-peers)")
        else:
            ratio = result.chars_per_s / peer["chars_per_s"] if peer["chars_per_s"] else float("inf")
            print(f"\nquantulum3 on the same articles: median {peer['median_ms']:.1f} ms per article, "
                  f"{peer['chars_per_s']:,.0f} chars/s; claims is {ratio:,.0f}x faster")
    if args.per_rule:
        print("\nper extraction rule, all articles, pattern alone over the whole text:")
        for rule_id, secs in bench.rule_costs(engine, docs):
            print(f"  {secs * 1000:8.1f} ms  {rule_id}")
    return EXIT_OK
