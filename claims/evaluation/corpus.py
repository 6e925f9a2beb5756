"""Reading a corpus folder: `<source>/articles.jsonl` and `<source>/gold.jsonl`, one article
a line, joined on `id` (the layout of ../shared/corpus, see its README)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

CORPUS_ENV = "CLAIMS_CORPUS"


@dataclass
class Doc:
    id: str
    source: str
    text: str
    published: str | None
    title: str | None
    gold: dict


@dataclass
class Corpus:
    root: Path
    docs: list[Doc] = field(default_factory=list)

    def source(self, *names: str) -> list[Doc]:
        return [d for d in self.docs if d.source in names]

    @property
    def sources(self) -> list[str]:
        return sorted({d.source for d in self.docs})


def default_corpus_root() -> Path:
    """$CLAIMS_CORPUS, else ../shared/corpus beside the checkout."""
    env = os.environ.get(CORPUS_ENV)
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def load_corpus(root: Path | None = None) -> Corpus:
    root = Path(root) if root else default_corpus_root()
    corpus = Corpus(root)
    folders = [root] if (root / "articles.jsonl").exists() else sorted(
        p for p in root.iterdir() if (p / "articles.jsonl").exists()
    )
    for folder in folders:
        gold = {}
        gold_path = folder / "gold.jsonl"
        if gold_path.exists():
            for line in gold_path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    g = json.loads(line)
                    gold[g["id"]] = g
        for line in (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            a = json.loads(line)
            corpus.docs.append(Doc(
                id=a["id"], source=a.get("source") or folder.name, text=a["text"],
                published=a.get("published"), title=a.get("title"), gold=gold.get(a["id"], {}),
            ))
    return corpus
