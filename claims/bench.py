"""Speed of the engine on real articles: `claims bench` (and `make bench`).

Each article is checked `repeat` times after a warm-up; its time is the median of those
runs. Reported: the median time per article, milliseconds per 4 KB, throughput in
characters per second (total characters / total of the per-article medians), start-up,
memory, linearity (a 1 MB article against 250 articles of 4 KB) and adversarial inputs,
and optionally what each extraction rule costs and how fast a peer library is on the
same articles.

Times are CPU time of this process (time.process_time): on a shared machine wall-clock
time measures the neighbours too.
"""

from __future__ import annotations

import gc
import statistics
import time
from dataclasses import dataclass, field

from claims.model.article import Article

clock = time.process_time


@dataclass
class BenchResult:
    articles: int
    chars: int
    median_ms: float
    p90_ms: float
    ms_per_4kb: float
    chars_per_s: float
    startup_ms: float | None = None
    memory_mb: float | None = None
    extra: dict = field(default_factory=dict)


def time_articles(engine, docs, repeat: int = 5) -> list[tuple[int, float]]:
    """(length, median seconds) per article."""
    out = []
    for d in docs:
        article = Article(text=d.text, published=d.published)
        engine.check(article)  # warm
        runs = []
        for _ in range(repeat):
            t = clock()
            engine.check(article)
            runs.append(clock() - t)
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
    """Seconds each extraction rule's pattern takes over all the texts, alone, scanning
    the whole text (what it would cost without the narrowing of claims/scan.py)."""
    texts = [d.text for d in docs]
    out = []
    for rule in engine.rulebook.extraction:
        t = clock()
        for text in texts:
            for _ in rule.regex.finditer(text):
                pass
        out.append((rule.id, clock() - t))
    return sorted(out, key=lambda x: -x[1])


def time_once(engine, text: str, repeat: int = 3) -> tuple[float, str]:
    """Median seconds to check `text`, and the outcome: a claim count or the refusal."""
    from claims.errors import InputError

    article = Article(text=text, published="2025-12-01")
    runs, outcome = [], ""
    for _ in range(repeat):
        gc.collect()
        t = clock()
        try:
            outcome = f"{len(engine.check(article).claims)} claims"
        except InputError as exc:
            outcome = f"refused ({exc.code})"
        runs.append(clock() - t)
    return statistics.median(runs), outcome


def linearity(engine, docs, size: int = 1_000_000) -> dict:
    """A 1 MB article made of real articles, against 250 times a 4 KB one, and inputs
    built to make rules go quadratic."""
    pieces, n = [], 0
    for d in docs:
        pieces.append(d.text)
        n += len(d.text) + 2
        if n >= size:
            break
    while n < size:
        pieces += pieces
        n *= 2
    big = "\n\n".join(pieces)[:size]
    four_kb = big[:4096]
    unit, _ = time_once(engine, four_kb, repeat=7)
    bound = 1.2 * 250 * unit
    cases = {
        "1 MB of articles": big,
        "1 MB of digits": "7" * size,
        "1 MB of commas": "," * size,
        "1 MB of quote marks": '"' * size,
        "1 MB of 'and'": ("and " * (size // 4))[:size],
        "1 MB of one repeated number": ("42 per cent, " * (size // 13))[:size],
    }
    out = {"4 KB article ms": unit * 1000, "bound ms (1.2 x 250 x 4 KB)": bound * 1000}
    for name, text in cases.items():
        secs, outcome = time_once(engine, text, repeat=1)
        out[name] = {"ms": secs * 1000, "x 4 KB": secs / unit, "within bound": secs <= bound,
                     "outcome": outcome}
    return out


def peer_quantulum(docs, repeat: int = 1) -> BenchResult | None:
    """quantulum3 (pip install quantulum3) on the same articles, if installed."""
    try:
        import warnings

        warnings.filterwarnings("ignore")
        from quantulum3 import parser
    except ImportError:
        return None
    parser.parse("warm up 10 miles")
    timings = []
    for d in docs:
        runs = []
        for _ in range(repeat):
            t = clock()
            parser.parse(d.text)
            runs.append(clock() - t)
        timings.append((len(d.text), statistics.median(runs)))
    return summarize(timings)


def rss_mb() -> float | None:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None
