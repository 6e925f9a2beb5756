"""Regenerates the golden reports of seeds/ (`make goldens`). Review the diff before committing."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims import Article, Engine  # noqa: E402

SEEDS = {"us-minerals-supply-chain.txt": "2025-12-01"}


def main() -> None:
    engine = Engine.default()
    for name, published in SEEDS.items():
        path = ROOT / "seeds" / name
        report = engine.check(Article(text=path.read_text(encoding="utf-8"), published=published))
        out = path.with_suffix(".expected.json")
        out.write_text(json.dumps(json.loads(report.model_dump_json()), indent=2,
                                  ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
