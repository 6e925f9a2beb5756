"""How fast `claims audit` runs, against how fast the engine alone runs (`make bench-audit`).

    python -m claims.audit.bench [--articles 20000] [--corpus DIR] [--workdir .bench/audit]

1. Writes the shared corpus (../shared/corpus, or $CLAIMS_CORPUS), repeated until it has
   `--articles` articles, as 20 JSONL files in the (git-ignored) work folder. Corpus text is
   never written anywhere else.
2. Single-core engine throughput: the same articles checked one after another in this
   process (`Engine.check`, nothing else), articles/s.
3. The audit, end to end (listing, planning, worker start-up, reading, checking, JSON,
   writing, fsync, rename) with 1 worker, with 2, with every core, and on a Dask
   LocalCluster of one single-threaded worker process per core.

The figure of merit is the all-core audit's articles/s over (cores x single-core engine
articles/s): how much of the machine the audit turns into checking.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time
from pathlib import Path

FILES = 20


def make_input(corpus_root: Path | None, n: int, folder: Path) -> list[Path]:
    from claims.evaluation import load_corpus

    stamp = folder / "manifest.json"
    docs = load_corpus(corpus_root).docs
    want = {"articles": n, "corpus": str(corpus_root or "default"), "docs": len(docs)}
    paths = [folder / f"archive-{i:02d}.jsonl" for i in range(FILES)]
    if stamp.exists() and json.loads(stamp.read_text()) == want and all(p.exists() for p in paths):
        return paths
    folder.mkdir(parents=True, exist_ok=True)
    per_file = -(-n // FILES)
    handles = [open(p, "w", encoding="utf-8") for p in paths]
    try:
        for i in range(n):
            d = docs[i % len(docs)]
            record = {"id": f"{d.id}~{i // len(docs)}", "title": d.title,
                      "published": d.published, "text": d.text}
            handles[i // per_file].write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        for h in handles:
            h.close()
    stamp.write_text(json.dumps(want))
    return paths


def engine_alone(paths: list[Path]) -> dict:
    """Single-core engine throughput: check() on every article, in this one process."""
    from claims import Article, Engine

    engine = Engine.default()
    articles = []
    for p in paths:
        for line in p.read_text("utf-8").splitlines():
            r = json.loads(line)
            articles.append(Article(text=r["text"], id=r["id"], title=r["title"],
                                    published=r["published"]))
    engine.check(articles[0])
    t, cpu = time.perf_counter(), time.process_time()
    for a in articles:
        engine.check(a)
    secs, cpu = time.perf_counter() - t, time.process_time() - cpu
    return {"articles": len(articles), "seconds": secs, "articles_per_s": len(articles) / secs,
            "cpu_seconds": cpu}


def audit(paths: list[Path], out: Path, engine: str, workers: int) -> dict:
    from claims.audit import AuditOptions, run_audit

    t, cpu = time.perf_counter(), _cpu()
    result = run_audit(AuditOptions(inputs=[str(p) for p in paths], out=out, engine=engine,
                                    workers=workers, restart=True, progress=False))
    wall, cpu = time.perf_counter() - t, _cpu() - cpu
    out.unlink()
    return {"engine": engine, "workers": result.workers, "articles": result.records,
            "seconds": wall, "articles_per_s": result.records / wall, "cpu_seconds": cpu,
            "check_phase_articles_per_s": result.checked_per_s,
            "load_after": os.getloadavg()[0]}


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the worker processes,
    joined when an audit ends): what the audit cost, whatever else ran on the machine."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def main(argv=None) -> int:
    from claims.audit.local import default_workers

    p = argparse.ArgumentParser(prog="python -m claims.audit.bench", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, default=20_000)
    p.add_argument("--corpus", type=Path, help="corpus folder (default: ../shared/corpus)")
    p.add_argument("--workdir", type=Path, default=Path(".bench/audit"))
    p.add_argument("--skip-dask", action="store_true")
    args = p.parse_args(argv)

    cores = default_workers()
    paths = make_input(args.corpus, args.articles, args.workdir / "input")
    size = sum(p.stat().st_size for p in paths)
    print(f"input: {args.articles:,} articles, {size / 1e6:.1f} MB in {len(paths)} JSONL files; "
          f"{cores} cores; load {os.getloadavg()[0]:.2f}", flush=True)
    results = {"cores": cores, "articles": args.articles, "input_bytes": size, "runs": []}
    alone = engine_alone(paths)
    results["engine_alone"] = alone
    print(f"engine alone, 1 core:   {alone['articles_per_s']:8.1f} articles/s "
          f"({alone['seconds']:.1f} s; CPU {alone['cpu_seconds']:.1f} s)", flush=True)
    plan = [("local", 1), ("local", 2)] + ([("local", cores)] if cores > 2 else [])
    if not args.skip_dask:
        plan.append(("dask", cores))
    for engine, workers in plan:
        r = audit(paths, args.workdir / f"out-{engine}-{workers}.jsonl", engine, workers)
        results["runs"].append(r)
        print(f"audit {engine:5s} {workers} workers: {r['articles_per_s']:8.1f} articles/s end to "
              f"end ({r['seconds']:.1f} s; checking phase {r['check_phase_articles_per_s']:.1f}/s;"
              f" CPU {r['cpu_seconds']:.1f} s; load {r['load_after']:.2f})", flush=True)
    runs = {(r["engine"], r["workers"]): r for r in results["runs"]}
    one, all_cores = runs[("local", 1)], runs[("local", cores)]
    results["scaling_1_to_2"] = runs[("local", 2)]["articles_per_s"] / one["articles_per_s"]
    results["efficiency"] = all_cores["articles_per_s"] / (cores * alone["articles_per_s"])
    print(f"scaling 1 -> 2 workers: x{results['scaling_1_to_2']:.2f}")
    print(f"all-core audit / (cores x engine alone): {results['efficiency']:.0%}")
    # CPU per article, engine alone against the whole audit (workers, writer, start-up):
    # the audit's own overhead, which other work on a shared machine does not distort.
    results["cpu_efficiency"] = {
        f"{r['engine']}-{r['workers']}": alone["cpu_seconds"] / r["cpu_seconds"]
        for r in results["runs"]}
    print("engine CPU / audit CPU: " + ", ".join(
        f"{k} {v:.0%}" for k, v in results["cpu_efficiency"].items()))
    (args.workdir / "results.json").write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
