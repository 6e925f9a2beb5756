"""Subjects ("China is home to ...") and measured things ("... of refining capacity")."""

from __future__ import annotations

import regex

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
_LOOK_BACK = 240
_CLAUSE_BREAK = regex.compile(r"[;:]|,\s+(?:compared|while|whereas|but|and)\b|\s[\u2013\u2014]\s")


def subject_and_measure(doc: Document, m: Mention, starters) -> None:
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
    # Otherwise the nearest name before the claim in its clause (looking back a bounded
    # distance: a sentence thousands of characters long must not make linking quadratic).
    clause_start = max(sent.start, m.start - _LOOK_BACK)
    for br in _CLAUSE_BREAK.finditer(text, clause_start, m.start):
        clause_start = br.end()
    best = None
    for p in _PROPER.finditer(text, clause_start, m.start):
        words = p.group().split()
        while words and words[0].lower() in starters:
            words.pop(0)
        if words:
            best = " ".join(words)
    m.subject = best
