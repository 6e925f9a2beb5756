"""Markup in: the engine reads the text a reader sees, every span points into the source."""

from __future__ import annotations

import html

import pytest

from claims import Article, CheckOptions
from claims.markup import to_plain
from tests.conftest import SEED_PUBLISHED

HTML = (
    "<article>\n<h1>Minerals &amp; chips</h1>\n"
    "<p>The US will seek agreements with <b>eight</b> allied nations, according to the\n"
    "  State Department. It will begin with a meeting on Dec&nbsp;12 with Japan, South Korea,"
    " Singapore, the Netherlands, the UK, Israel, the United Arab Emirates and Australia.</p>\n"
    "<p>Research &amp; development spending rose <em>5%</em> to $2.4bn, the firm said.<br>"
    "Its plant is 10&#160;miles (16 km) from the coast.</p>\n"
    "<script>var x = 'more than 90%';</script></article>"
)

MARKDOWN = (
    "# Minerals &amp; chips\n\n"
    "The US will seek agreements with **eight** allied nations, according to the\n"
    "State Department. It will begin with a meeting on Dec 12 with Japan, South Korea,"
    " Singapore, the Netherlands, the UK, Israel, the [United Arab Emirates](https://x.y/uae)"
    " and Australia.\n\n"
    "- Research & development spending rose _5%_ to $2.4bn, the firm said.\n"
    "- Its plant is 10&nbsp;miles (16 km) from the coast.\n\n"
    "```\ncode with 90% in it\n```\n"
)


def assert_spans_index_the_source(report, source):
    for c in report.claims:
        assert source[c.span.start : c.span.end] == c.text, c
        assert c.sentence.start <= c.span.start and c.span.end <= c.sentence.end
        if c.source:
            assert source[c.source.span.start : c.source.span.end]
    for f in report.findings:
        for e in f.evidence:
            assert source[e.start : e.end] == e.text


@pytest.mark.parametrize(("fmt", "source"), [("html", HTML), ("markdown", MARKDOWN)])
def test_markup_is_checked_as_its_text(engine, fmt, source):
    plain = to_plain(source, fmt).text
    as_markup = engine.check(Article(text=source, format=fmt, published=SEED_PUBLISHED))
    as_text = engine.check(Article(text=plain, published=SEED_PUBLISHED))
    assert_spans_index_the_source(as_markup, source)
    # The same claims, values, ids and verdicts as the text a reader sees.
    assert [(c.id, c.kind, c.value, c.verdict) for c in as_markup.claims] == [
        (c.id, c.kind, c.value, c.verdict) for c in as_text.claims]
    assert as_markup.summary == as_text.summary
    assert as_markup.article.length == len(source)
    texts = {c.text for c in as_markup.claims}
    # Across tags, entities and line breaks, the span covers the source as written.
    if fmt == "html":
        assert {"eight</b> allied nations", "according to the\n  State Department",
                "Dec&nbsp;12", "10&#160;miles", "5%"} <= texts
    else:
        assert {"eight** allied nations", "according to the\nState Department",
                "10&nbsp;miles", "5%"} <= texts
        assert any("[United Arab Emirates](https://x.y/uae) and Australia" in t for t in texts)
    assert not any("code with" in t for t in texts), "fenced code and scripts are not read"
    # The list follows the count across a tag: the count check sees all eight.
    finding = next(f for f in as_markup.findings if f.rule == "checks.count-matches-list")
    assert finding.verdict == "consistent"


def test_block_elements_become_paragraph_breaks():
    plain = to_plain("<h2>Title</h2><p>One.</p><ul><li>Two</li><li>Three</li></ul>x<br/>y",
                     "html")
    assert plain.text == "Title\nOne.\nTwo\nThree\nx\ny"
    md = to_plain("Title\n=====\n\nOne\ntwo.\n\n> quoted\n\n1. first\n2. second", "markdown")
    assert md.text == "Title\nOne two.\nquoted\nfirst\nsecond"


def test_entities_map_to_the_whole_entity():
    source = "<p>R&amp;D &#8364;5m &euro;6m&nbsp;x</p>"
    plain = to_plain(source, "html")
    assert plain.text == "R&D €5m €6m\xa0x"
    amp = plain.text.index("&")
    assert plain.source_span(amp, amp + 1) == (source.index("&amp;"), source.index("&amp;") + 5)


def test_the_seed_article_as_html_gives_the_seed_report(engine, seed_text, seed_report):
    source = "<html><head><title>x 99%</title></head><body>\n" + "\n".join(
        f"<p>{html.escape(line, quote=False)}</p>" for line in seed_text.splitlines()
    ) + "\n</body></html>"
    report = engine.check(Article(text=source, format="html", published=SEED_PUBLISHED))
    assert_spans_index_the_source(report, source)
    assert [c.id for c in report.claims] == [c.id for c in seed_report.claims]
    assert [c.text for c in report.claims] == [
        html.escape(c.text, quote=False) for c in seed_report.claims]
    assert report.summary == seed_report.summary


def test_markup_with_utf16_offsets(engine):
    source = "<p>😀 <i>Sales</i> rose 5% to $2.4bn.</p>"
    report = engine.check(Article(text=source, format="html"), CheckOptions(offsets="utf16"))
    units = source.encode("utf-16-le")
    for c in report.claims:
        assert units[2 * c.span.start : 2 * c.span.end].decode("utf-16-le") == c.text
    assert report.article.length == len(units) // 2


def test_markup_with_no_text_is_refused(engine):
    from claims.errors import EmptyArticle

    with pytest.raises(EmptyArticle, match="no text once its html markup is removed"):
        engine.check(Article(text="<p> </p><script>1</script>", format="html"))
