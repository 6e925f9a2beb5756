"""Every corpus article's full report, as JSON, and its hash: proof that a change meant
to be invisible (a speed-up) is, and a diffable record of what a rule change moved.

    .venv/bin/python tests/snapshot_reports.py before.json            # the code in this checkout
    .venv/bin/python tests/snapshot_reports.py after.json --root /path/to/other/checkout

Reads the corpus from $CLAIMS_CORPUS or ../shared/corpus, like `claims eval`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path

# The corpus beside this checkout, for a checkout to compare that lives elsewhere.
_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
if _CORPUS.is_dir():
    os.environ.setdefault("CLAIMS_CORPUS", str(_CORPUS))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("out", help="where to write the reports (JSON, one key per article)")
    p.add_argument("--root", default=str(Path(__file__).resolve().parent.parent),
                   help="the checkout whose code to run")
    args = p.parse_args()
    sys.path.insert(0, args.root)
    from claims import Article, Engine
    from claims.evaluation import load_corpus

    engine = Engine.default()
    reports = {d.id: engine.check(Article(text=d.text, published=d.published)).model_dump(mode="json")
               for d in load_corpus().docs}
    blob = json.dumps(reports, sort_keys=True)
    Path(args.out).write_text(blob, encoding="utf-8")
    print(f"{len(reports)} reports from {args.root}: sha256 {hashlib.sha256(blob.encode()).hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
