"""Quote speakers and statistic sources.

* A speaker or source written as a pronoun or a description ("he said", "the company
  said"; the `speaker-pronouns` lexicon says which sort of name each may stand for) is
  resolved to a fitting name before it (`referents.py`): "he" and "it" to the first
  person or organization of the nearest sentence naming one (its subject, usually); "the
  firm" to the name a description with that noun was set beside ("NPD Group, a market
  research firm"), else to the latest organization. The value keeps what the text wrote in
  `resolved_from`; the span stays on the words of the sentence.
* A quote with no speaker beside it continues the previous quote of its paragraph (or of
  the sentence just before) and takes its speaker.
* A statistic's source is the attribution in its own sentence nearest to it (never a
  denied one: "Ford did not say how many of its 5,000 jobs would go"); else the
  speaker of the quote it sits in; else an attribution in the next sentence of the same
  paragraph when that sentence states no figure of its own ("... 90%. That is according
  to the IEA."); else one in the previous sentence of the paragraph when the statistic's
  sentence continues it (it opens with a pronoun or "The figure(s)").
"""

from __future__ import annotations

import regex

from claims.kinds import NUMERIC
from claims.link.clauses import ClauseSubjects
from claims.link.referents import Referents
from claims.normalize.people import clean_name
from claims.mention import Mention
from claims.text.document import Document

_CONTINUES = regex.compile(
    r"\s*(?:[\"\u201c])?(?:he|she|it|they|this|that|these|those|the\s+(?:figures?|numbers?|"
    r"data|estimates?|statistics?|forecasts?))\b",
    regex.I,
)


def resolve_speakers(doc: Document, mentions: list[Mention], lexicons) -> None:
    pronouns = lexicons["speaker-pronouns"]
    referents: Referents | None = None
    clauses: ClauseSubjects | None = None

    def named() -> Referents:
        nonlocal referents
        if referents is None:
            quoted = [(q.start, q.end) for q in mentions if q.kind == "quote"]
            referents = Referents(doc.text, lexicons, _named(mentions, pronouns), quoted)
        return referents

    def resolve(m: Mention, field: str, span_key: str) -> None:
        written = m.value.get(field)
        sort = pronouns.get(written) if written else None
        if written is None or sort is None:
            return
        referents = named()
        span = m.value.get(span_key) or (m.start, m.end)
        if " " in written:  # "the firm": the name it describes, else the latest fitting one
            found = _described(doc.text, written, span[0], referents) or referents.before(span[0], sort)
        else:  # "he", "it": the subject of the nearest sentence naming a fitting one
            found = referents.before(span[0], sort, _sentence_start)
        m.value["resolved_from"] = written
        m.value[field] = found.name if found else None

    def _sentence_start(offset: int) -> int:
        return doc.sentence_for_span(offset, offset).start

    def from_clause(m: Mention) -> bool:
        """A participle's or second verb's source: the subject of its clause."""
        nonlocal clauses
        if clauses is None:
            clauses = ClauseSubjects(doc, lexicons, named)
        found = clauses.source(m, in_sentence.get(m.sentence, ())) or m.value.get("_document")
        if found is None:
            return False
        if len(found) == 3:  # "a private letter telling ...": no author, the document
            found = (*found, None)
        name, start, end, origin = found
        m.value["_source_span"] = (start, end)
        if origin is not None:  # the reporting clause's source, already resolved
            m.value["source"] = origin.value["source"]
            if origin.value.get("resolved_from"):
                m.value["resolved_from"] = origin.value["resolved_from"]
            return True
        m.value["source"] = name if name in pronouns else clean_name(name)
        resolve(m, "source", "_source_span")  # "he", kept like "he said" when unresolved
        return True

    attributions = [m for m in mentions if m.kind == "attribution"]
    in_sentence: dict[int, list[Mention]] = {}
    for a in attributions:
        in_sentence.setdefault(a.sentence, []).append(a)
    previous_quote: Mention | None = None
    for m in mentions:
        if m.kind == "attribution":
            if m.value.get("_source_of") != "clause":
                resolve(m, "source", "_source_span")
        elif m.kind == "quote":
            if m.value.get("speaker"):
                resolve(m, "speaker", "_speaker_span")
            elif previous_quote is not None and _continues(doc, previous_quote, m):
                m.value["_continued"] = True
                m.value["speaker"] = previous_quote.value.get("speaker")
                m.value["_speaker_span"] = previous_quote.value.get("_speaker_span")
                m.value["verb"] = m.value.get("verb") or previous_quote.value.get("verb")
            previous_quote = m
    # Participles and second verbs once the clauses they hang on have their sources; one
    # whose clause names no one ("Shares fell, citing ...") is dropped.
    unnamed = [m for m in attributions if m.value.get("_source_of") == "clause" and not from_clause(m)]
    if unnamed:
        gone = {id(m) for m in unnamed}
        mentions[:] = [m for m in mentions if id(m) not in gone]
    _quotes_after_clauses(doc.text, mentions)


# Between a participle or second verb and the quote it introduces: "saying, ", "told the
# police, ", "said that ".
_INTRODUCES = regex.compile(r"[^\u201c\u201d\"\n.!?]{0,80}$")


def _quotes_after_clauses(text: str, mentions: list[Mention]) -> None:
    """A quote with no speaker of its own that a participle or second verb introduces
    ('..., saying, "..."', '... and told the police, "..."') takes that verb's source
    (it continued an earlier quote's speaker before)."""
    clauses: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.kind == "attribution" and m.value.get("_source_of") == "clause" and m.value.get("source"):
            clauses.setdefault(m.sentence, []).append(m)
    if not clauses:
        return
    for q in mentions:
        if q.kind != "quote" or (q.value.get("speaker") and not q.value.get("_continued")):
            continue
        for a in clauses.get(q.sentence, ()):
            if a.end <= q.start and _INTRODUCES.match(text, a.end, q.start):
                q.value["speaker"] = a.value["source"]
                q.value["_speaker_span"] = a.value.get("_source_span")
                q.value["verb"] = a.value.get("verb")
                if a.value.get("resolved_from"):
                    q.value["resolved_from"] = a.value["resolved_from"]
                break


_APPOSITION = regex.compile(r"(?:,|\()[ \t]+(?:a|an|the)[ \t]+(?P<body>[^,.;()\n]{0,60})")
_WORD = regex.compile(r"\w+")


def _words_of(body: str) -> set[str]:
    return set(_WORD.findall(body.lower()))


def _described(text: str, written: str, offset: int, referents: Referents):
    """"The firm said" after "NPD Group, a market research firm": the name whose
    apposition holds the description's noun, within the few sentences before."""
    noun = written.split()[-1].lower()
    window = text[max(0, offset - 600) : offset]
    # Appositions found with one compiled pattern; the noun looked for in each.
    hits = [h for h in _APPOSITION.finditer(window) if noun in _words_of(h.group("body"))]
    if not hits:
        return None
    at = max(0, offset - 600) + hits[-1].start()
    r = referents.before(at + 1, "any")
    return r if r is not None and at - r.end <= 3 else None


def _named(mentions: list[Mention], pronouns) -> list[tuple[str, int, int]]:
    """Sources and speakers written as names, with the span of the name."""
    out = []
    for m in mentions:
        if m.kind == "attribution":
            name, span = m.value.get("source"), m.value.get("_source_span")
        elif m.kind == "quote":
            name, span = m.value.get("speaker"), m.value.get("_speaker_span")
        else:
            continue
        if name and span and name not in pronouns and name[0].isupper():
            out.append((name, span[0], span[1]))
    return out


def _continues(doc: Document, before: Mention, after: Mention) -> bool:
    """A quote with no attribution of its own continues the previous one in its paragraph."""
    a = doc.sentences[before.sentence]
    b = doc.sentences[after.sentence]
    return a.paragraph == b.paragraph or b.index - a.index <= 1


def attach_sources(doc: Document, mentions: list[Mention], pronouns) -> None:
    by_sentence: dict[int, list[Mention]] = {}
    figures: set[int] = set()
    quotes: list[Mention] = []
    for m in mentions:
        if m.kind == "attribution" and m.value.get("source") and not m.value.get("negated"):
            by_sentence.setdefault(m.sentence, []).append(m)  # "did not say" sources nothing
        elif m.kind == "quote":
            quotes.append(m)
        elif m.kind in NUMERIC:
            figures.add(m.sentence)
    for m in mentions:
        if m.kind not in NUMERIC:
            continue
        here = by_sentence.get(m.sentence)
        if here:
            m.source = _source(min(here, key=lambda a: abs(a.start - m.start)))
            continue
        quote = next((q for q in quotes if q.start <= m.start and m.end <= q.end
                      and q.value.get("speaker")), None)
        if quote is not None:
            span = quote.value.get("_speaker_span") or (quote.start, quote.end)
            m.source = (quote.value["speaker"], span[0], span[1])
            continue
        near = _adjacent_attribution(doc, m, by_sentence, figures)
        if near is not None:
            m.source = _source(near)


def _source(a: Mention) -> tuple[str, int, int]:
    s, e = a.value.get("_source_span", (a.start, a.end))
    return a.value["source"], s, e


def _adjacent_attribution(doc, m: Mention, by_sentence, figures) -> Mention | None:
    sentences = doc.sentences
    here = sentences[m.sentence]
    nxt = sentences[m.sentence + 1] if m.sentence + 1 < len(sentences) else None
    if nxt is not None and nxt.paragraph == here.paragraph and m.sentence + 1 not in figures:
        found = by_sentence.get(m.sentence + 1)
        if found:
            return found[0]
    prev = sentences[m.sentence - 1] if m.sentence > 0 else None
    if prev is not None and prev.paragraph == here.paragraph and _CONTINUES.match(doc.text, here.start):
        found = by_sentence.get(m.sentence - 1)
        if found:
            return found[-1]
    return None
