"""A sentence with its figures replaced by tokens, so a check's patterns read the words
between claims ("rose ⟦p:0⟧ to ⟦m:1⟧ from ⟦m:2⟧") without re-reading the figures.

    (example removed: licensed corpus text).
    Revenue rose ⟦p:0⟧ to ⟦m:1⟧ from ⟦m:2⟧.

Token kinds: p (percent), pp (percentage points), m (money), q (quantity), n (number),
c (count; its noun follows the token as written: "⟦c:3⟧ points"). Check patterns use them
through fragments: {pct}, {pp}, {money}, {num}, {fig}, {points}, plus the rule's own
fragments and `{@lexicon}` word lists. Patterns are compiled once per rule pack.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import regex

from claims.kinds import NUMERIC
from claims.mention import Mention
from claims.rulebook.fragments import REFERENCE, ExpansionError, Fragment, FragmentSet

OPEN, CLOSE = "\u27e6", "\u27e7"
_TOKEN = regex.compile(OPEN + r"(pp|p|m|q|n|c):(\d+)" + CLOSE)

# The token syntax; not language data, so it lives with the code that writes the tokens.
TOKEN_FRAGMENTS = {
    "pct": OPEN + r"p:\d+" + CLOSE,
    "pp": OPEN + r"pp:\d+" + CLOSE,
    "money": OPEN + r"m:\d+" + CLOSE,
    "num": OPEN + r"[nc]:\d+" + CLOSE,
    "qty": OPEN + r"q:\d+" + CLOSE,
    "fig": OPEN + r"(?:pp|p|m|q|n|c):\d+" + CLOSE,
    "points": OPEN + r"[nc]:\d+" + CLOSE + r"(?:-|\s+)points?\b",
    # Words between figures: no figure, no sentence-internal break.
    "gap": r"[^" + OPEN + r";]{0,60}?",
}


@dataclass(slots=True)
class Skeleton:
    text: str
    figures: list[Mention]
    starts: list[int]  # token start offsets in `text`, in figure order
    pieces: list[tuple[int, int, int]]  # (skeleton start, skeleton end, text start) of words

    def to_text(self, offset: int) -> int:
        """The offset in the article of a skeleton offset that falls in words."""
        for s, e, t in self.pieces:
            if s <= offset <= e:
                return t + offset - s
        raise ValueError("offset inside a token")

    def text_span(self, match, group: str) -> tuple[int, int] | None:
        if group not in match.re.groupindex or match.group(group) is None:
            return None
        s, e = match.span(group)
        try:
            return self.to_text(s), self.to_text(e)
        except ValueError:
            return None

    def figures_in(self, start: int, end: int) -> list[Mention]:
        i = bisect_left(self.starts, start)
        out = []
        while i < len(self.starts) and self.starts[i] < end:
            out.append(self.figures[i])
            i += 1
        return out

    def figure(self, match, group: str) -> Mention | None:
        if group not in match.re.groupindex or match.group(group) is None:
            return None
        found = self.figures_in(*match.span(group))
        return found[0] if found else None


def token_kind(m: Mention) -> str:
    if m.kind == "percent":
        return "pp" if m.value.get("unit") == "percentage_point" else "p"
    return {"money": "m", "quantity": "q", "count": "c"}.get(m.kind, "n")


def build(text: str, start: int, end: int, mentions: list[Mention]) -> Skeleton:
    """The skeleton of text[start:end]; `mentions` are the numeric claims in it, in order."""
    parts: list[str] = []
    figures: list[Mention] = []
    starts: list[int] = []
    pieces: list[tuple[int, int, int]] = []
    pos, length = start, 0
    for m in mentions:
        if m.kind not in NUMERIC or m.start < pos or m.end > end:
            continue
        if m.value.get("ratio") == "factor":
            continue  # "doubled", "halved": words the change patterns read, not figures
        piece = text[pos : m.start]
        parts.append(piece)
        pieces.append((length, length + len(piece), pos))
        length += len(piece)
        kind = token_kind(m)
        token = f"{OPEN}{kind}:{len(figures)}{CLOSE}"
        if kind == "c" and m.value.get("noun"):
            token += " " + m.value["noun"]
        starts.append(length)
        figures.append(m)
        parts.append(token)
        length += len(token)
        pos = m.end
    parts.append(text[pos:end])
    pieces.append((length, length + end - pos, pos))
    return Skeleton("".join(parts), figures, starts, pieces)


class PatternSet:
    """A rule's skeleton patterns with its own fragments, compiled against the lexicons."""

    def __init__(self, patterns: list[str], fragments: dict[str, str]):
        self.patterns = patterns
        self.fragments = fragments
        self._compiled: dict[int, list[regex.Pattern]] = {}

    def compiled(self, lexicons) -> list[regex.Pattern]:
        key = id(lexicons)
        got = self._compiled.get(key)
        if got is None:
            fset = _fragment_set(self.fragments, lexicons)
            got = [regex.compile(fset.expand(p), regex.VERBOSE | regex.IGNORECASE | regex.V0)
                   for p in self.patterns]
            self._compiled = {key: got}  # one lexicon set per process in practice
        return got


def _fragment_set(fragments: dict[str, str], lexicons) -> FragmentSet:
    frags = {name: Fragment(name, body, "<skeleton>", None) for name, body in TOKEN_FRAGMENTS.items()}
    for name, body in fragments.items():
        frags[name] = Fragment(name, body, "<rule>", None)
    return FragmentSet(frags, lexicons)


def validate(patterns: list[str], fragments: dict[str, str]) -> None:
    """Raises ValueError for a pattern that cannot compile, whatever the lexicons say:
    lexicon references are stood in for by a dummy word."""
    names = {m.group(2) for text in (*patterns, *fragments.values())
             for m in REFERENCE.finditer(text) if m.group(1)}
    fset = _fragment_set(fragments, {name: _StubLexicon() for name in names})
    for p in patterns:
        try:
            regex.compile(fset.expand(p), regex.VERBOSE | regex.IGNORECASE | regex.V0)
        except ExpansionError as exc:
            raise ValueError(exc.message) from None
        except regex.error as exc:
            raise ValueError(f"pattern does not compile: {exc}") from None


class _StubLexicon:
    def pattern(self) -> str:
        return "stub"
