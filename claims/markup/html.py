"""HTML to text with the standard library's tolerant parser (html.parser).

    >>> html_to_plain("<h1>Title</h1><p>Ten&nbsp;miles &amp; more</p>").text
    'Title\\nTen\\xa0miles & more'
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from claims.markup import Builder, PlainText

# Elements that start a new paragraph where they open and where they close.
BLOCK = frozenset(
    "address article aside blockquote body br caption dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre "
    "section summary table tbody tfoot thead tr ul".split()
)
# Table cells sit side by side: a space between them, not a break.
CELL = frozenset(("td", "th"))
# Elements whose content is not read: code, styling, metadata.
HIDDEN = frozenset(("script", "style", "template", "head", "title", "noscript", "svg", "math"))
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())


class _Reader(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.out = Builder()
        self.hidden = 0
        self.line_starts = [0]
        pos = source.find("\n")
        while pos >= 0:
            self.line_starts.append(pos + 1)
            pos = source.find("\n", pos + 1)

    def _here(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN:
            self.hidden += 1
        elif tag in BLOCK:
            self.out.brk(self._here())
        elif tag in CELL:
            self.out.replaced(" ", self._here(), self._here())

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK:
            self.out.brk(self._here())

    def handle_endtag(self, tag):
        if tag in HIDDEN:
            self.hidden = max(self.hidden - 1, 0)
        elif tag in BLOCK:
            self.out.brk(self._here())

    def handle_data(self, data):
        if self.hidden:
            return
        start = self._here()
        self.out.text(self.source, start, start + len(data))

    def _reference(self, opener: str, name: str) -> None:
        if self.hidden:
            return
        start = self._here()
        end = start + len(opener) + len(name)
        if self.source.startswith(";", end):
            end += 1
        self.out.replaced(html.unescape(self.source[start:end]), start, end)

    def handle_entityref(self, name):
        self._reference("&", name)

    def handle_charref(self, name):
        self._reference("&#", name)


def html_to_plain(source: str) -> PlainText:
    reader = _Reader(source)
    reader.feed(source)
    reader.close()
    return reader.out.build(source)

