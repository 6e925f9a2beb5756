"""Rules ready to run: patterns compiled, normalizers and check types resolved."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import regex
from pydantic import BaseModel

from claims.checks.registry import CheckType
from claims.rulebook.spec import CheckRule, ExtractionRule


@dataclass(frozen=True, slots=True)
class ParseStep:
    normalizer: str
    fn: Any
    inputs: tuple[tuple[str, str], ...]  # (input name, group name)


@dataclass(frozen=True, slots=True)
class CompiledExtraction:
    id: str
    kind: str
    path: str
    spec: ExtractionRule
    source: str  # the pattern with its fragments expanded
    flags: int
    groups: frozenset[str]
    span_group: str | tuple[str, ...] | None  # a tuple: from the first group to the last
    steps: tuple[ParseStep, ...]
    constants: dict
    tolerance: float
    priority: int
    examples_published: dt.date
    pack: str
    # Where to try the pattern (claims/rulebook/shape.py): the atoms a match starts with
    # (None: anywhere), the atom sets every match contains (a text lacking one is skipped),
    # and the one used to narrow the places tried.
    first: frozenset | None = None
    required: tuple[frozenset, ...] = ()
    context: tuple[frozenset, ...] = ()  # demanded by lookarounds: present, not inside
    window: str = "sentence"
    _pattern: regex.Pattern | None = None  # compiled on first use (rulebook/patterncache.py)

    @property
    def regex(self) -> regex.Pattern:
        pattern = self._pattern
        if pattern is None:
            pattern = regex.compile(self.source, self.flags)
            object.__setattr__(self, "_pattern", pattern)
        return pattern

    @property
    def summary(self) -> str:
        return self.spec.summary

    @property
    def anchor(self) -> frozenset | None:
        return self.required[0] if self.required else None


@dataclass(frozen=True, slots=True)
class CompiledCheck:
    id: str
    path: str
    spec: CheckRule
    type: CheckType
    params: BaseModel
    applies_to: frozenset[str]
    level: str
    message: str
    consistent_message: str | None
    examples_published: dt.date
    pack: str

    @property
    def kind(self) -> str:
        return "check"

    @property
    def summary(self) -> str:
        return self.spec.summary
