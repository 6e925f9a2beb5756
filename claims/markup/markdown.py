"""Markdown to text: the CommonMark constructs news CMSs produce, with exact offsets.

No Markdown library reports where inline text came from (markdown-it-py maps blocks to
lines only), so this reads the subset line by line: headings, paragraphs, block quotes,
lists, fenced code (skipped), thematic breaks, link reference definitions, and inline
emphasis, code, links, images (skipped), autolinks, raw HTML tags, entities and
backslash escapes.

    >>> markdown_to_plain("# Title\\n\\nSales rose **5%** to [$2.4bn](https://x.y).").text
    'Title\\nSales rose 5% to $2.4bn.'
"""

from __future__ import annotations

import html

import regex

from claims.markup import Builder, PlainText

_FENCE = regex.compile(r" {0,3}(`{3,}|~{3,})")
_HEADING = regex.compile(r" {0,3}#{1,6}(?:[ \t]+|$)")
_CLOSING_HASHES = regex.compile(r"[ \t]+#+[ \t]*$")
_SETEXT = regex.compile(r" {0,3}(?:=+|-+)[ \t]*$")
_THEMATIC = regex.compile(r" {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_QUOTE = regex.compile(r"(?: {0,3}>[ \t]?)+")
_ITEM = regex.compile(r" {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_REFERENCE_DEF = regex.compile(r" {0,3}\[[^\]]+\]:[ \t]*\S+")
_INDENT = regex.compile(r"[ \t]*")

_INLINE = regex.compile(
    r"""
      (?P<escape>\\[!-/:-@\[-`{-~])
    | (?P<code>(?P<ticks>`+)(?P<code_text>.+?)(?P=ticks))
    | (?P<image>!\[[^\]]*\]\((?:[^()\s]|\([^()]*\))*(?:\s+(?:"[^"]*"|'[^']*'))?\s*\))
    | (?P<link>\[(?P<link_text>(?:[^\[\]]|\[[^\]]*\])+)\]
         (?:\((?:[^()\s]|\([^()]*\))*(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)|\[[^\]]*\]))
    | (?P<autolink><(?P<url>[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s@]+)>)
    | (?P<comment><!--.*?-->)
    | (?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*)?/?>)
    | (?P<entity>&(?:\#[0-9]{1,7}|\#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)
    | (?P<emphasis>\*+|_+|~~)
    """,
    regex.VERBOSE,
)


def markdown_to_plain(source: str) -> PlainText:
    out = Builder()
    fence: str | None = None
    pos = 0
    n = len(source)
    in_paragraph = False
    while pos <= n:
        nl = source.find("\n", pos)
        end = n if nl < 0 else nl
        line = source[pos:end]
        if fence is not None:
            if line.lstrip(" ").startswith(fence):
                fence = None
        elif (m := _FENCE.match(line)) is not None:
            fence = m.group(1)[0] * 3
            out.brk(pos)
            in_paragraph = False
        elif not line.strip():
            out.brk(pos)
            in_paragraph = False
        elif _THEMATIC.match(line) or _REFERENCE_DEF.match(line) or (
            in_paragraph and _SETEXT.match(line)
        ):
            out.brk(pos)
            in_paragraph = False
        else:
            start = pos
            if (m := _QUOTE.match(line)) is not None:
                start += m.end()
            rest = source[start:end]
            if (m := _HEADING.match(rest)) is not None:
                out.brk(start)
                body_end = end
                if (c := _CLOSING_HASHES.search(source, start + m.end(), end)) is not None:
                    body_end = c.start()
                _inline(source, start + m.end(), body_end, out)
                out.brk(end)
                in_paragraph = False
            else:
                if (m := _ITEM.match(rest)) is not None:
                    out.brk(start)
                    start += m.end()
                    in_paragraph = False
                start += _INDENT.match(source, start, end).end() - start
                if in_paragraph:
                    out.text(source, pos - 1, pos)  # the soft line break: a space
                _inline(source, start, end, out)
                in_paragraph = True
        if nl < 0:
            break
        pos = nl + 1
    return out.build(source)


def _inline(source: str, start: int, end: int, out: Builder) -> None:
    pos = start
    for m in _INLINE.finditer(source, start, end):
        if m.start() > pos:
            out.text(source, pos, m.start())
        pos = m.end()
        kind = m.lastgroup
        if kind == "escape":
            out.replaced(m.group()[1], m.start(), m.end())
        elif kind == "code":
            out.text(source, *m.span("code_text"))
        elif kind == "link":
            _inline(source, *m.span("link_text"), out)
        elif kind == "autolink":
            out.text(source, *m.span("url"))
        elif kind == "entity":
            out.replaced(html.unescape(m.group()), m.start(), m.end())
        elif kind == "emphasis" and not _is_delimiter(source, m.start(), m.end(), start, end):
            out.text(source, m.start(), m.end())
        # images, comments, tags and emphasis delimiters leave no text
    if pos < end:
        out.text(source, pos, end)


def _is_delimiter(source: str, s: int, e: int, lo: int, hi: int) -> bool:
    """A run of * or _ marks emphasis when it touches a word on one side only, or (for *)
    on both; `snake_case` and a spaced `5 * 3` keep theirs."""
    before = source[s - 1] if s > lo else " "
    after = source[e] if e < hi else " "
    touches_before, touches_after = not before.isspace(), not after.isspace()
    if not (touches_before or touches_after):
        return False
    if source[s] == "_" and before.isalnum() and after.isalnum():
        return False
    return True
