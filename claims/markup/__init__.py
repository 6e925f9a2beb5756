"""Markup in, text out, with a map from every text character back to the source.

A CMS stores articles as HTML or Markdown. The engine reads the text a reader sees;
the report's spans must still point into the source that was sent, so an editor can
highlight a claim without re-mapping:

    >>> plain = to_plain("<p>Sales rose <b>5%</b> to $2.4bn.</p>", "html")
    >>> plain.text
    'Sales rose 5% to $2.4bn.'
    >>> plain.source_span(11, 13)          # "5%" in the text
    (17, 19)

Block elements (paragraphs, headings, list items, <br>) become line breaks, which the
Document reads as paragraph breaks; whitespace inside a paragraph collapses to one space;
entities (&amp;, &nbsp;, &#8217;) become the character they name and map back to the
whole entity.
"""

from __future__ import annotations

from typing import Literal

Format = Literal["text", "html", "markdown"]
FORMATS: tuple[str, ...] = ("text", "html", "markdown")


class PlainText:
    """The text the engine reads, and where each of its characters came from.

    `starts[i]`/`ends[i]` are the source offsets of the piece that produced `text[i]`: one
    character for ordinary text, the whole entity for `&amp;`, an empty range at a tag for
    a break the markup implied.
    """

    __slots__ = ("source", "text", "starts", "ends")

    def __init__(self, source: str, text: str, starts: list[int], ends: list[int]):
        self.source = source
        self.text = text
        self.starts = starts
        self.ends = ends

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source range `[s, e)` that text[start:end] came from."""
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else len(self.source)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


class Builder:
    """Collects text pieces with their source ranges; collapses whitespace like a browser."""

    __slots__ = ("chars", "starts", "ends")

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []

    def _last(self) -> str:
        return self.chars[-1] if self.chars else "\n"

    def text(self, source: str, start: int, end: int) -> None:
        """source[start:end] as running text: whitespace runs become one space."""
        chars, starts, ends = self.chars, self.starts, self.ends
        last = self._last()
        for i in range(start, end):
            c = source[i]
            if c in " \t\n\r\f\v":
                if last in " \n":
                    continue
                c = " "
            chars.append(c)
            starts.append(i)
            ends.append(i + 1)
            last = c

    def replaced(self, value: str, start: int, end: int) -> None:
        """`value` stands for source[start:end] (an entity, an escape)."""
        for c in value:
            if c in " \t\n\r\f\v":
                if self._last() in " \n":
                    continue
                c = " "
            self.chars.append(c)
            self.starts.append(start)
            self.ends.append(end)

    def brk(self, at: int) -> None:
        """A paragraph break the markup implies (a block element starts or ends)."""
        if not self.chars:
            return
        if self.chars[-1] == " ":
            self.chars.pop()
            self.starts.pop()
            self.ends.pop()
        if self.chars and self.chars[-1] != "\n":
            self.chars.append("\n")
            self.starts.append(at)
            self.ends.append(at)

    def build(self, source: str) -> PlainText:
        while self.chars and self.chars[-1] in " \n":
            self.chars.pop()
            self.starts.pop()
            self.ends.pop()
        return PlainText(source, "".join(self.chars), self.starts, self.ends)


def to_plain(source: str, fmt: str) -> PlainText:
    """The readable text of `source` in the given format, with its map back."""
    if fmt == "html":
        from claims.markup.html import html_to_plain

        return html_to_plain(source)
    if fmt == "markdown":
        from claims.markup.markdown import markdown_to_plain

        return markdown_to_plain(source)
    raise ValueError(f"unknown format {fmt!r}; expected one of: {', '.join(FORMATS)}")


def plain_slice(source: str, fmt: str) -> str:
    """The readable text of a piece of source (a sentence), for exports."""
    return source if fmt == "text" else to_plain(source, fmt).text


__all__ = ["FORMATS", "Format", "PlainText", "plain_slice", "to_plain"]
