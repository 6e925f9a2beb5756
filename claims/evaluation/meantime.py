"""What MEANTIME's original CAT XML says that `gold.jsonl` does not: which sentences were
annotated at all, and which entity mentions corefer.

MEANTIME annotates only each article's title, dateline and first few sentences (the
annotators stopped after about six sentences). A number found after that region is not a
false positive, it is simply outside the gold; scorers clip to the region this module
finds: from the start of the text to the end of the last sentence holding any markable.

The text in `articles.jsonl` was rebuilt from the XML tokens (see the corpus README), so
each token is found again in order, skipping only whitespace; PTB quotes ("``", "''")
were turned into `"` and a single backquote into `'`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

_DETOKENIZED = {"``": '"', "''": '"', "`": "'"}


@dataclass
class MeantimeDoc:
    """The parts of one MEANTIME XML file a scorer needs."""

    region: tuple[int, int]  # the annotated characters [start, end)
    # mention m_id -> entity instance m_id (REFERS_TO), and the entity's descriptor
    refers_to: dict[str, str] = field(default_factory=dict)
    descriptors: dict[str, str] = field(default_factory=dict)


def xml_path(root: Path, doc_id: str) -> Path | None:
    """`meantime:1173` -> <root>/meantime_wikinews/original/.../corpus_*/1173_*.xml."""
    number = doc_id.split(":", 1)[-1]
    base = Path(root)
    for folder in (base / "meantime_wikinews" / "original", base / "original"):
        hits = sorted(folder.glob(f"intra-doc_annotation/*/{number}_*.xml"))
        if hits:
            return hits[0]
    return None


@lru_cache(maxsize=256)
def read_meantime(path: Path, text: str) -> MeantimeDoc:
    tree = ET.parse(path).getroot()
    tokens = [(t.get("t_id"), int(t.get("sentence")), t.text or "") for t in tree.iter("token")]
    offsets = _align(tokens, text)
    sentence_of = {tid: s for tid, s, _ in tokens}
    annotated = set()
    markables = tree.find("Markables")
    for markable in markables if markables is not None else ():
        for anchor in markable.iter("token_anchor"):
            annotated.add(sentence_of[anchor.get("t_id")])
    end = len(text)
    if annotated:
        following = [offsets[tid][0] for tid, s, _ in tokens
                     if s == max(annotated) + 1 and tid in offsets]
        end = min(following, default=len(text))
    doc = MeantimeDoc(region=(0, end))
    if markables is not None:
        for entity in markables.iter("ENTITY"):
            doc.descriptors[entity.get("m_id")] = (entity.get("TAG_DESCRIPTOR") or "").strip()
    relations = tree.find("Relations")
    for rel in relations.iter("REFERS_TO") if relations is not None else ():
        target = rel.find("target")
        if target is None:
            continue
        for source in rel.iter("source"):
            doc.refers_to[source.get("m_id")] = target.get("m_id")
    return doc


def _align(tokens, text: str) -> dict[str, tuple[int, int]]:
    """Character span of each token in the rebuilt text; tokens that cannot be found
    (none in the current corpus) are left out rather than guessed."""
    out = {}
    pos = 0
    for tid, _, surface in tokens:
        surface = _DETOKENIZED.get(surface, surface)
        i = text.find(surface, pos)
        if i < 0 or text[pos:i].strip():
            continue
        out[tid] = (i, i + len(surface))
        pos = i + len(surface)
    return out


def chain_texts(doc: MeantimeDoc, mention_id: str, mention_texts: dict[str, str]) -> list[str]:
    """Every way the text names the entity `mention_id` refers to, and its descriptor."""
    entity = doc.refers_to.get(mention_id)
    if entity is None:
        return [mention_texts[mention_id]] if mention_id in mention_texts else []
    names = [t for m, t in mention_texts.items() if doc.refers_to.get(m) == entity]
    if mention_id in mention_texts and mention_texts[mention_id] not in names:
        names.append(mention_texts[mention_id])
    if doc.descriptors.get(entity):
        names.append(doc.descriptors[entity])
    return names
