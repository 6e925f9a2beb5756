"""A rule-based sentence splitter for news text.

A boundary is a run of `.`, `!` or `?` (with any closing quotes or brackets) followed by
space and something that can open a sentence. The word before a period decides whether
the period ends the sentence: "Mr." never does, "U.S." does only when a word that usually
opens a sentence follows ("... in the U.S. The talks ..."), "Dec." before a digit does not.
Every line break ends a sentence: headlines, datelines and captions have no final period.

One pass of one pattern over the whole text finds the candidates; only periods need a
look at the word before them.

    >>> s = SentenceSplitter(["Mr"], ["U.S"], ["The"])
    >>> s.split("Mr. Smith met U.S. officials. They agreed.")
    [(0, 29, 0), (30, 42, 0)]
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

# A line break, or terminal punctuation with its closers, space, and an opener after.
_CANDIDATE = regex.compile(
    r"""
    \n
  | (?<term>[.!?\u2026]+)
    ["'\u201d\u2019\u00bb)\]]*
    (?<gap>[\ \t\u00a0]+)
    (?=["\u201c\u2018'(\[`]*\p{Lu}|\d|["\u201c\u2018`])
    """,
    regex.VERBOSE,
)
_NEXT_WORD = regex.compile(r"[\"\u201c\u2018'(\[`]*(\w+)")
_DOTTED = regex.compile(r"(?:\p{L}\.){2,}$")  # U.S. U.N. a.m.
_OPENERS = "\"'(\u201c\u2018[`"


class SentenceSplitter:
    def __init__(self, never_end: Iterable[str], may_end: Iterable[str], starters: Iterable[str]):
        # Abbreviations are compared without their final period.
        self.never_end = {a.rstrip(".") for a in never_end}
        self.never_end_lower = {a.lower() for a in self.never_end}
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

    def split(self, text: str) -> list[tuple[int, int, int]]:
        """(start, end, paragraph) of every sentence, trimmed; each line is a paragraph."""
        out: list[tuple[int, int, int]] = []
        start = 0
        para = 0
        for m in _CANDIDATE.finditer(text):
            if m.group("term") is None:  # a line break
                if _append(text, out, start, m.start(), para):
                    para += 1
                elif out and out[-1][2] == para:
                    para += 1
                start = m.end()
                continue
            if m.group("term") == "." and not self._period_ends(text, m, start):
                continue
            _append(text, out, start, m.start("gap"), para)
            start = m.end()
        _append(text, out, start, len(text), para)
        return out

    def _period_ends(self, text: str, m, floor: int) -> bool:
        dot = m.start("term")
        begin = max(text.rfind(" ", floor, dot), text.rfind("\t", floor, dot),
                    text.rfind("\u00a0", floor, dot)) + 1
        begin = max(begin, floor)
        word = text[begin : dot + 1].lstrip(_OPENERS)
        bare = word[:-1]
        if bare in self.never_end or bare.lower() in self.never_end_lower:
            return False
        if bare in self.may_end or (len(word) > 3 and _DOTTED.search(word)):
            return self._starts_sentence(text, m.end())
        if len(word) == 2 and word[0].isupper():  # an initial: John F. Kennedy
            return self._starts_sentence(text, m.end())
        return True

    def _starts_sentence(self, text: str, pos: int) -> bool:
        nxt = _NEXT_WORD.match(text, pos)
        return bool(nxt) and nxt.group(1).lower() in self.starters


def _append(text: str, out: list, start: int, end: int, para: int) -> bool:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append((start, end, para))
        return True
    return False
