"""Who speaks each GUM direct quote, from GUM's own gold syntax and coreference.

GUM tags direct speech (`quote`) but names no speaker. Its CoNLL-U files, though, carry
gold dependencies and gold coreference (`Entity=` in MISC), from which the speaker
follows without any of our rules:

1. the quote's tokens are found in the article text (the text was rebuilt from these
   files, so every token is found again in order);
2. a verb outside the quote, in a sentence the quote touches, is *linked* to it when the
   verb heads a quote token as a clause (`ccomp`, `parataxis`, `csubj`, `dep`: 'she
   said: "..."'), or a quote token heads the verb as `parataxis` or `ccomp` ('"...," she
   said' in UD); a quoted phrase that is only an object, a complement or a modifier of
   the verb ('We need to "make sure..."', 'stored in "approved security cabinets"') gets
   its speaker from rule 4 or none;
3. such a verb's nominal subject (`nsubj`, `nsubj:pass`), outside the quote, is the
   speaker; its smallest entity mention gives the coreference chain;
4. a quote with no such verb shares the speaker of another quote in the same sentence
   ('"A," X told Y, "B."'); failing that, a quote that is a sentence of its own (it
   holds the sentence's root) continues the last quote with a speaker in the same
   paragraph (GUM splits long quotations at sentence boundaries), and takes that
   quote's speaker; a quote with neither is left out of the measure.

The chain is every mention of the entity plus its Wikipedia identity, if any
("Hamdullah_Mohib"), so a predicted speaker may match any name the article uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex

# How a quote hangs on the verb that reports it (UD relations of the quote's top token).
_SAYS = frozenset({"ccomp", "parataxis", "csubj", "dep"})
_OPEN = regex.compile(r"\((\d+)-")
_CLOSE_AT_END = regex.compile(r"(\d+)\)$")


@dataclass
class Token:
    index: int  # position in the document
    id: int  # CoNLL-U id within its sentence
    form: str
    upos: str
    head: int  # CoNLL-U head id within the sentence (0 = root)
    rel: str
    start: int
    end: int
    sentence: int
    paragraph: int


@dataclass
class Mention:
    entity: str
    first: int  # token indexes, inclusive
    last: int
    identity: str = ""


@dataclass
class GumDoc:
    tokens: list[Token] = field(default_factory=list)
    sentences: list[list[Token]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def text_of(self, m: Mention, text: str) -> str:
        return text[self.tokens[m.first].start : self.tokens[m.last].end]

    def chain(self, entity: str, text: str) -> list[str]:
        names = [self.text_of(m, text) for m in self.mentions if m.entity == entity]
        idents = {m.identity for m in self.mentions if m.entity == entity and m.identity}
        return names + [i.replace("_", " ") for i in sorted(idents)]


def conllu_path(root: Path, doc_id: str) -> Path | None:
    name = doc_id.split(":", 1)[-1]
    for folder in (Path(root) / "gum_wikinews" / "original" / "dep", Path(root) / "original" / "dep"):
        path = folder / f"{name}.conllu"
        if path.exists():
            return path
    return None


@lru_cache(maxsize=64)
def read_gum(path: Path, text: str) -> GumDoc:
    doc = GumDoc()
    pos = 0
    paragraph = -1
    opened: dict[str, list[tuple[int, str]]] = {}
    sentence: list[Token] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar"):
            if not line.startswith("# newpar_block"):
                paragraph += 1
            continue
        if line.startswith("# sent_id"):
            sentence = []
            doc.sentences.append(sentence)
            continue
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        form = cols[1]
        at = text.find(form, pos)
        if at < 0 or text[pos:at].strip():
            raise ValueError(f"{path.name}: token {form!r} not found in the text at {pos}")
        pos = at + len(form)
        tok = Token(len(doc.tokens), int(cols[0]), form, cols[3], int(cols[6]), cols[7],
                    at, pos, len(doc.sentences) - 1, max(paragraph, 0))
        doc.tokens.append(tok)
        sentence.append(tok)
        misc = dict(kv.split("=", 1) for kv in cols[9].split("|") if "=" in kv)
        for kind, entity, attrs in _entity_events(misc.get("Entity", ""), opened):
            if kind == "open":
                opened.setdefault(entity, []).append((tok.index, attrs))
            elif kind == "single":
                doc.mentions.append(Mention(entity, tok.index, tok.index, _identity(attrs)))
            else:
                first, attrs = opened[entity].pop()
                if not opened[entity]:
                    del opened[entity]
                doc.mentions.append(Mention(entity, first, tok.index, _identity(attrs)))
    return doc


def _identity(attrs: str) -> str:
    """The Wikipedia identity: the 8th field of GUM's GRP-etype-infstat-salience-centering-
    minspan-link-identity (the group id is already split off)."""
    parts = attrs.split("-", 6)
    return parts[6] if len(parts) == 7 else ""


def _entity_events(value: str, opened: dict) -> list[tuple[str, str, str | None]]:
    """Bracket events of one token's Entity value: "(3-person-...", "(5-...)" (a one-token
    mention) and "3)". A closing "N)" after an attribute string counts only when N is open,
    since identities may end in digits."""
    events: list[tuple[str, str, str | None]] = []
    live = set(opened)
    starts = [m.start() for m in _OPEN.finditer(value)]
    head = value[: starts[0]] if starts else value
    for entity in regex.findall(r"(\d+)\)", head):
        events.append(("close", entity, None))
        live.discard(entity)
    for i, at in enumerate(starts):
        segment = value[at : starts[i + 1]] if i + 1 < len(starts) else value[at:]
        m = _OPEN.match(segment)
        entity, rest = m.group(1), segment[m.end():]
        closers = []
        while True:
            c = _CLOSE_AT_END.search(rest)
            if not c or c.group(1) not in (live | {entity}):
                break
            closers.insert(0, c.group(1))
            rest = rest[: c.start()]
        if rest.endswith(")"):
            events.append(("single", entity, rest[:-1]))
        else:
            events.append(("open", entity, rest))
            live.add(entity)
        for c in closers:
            if c == entity and events[-1] == ("open", entity, rest) and entity not in opened:
                events[-1] = ("single", entity, rest)
            else:
                events.append(("close", c, None))
            live.discard(c)
    return events


def quote_speakers(doc: GumDoc, quotes: list[dict]) -> list[tuple[dict, str | None]]:
    """Each gold quote with the entity id of its speaker (None when GUM's syntax names none)."""
    spans = []
    for q in sorted(quotes, key=lambda q: q["start"]):
        inside = [t for t in doc.tokens if t.start >= q["start"] and t.end <= q["end"]]
        spans.append((q, inside, _speaker_of(doc, inside) if inside else None))
    out: list[tuple[dict, str | None]] = []
    last_known: tuple[int, str] | None = None  # (paragraph, entity) of the last quote's speaker
    for q, inside, entity in spans:
        if not inside:
            out.append((q, None))
            continue
        sentences = {t.sentence for t in inside}
        if entity is None:  # '"A," X told Y, "B."': B shares A's sentence and speaker
            entity = next((e for q2, in2, e in spans if e and q2 is not q
                           and sentences & {t.sentence for t in in2}), None)
        whole = any(t.head == 0 for t in inside)  # a sentence of its own, not a phrase
        if entity is None and whole and last_known and last_known[0] == inside[0].paragraph:
            entity = last_known[1]
        if entity is not None:
            last_known = (inside[0].paragraph, entity)
        out.append((q, entity))
    return out


def _speaker_of(doc: GumDoc, inside: list[Token]) -> str | None:
    ids = {t.index for t in inside}
    for s in sorted({t.sentence for t in inside}):
        sentence = doc.sentences[s]
        base = sentence[0].index - sentence[0].id + 1
        for verb in sentence:
            if verb.index in ids or verb.upos != "VERB":
                continue
            head = base + verb.head - 1 if verb.head else None
            children = [t for t in sentence if t.head == verb.id]
            says = any(c.index in ids and c.rel in _SAYS for c in children)  # said: "..."
            said = head in ids and verb.rel in ("parataxis", "ccomp")  # "...," she said
            if not (says or said):
                continue
            for c in children:
                if c.rel in ("nsubj", "nsubj:pass") and c.index not in ids:
                    covering = [m for m in doc.mentions if m.first <= c.index <= m.last]
                    if covering:
                        return min(covering, key=lambda m: m.last - m.first).entity
    return None
