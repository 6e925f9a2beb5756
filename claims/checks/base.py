"""What a check sees (CheckContext) and what it yields (Draft)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import regex

from claims.mention import Mention
from claims.text.document import Document


@dataclass(slots=True)
class Draft:
    """A verdict before it becomes a Finding: the report gives it an id and its message."""

    verdict: str  # consistent | inconsistent
    claims: list[Mention]
    evidence: list[tuple[int, int, str]]  # start, end, role
    variables: dict[str, Any] = field(default_factory=dict)
    expected: Any = None
    observed: Any = None
    suggestion: str | None = None


@dataclass(slots=True)
class CheckContext:
    doc: Document
    mentions: list[Mention]
    lexicons: Any
    by_kind: dict[str, list[Mention]] = field(default_factory=dict)
    # Work several check rules share (sentence skeletons, frames), made once per article.
    cache: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for m in self.mentions:
            self.by_kind.setdefault(m.kind, []).append(m)

    @property
    def reference(self) -> dt.date | None:
        return self.doc.published

    def of(self, kinds) -> list[Mention]:
        if isinstance(kinds, str):
            return self.by_kind.get(kinds, [])
        return sorted((m for k in kinds for m in self.by_kind.get(k, [])), key=lambda m: m.start)

    def flag(self, mention: Mention, name: str) -> None:
        if name not in mention.flags:
            mention.flags.append(name)

    def surface(self, m: Mention) -> str:
        return self.doc.text[m.start : m.end]


def join_items(items: list[str]) -> str:
    """"Japan, South Korea and Australia" from ["Japan", "South Korea", "Australia"]."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def in_interval(x: float, lower: float | None, upper: float | None, strict_lower=False,
                strict_upper=False) -> bool:
    if lower is not None and (x < lower or (strict_lower and x == lower)):
        return False
    if upper is not None and (x > upper or (strict_upper and x == upper)):
        return False
    return True


_PATTERNS: dict[str, regex.Pattern] = {}


def compiled(pattern: str) -> regex.Pattern:
    """A check parameter's regex, compiled once per process."""
    c = _PATTERNS.get(pattern)
    if c is None:
        c = _PATTERNS[pattern] = regex.compile(pattern)
    return c
