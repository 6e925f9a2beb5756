"""Speed of the engine on real articles: `claims bench` (and `make bench`).

Each article is checked `repeat` times after a warm-up; its time is the median of those
runs. Reported: the median time per article, milliseconds per 4 KB, throughput in
characters per second (total characters / total of the per-article medians), and
optionally what each extraction rule costs on its own.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

from claims.model.article import Article


@dataclass
class BenchResult:
    articles: int
    chars: int
    median_ms: float
    p90_ms: float
    ms_per_4kb: float
    chars_per_s: float
    startup_ms: float | None = None


def time_articles(engine, docs, repeat: int = 5) -> list[tuple[int, float]]:
    """(length, median seconds) per article."""
    out = []
    for d in docs:
        article = Article(text=d.text, published=d.published)
        engine.check(article)  # warm
        runs = []
        for _ in range(repeat):
            t = time.perf_counter()
            engine.check(article)
            runs.append(time.perf_counter() - t)
        out.append((len(d.text), statistics.median(runs)))
    return out


def summarize(timings: list[tuple[int, float]]) -> BenchResult:
    times = sorted(t for _, t in timings)
    chars = sum(n for n, _ in timings)
    total = sum(times)
    per_4kb = statistics.median(t / n * 4096 for n, t in timings if n)
    return BenchResult(
        articles=len(timings), chars=chars,
        median_ms=statistics.median(times) * 1000,
        p90_ms=times[int(0.9 * (len(times) - 1))] * 1000,
        ms_per_4kb=per_4kb * 1000,
        chars_per_s=chars / total if total else 0.0,
    )


def rule_costs(engine, docs) -> list[tuple[str, float]]:
    """Seconds each extraction rule's pattern takes over all the texts, alone."""
    texts = [d.text for d in docs]
    out = []
    for rule in engine.rulebook.extraction:
        t = time.perf_counter()
        for text in texts:
            for _ in rule.regex.finditer(text):
                pass
        out.append((rule.id, time.perf_counter() - t))
    return sorted(out, key=lambda x: -x[1])
