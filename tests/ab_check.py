"""CPU time of `check()` over the whole corpus for the code in one checkout: run it for two
checkouts alternately to compare them (this machine's speed drifts by tens of percent within
an hour, so only figures taken side by side compare).

    git worktree add /tmp/base <rev>
    .venv/bin/python tests/ab_check.py /tmp/base; .venv/bin/python tests/ab_check.py .   # repeat

Prints the minimum and the median of N passes (default 5) after a warm-up pass.
"""

from __future__ import annotations

import gc
import statistics
import os
import sys
import time
from pathlib import Path

# The corpus beside this checkout, for a checkout to compare that lives elsewhere.
_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
if _CORPUS.is_dir():
    os.environ.setdefault("CLAIMS_CORPUS", str(_CORPUS))


def main() -> int:
    root = str(Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve())
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    sys.path.insert(0, root)
    from claims import Article, Engine
    from claims.evaluation import load_corpus

    engine = Engine.default().warm()
    articles = [Article(text=d.text, published=d.published) for d in load_corpus().docs]
    for a in articles:
        engine.check(a)
    gc.disable()
    times = []
    for _ in range(runs):
        start = time.process_time()
        for a in articles:
            engine.check(a)
        times.append(time.process_time() - start)
    print(f"{root}: {len(articles)} articles, min {min(times) * 1000:.0f} ms, "
          f"median {statistics.median(times) * 1000:.0f} ms CPU per pass")
    return 0


if __name__ == "__main__":
    sys.exit(main())
