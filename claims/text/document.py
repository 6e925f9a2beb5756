"""A Document: the article text as given, split into paragraphs and sentences.

The text is never rewritten; every offset anywhere indexes the original string.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass, field

from claims.text.sentences import SentenceSplitter


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int


@dataclass(slots=True)
class Document:
    text: str
    published: dt.date | None = None
    title: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)

    @classmethod
    def build(
        cls,
        text: str,
        splitter: SentenceSplitter,
        published: dt.date | None = None,
        title: str | None = None,
    ) -> "Document":
        doc = cls(text=text, published=published, title=title)
        # Each line is a paragraph: news CMSs do not hard-wrap.
        doc.sentences = [Sentence(i, s, e, p) for i, (s, e, p) in enumerate(splitter.split(text))]
        doc._starts = [s.start for s in doc.sentences]
        return doc

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that contains `offset`, or None between sentences."""
        i = bisect_right(self._starts, offset) - 1
        if i < 0:
            return None
        s = self.sentences[i]
        return s if offset < s.end or (offset == s.end == s.start) else None

    def sentence_for_span(self, start: int, end: int) -> Sentence:
        """The sentence a span starts in (or the nearest one before it)."""
        i = max(bisect_right(self._starts, start) - 1, 0)
        return self.sentences[i]

    def sentence_text(self, s: Sentence) -> str:
        return self.text[s.start : s.end]
