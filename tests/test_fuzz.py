"""Fuzzing the engine: arbitrary Unicode, pathological runs, huge inputs, markup.

Whatever the text, checking never crashes (only a clear InputError), never hangs (the
time budget bounds it), and every offset is exact: text[start:end] is the surface text.
"""

from __future__ import annotations

import os
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims import Article, CheckOptions, Engine
from claims.errors import InputError

BUDGET_MS = 2_000
EXAMPLES = int(os.environ.get("CLAIMS_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

PIECES = ["1", "12", "1,", ",000", "3.5", "0", ",", ", ", "\"", "“", "”", "‘", "’", "'", " and ",
          "and", " ", "  ", "\n", "\n\n", ".", "%", " per cent", "$", "€", "bn", " million",
          "Dec 12", "Monday", "eight", " nations", "Japan", ", the UK", "—", "–", "-", "(", ")",
          "more than ", "about ", "said", " according to the ", "IEA", "U.S.", "Mr.", "😀", "𝔘",
          "\u00a0", "\u200b", "\u0301", "<b>", "</p>", "&amp;", "&nbsp;", "**", "[x](y)", "#"]
pathological = st.lists(st.sampled_from(PIECES), min_size=1, max_size=400).map("".join)
any_unicode = st.text(
    alphabet=st.one_of(st.characters(), st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)),
    min_size=1, max_size=3000)
texts = st.one_of(any_unicode, pathological,
                  st.tuples(any_unicode, pathological).map("".join))


@pytest.fixture(scope="module")
def bounded():
    return Engine.default().__class__(Engine.default().rulebook, budget_ms=BUDGET_MS)


def check_or_refuse(engine, article, options=None):
    """The report, or None when the engine refused the text with a clear input error."""
    start = time.perf_counter()
    try:
        report = engine.check(article, options)
    except InputError:  # empty, over budget, a machine-made table: refused clearly
        report = None
    # The budget bounds the run (regex counts CPU time; allow for a shared machine).
    assert time.perf_counter() - start < BUDGET_MS / 1000 * 5 + 5
    return report


def assert_exact(report, source: str, unit: str = "codepoint"):
    if unit == "utf16":
        units = source.encode("utf-16-le", "surrogatepass")
        n = len(units) // 2

        def cut(s, e):
            return units[2 * s : 2 * e].decode("utf-16-le", "surrogatepass")
    else:
        n = len(source)

        def cut(s, e):
            return source[s:e]

    assert report.article.length == n
    for c in report.claims:
        assert 0 <= c.sentence.start <= c.span.start < c.span.end <= c.sentence.end <= n
        assert cut(c.span.start, c.span.end) == c.text
        if c.source:
            assert 0 <= c.source.span.start <= c.source.span.end <= n
    ids = [c.id for c in report.claims]
    assert len(ids) == len(set(ids))
    for f in report.findings:
        assert set(f.claims) <= set(ids)
        for e in f.evidence:
            assert 0 <= e.start <= e.end <= n and cut(e.start, e.end) == e.text
    s = report.summary
    assert s.claims == len(report.claims) == s.consistent + s.inconsistent + s.unchecked


@FUZZ
@given(text=texts)
def test_any_text_checks_with_exact_offsets(bounded, text):
    report = check_or_refuse(bounded, Article(text=text, published="2025-12-01"))
    if report is not None:
        assert_exact(report, text)


@FUZZ
@given(text=texts)
def test_utf16_offsets_are_exact_too(bounded, text):
    report = check_or_refuse(bounded, Article(text=text), CheckOptions(offsets="utf16"))
    if report is not None:
        assert_exact(report, text, "utf16")


@FUZZ
@given(text=texts, fmt=st.sampled_from(["html", "markdown"]))
def test_markup_spans_index_the_source(bounded, text, fmt):
    report = check_or_refuse(bounded, Article(text=text, format=fmt))
    if report is not None:
        assert_exact(report, text)


HUGE = {
    "digits": "1" * 150_000,
    "digit-commas": "1," * 75_000,
    "quotes": "\"“”'" * 37_500,
    "ands": "Japan and " * 15_000,
    "list": "Japan, South Korea, " * 7_500,
    "numbers": "more than 90% of $2.4bn, about 70 per cent, 10 miles (16 km). " * 2_300,
    "one-line": ("word " * 30_000).strip(),
}


@pytest.mark.parametrize("name", sorted(HUGE))
def test_huge_pathological_inputs_are_bounded(bounded, name):
    text = HUGE[name]
    report = check_or_refuse(bounded, Article(text=text))
    if report is not None:
        assert_exact(report, text)
