"""Problems found while loading rule packs, each with a location and a stable code.

Codes (search for them in rules/README.md):
  R001 YAML syntax        R002 not a mapping        R003 duplicate key
  R101 unknown field      R102 missing field        R103 unknown fragment
  R104 bad regex          R105 invalid value        R106 unknown normalizer
  R107 group not in pattern / input not mapped      R108 unknown check type
  R109 bad check params   R110 unknown message variable
  R111 duplicate rule id  R112 missing examples     R113 bad example
  R114 unknown lexicon    R115 kind and folder disagree
  R116 bad file name      R117 fragment cycle       R118 fragment defines a group
  R119 duplicate fragment R120 bad lexicon line
  W201 pattern may backtrack catastrophically (a warning)
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    line: int | None
    rule: str | None
    field: str | None
    code: str
    message: str

    @property
    def is_warning(self) -> bool:
        return self.code.startswith("W")

    def format(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        parts = [where]
        if self.rule:
            parts.append(self.rule)
        if self.field:
            parts.append(self.field)
        return ": ".join(parts) + f": [{self.code}] {self.message}"


def display_path(path: str | os.PathLike) -> str:
    """A path as a person would type it: relative to the working directory when inside it."""
    p = os.fspath(path)
    try:
        rel = os.path.relpath(p)
    except ValueError:
        return p
    return p if rel.startswith("..") else rel


class ProblemList(list):
    def add(self, path, line, rule, field, code, message) -> None:
        self.append(Problem(display_path(path), line, rule, field, code, message))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self if not p.is_warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self if p.is_warning]
