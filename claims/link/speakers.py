"""Quote speakers and statistic sources."""

from __future__ import annotations

from claims.kinds import NUMERIC
from claims.mention import Mention
from claims.text.document import Document


def resolve_speakers(doc: Document, mentions: list[Mention], pronouns) -> None:
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


def attach_sources(doc: Document, mentions: list[Mention], pronouns) -> None:
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

