"""A rule-based sentence splitter for news text.

A boundary is a run of `.`, `!` or `?` (with any closing quotes or brackets) followed by
space and something that can open a sentence. The word before a period decides whether
the period ends the sentence: "Mr." never does, "U.S." does only when a word that usually
opens a sentence follows ("... in the U.S. The talks ..."), "Dec." before a digit does not.
Every line break ends a sentence: headlines, datelines and captions have no final period.

    >>> s = SentenceSplitter.default()
    >>> s.split("Mr. Smith met U.S. officials. They agreed.", 0)
    [(0, 29), (30, 42)]
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

# A candidate boundary: terminal punctuation, closers, then horizontal space and an opener.
_CANDIDATE = regex.compile(
    r"""
    (?<term>[.!?\u2026]+)
    (?<close>["'\u201d\u2019\u00bb)\]]*)
    (?<gap>[\ \t\u00a0]+)
    (?=["\u201c\u2018'(\[`]*\p{Lu}|\d|["\u201c\u2018`])
    """,
    regex.VERBOSE,
)
_WORD_BEFORE = regex.compile(r"(\S+)$")
_NEXT_WORD = regex.compile(r"[\"\u201c\u2018'(\[`]*(\w+)")
_DOTTED = regex.compile(r"(?:\p{L}\.){2,}$")  # U.S. U.N. a.m.
_INITIAL = regex.compile(r"\p{Lu}\.$")  # John F. Kennedy
_LINE = regex.compile(r"[^\n]+")


class SentenceSplitter:
    def __init__(
        self,
        never_end: Iterable[str],
        may_end: Iterable[str],
        starters: Iterable[str],
    ):
        # Abbreviations are compared without their final period, case-sensitively first.
        self.never_end = {a.rstrip(".") for a in never_end}
        self.may_end = {a.rstrip(".") for a in may_end}
        self.starters = {w.lower() for w in starters}

    @classmethod
    def default(cls) -> "SentenceSplitter":
        from claims.rulebook import builtin_lexicons

        lex = builtin_lexicons()
        abbreviations = lex["abbreviations"]
        never = [e.text for e in abbreviations.entries if e.value != "may-end"]
        may = [e.text for e in abbreviations.entries if e.value == "may-end"]
        return cls(never, may, [e.text for e in lex["sentence-starters"].entries])

    def split(self, text: str, offset: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Sentences of `text[offset:end]` as absolute (start, end) pairs, trimmed."""
        end = len(text) if end is None else end
        out: list[tuple[int, int]] = []
        for line in _LINE.finditer(text, offset, end):
            start = line.start()
            for m in _CANDIDATE.finditer(text, line.start(), line.end()):
                if not self._is_boundary(text, m, start):
                    continue
                stop = m.start("gap")
                _append(text, out, start, stop)
                start = m.end()
            _append(text, out, start, line.end())
        return out

    def _is_boundary(self, text: str, m, sentence_start: int) -> bool:
        if m.group("term") != ".":
            return True
        w = _WORD_BEFORE.search(text, sentence_start, m.start("term") + 1)
        if not w:
            return True
        word = w.group(1).lstrip("\"'(\u201c\u2018[`")
        bare = word[:-1]
        nxt = _NEXT_WORD.match(text, m.end())
        next_word = nxt.group(1) if nxt else ""
        if bare in self.never_end or bare.lower() in self.never_end:
            return False
        if bare in self.may_end or _DOTTED.search(word):
            return next_word.lower() in self.starters
        if _INITIAL.match(word) and len(word) == 2:
            return next_word.lower() in self.starters
        return True


def _append(text: str, out: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append((start, end))
