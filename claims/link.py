"""Linking: what each sentence says about its claims.

* a quote's speaker: named beside it, a pronoun ("he said") resolved to the last named
  speaker, or nobody named at all when it continues the previous quote;
* a statistic's source: an attribution in the same sentence ("according to the IEA",
  "Helberg said"), else the speaker of the quote it sits in;
* a statistic's subject ("China is home to ...", "4 per cent for second-place Malaysia")
  and its measure ("... of global rare earths refining capacity").
"""

from __future__ import annotations

import regex

from claims.kinds import NUMERIC
from claims.mention import Mention
from claims.text.document import Document

_NAME = r"(?:\p{Lu}[\p{L}\p{M}'\u2019&.-]*)(?:\s+(?:of\s+|and\s+|de\s+|the\s+)?\p{Lu}[\p{L}\p{M}'\u2019&.-]*)*"
_PROPER = regex.compile(_NAME)
_AFTER_SUBJECT = regex.compile(
    r"\s+(?:for|of|in|at|by|from)\s+(?:the\s+)?(?:[\w-]+[- ]place\s+|[\w-]+-largest\s+)?(?P<s>"
    + _NAME + ")"
)
_MEASURE = regex.compile(
    r"\s+of\s+(?:the\s+)?(?P<m>(?:(?!\s(?:compared|according|while|whereas|but|which|who)\b)"
    r"[^,;:.()\u2013\u2014\"\u201c\u201d])+)"
)
_CLAUSE_BREAK = regex.compile(r"[;:]|,\s+(?:compared|while|whereas|but|and)\b|\s[\u2013\u2014]\s")


def link(doc: Document, mentions: list[Mention], lexicons) -> None:
    for m in mentions:
        m.sentence = doc.sentence_for_span(m.start, m.end).index
    pronouns = lexicons["speaker-pronouns"]
    starters = lexicons["sentence-starters"]
    _resolve_speakers(doc, mentions, pronouns)
    _attach_sources(doc, mentions, pronouns)
    for m in mentions:
        if m.kind in NUMERIC:
            _subject_and_measure(doc, m, starters)
        elif m.kind == "rank":
            m.subject = m.value.get("subject")
        elif m.kind == "age":
            m.subject = m.value.get("person")


def _resolve_speakers(doc: Document, mentions: list[Mention], pronouns) -> None:
    last_named: tuple[str, tuple[int, int]] | None = None
    previous_quote: Mention | None = None
    for m in mentions:
        if m.kind == "attribution":
            name = m.value["source"]
            if name not in pronouns and _looks_named(name):
                last_named = (name, m.value.get("_source_span", (m.start, m.end)))
            continue
        if m.kind != "quote":
            continue
        speaker = m.value.get("speaker")
        if speaker and speaker.lower() in pronouns:
            if last_named:
                m.value["speaker"] = last_named[0]
                m.value["_resolved_from"] = speaker
            else:
                m.value["speaker"] = None
        elif speaker:
            last_named = (speaker, m.value.get("_speaker_span", (m.start, m.end)))
        elif previous_quote is not None and _continues(doc, previous_quote, m):
            m.value["speaker"] = previous_quote.value.get("speaker")
            m.value["_speaker_span"] = previous_quote.value.get("_speaker_span")
            m.value["verb"] = m.value.get("verb") or previous_quote.value.get("verb")
        previous_quote = m


def _looks_named(name: str) -> bool:
    return bool(name) and name[0].isupper()


def _continues(doc: Document, before: Mention, after: Mention) -> bool:
    """A quote with no attribution of its own continues the previous one in its paragraph."""
    a = doc.sentences[before.sentence]
    b = doc.sentences[after.sentence]
    return a.paragraph == b.paragraph or b.index - a.index <= 1


def _attach_sources(doc: Document, mentions: list[Mention], pronouns) -> None:
    by_sentence: dict[int, list[Mention]] = {}
    quotes: list[Mention] = []
    for m in mentions:
        if m.kind == "attribution":
            by_sentence.setdefault(m.sentence, []).append(m)
        elif m.kind == "quote":
            quotes.append(m)
    last_named = None
    resolved: dict[int, tuple[str, int, int]] = {}
    for m in mentions:  # pronoun sources ("he said") resolve like speakers
        if m.kind == "attribution":
            name = m.value["source"]
            s, e = m.value.get("_source_span", (m.start, m.end))
            if name.lower() in pronouns:
                if last_named:
                    resolved[id(m)] = (last_named, s, e)
            else:
                last_named = name
                resolved[id(m)] = (name, s, e)
        elif m.kind == "quote" and m.value.get("speaker") and not m.value.get("_resolved_from"):
            last_named = m.value["speaker"]
    for m in mentions:
        if m.kind not in NUMERIC:
            continue
        candidates = [a for a in by_sentence.get(m.sentence, ()) if id(a) in resolved]
        if candidates:
            best = min(candidates, key=lambda a: abs(a.start - m.start))
            m.source = resolved[id(best)]
            continue
        for q in quotes:
            if q.start <= m.start and m.end <= q.end and q.value.get("speaker"):
                span = q.value.get("_speaker_span") or (q.start, q.end)
                m.source = (q.value["speaker"], span[0], span[1])
                break


def _subject_and_measure(doc: Document, m: Mention, starters) -> None:
    text = doc.text
    sent = doc.sentences[m.sentence]
    after = _AFTER_SUBJECT.match(text, m.end, sent.end)
    measure = _MEASURE.match(text, m.end, sent.end)
    if measure:
        m.measure = " ".join(measure.group("m").split()).rstrip()
    elif m.kind == "count":
        m.measure = m.value.get("noun")
    if after:
        m.subject = after.group("s")
        return
    # Otherwise the nearest name before the claim in its clause.
    clause_start = sent.start
    for br in _CLAUSE_BREAK.finditer(text, sent.start, m.start):
        clause_start = br.end()
    best = None
    for p in _PROPER.finditer(text, clause_start, m.start):
        words = p.group().split()
        while words and words[0].lower() in starters:
            words.pop(0)
        if words:
            best = " ".join(words)
    m.subject = best
