"""Offsets are exact on any Unicode text, in code points and in UTF-16 units."""

from __future__ import annotations

from claims import Article, CheckOptions

TRICKY = (
    "🚀 Launch day — “It’s clear,” Dr. Chen said. Revenue rose 12% to $2.4bn 😀 on Dec 12.\n"
    "The team of 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 fans grew to 3,000 members – about 70 per cent women."
)


def utf16_index(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


def test_codepoint_spans_slice_to_the_claim(engine):
    report = engine.check(Article(text=TRICKY, published="2025-12-01"))
    kinds = {c.kind for c in report.claims}
    assert {"percent", "money", "date", "count"} <= kinds
    for c in report.claims:
        assert TRICKY[c.span.start : c.span.end] == c.text
    for f in report.findings:
        for e in f.evidence:
            assert TRICKY[e.start : e.end] == e.text


def test_utf16_spans_are_what_javascript_sees(engine):
    plain = engine.check(Article(text=TRICKY, published="2025-12-01"))
    js = engine.check(Article(text=TRICKY, published="2025-12-01"), CheckOptions(offsets="utf16"))
    assert js.article.offsets == "utf16"
    assert js.article.length == len(TRICKY.encode("utf-16-le")) // 2
    for a, b in zip(plain.claims, js.claims, strict=True):
        assert b.span.start == utf16_index(TRICKY, a.span.start)
        assert b.span.end == utf16_index(TRICKY, a.span.end)
        encoded = TRICKY.encode("utf-16-le")
        assert encoded[2 * b.span.start : 2 * b.span.end].decode("utf-16-le") == b.text


def test_ids_are_stable_when_another_paragraph_changes(engine):
    first = "Sales rose 12% in Ohio.\n\nThe plant employs 300 people."
    second = "A new opening paragraph with 5 things.\n\nSales rose 12% in Ohio.\n\nThe plant employs 300 people."
    a = {c.text: c.id for c in engine.check(Article(text=first)).claims}
    b = {c.text: c.id for c in engine.check(Article(text=second)).claims}
    assert a["12%"] == b["12%"] and a["300 people"] == b["300 people"]


def test_the_same_sentence_twice_gets_two_ids(engine):
    report = engine.check(Article(text="Sales rose 12%. Sales rose 12%."))
    ids = [c.id for c in report.claims]
    assert len(ids) == len(set(ids)) == 2
