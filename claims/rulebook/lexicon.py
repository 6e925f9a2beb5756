"""Lexicons: word lists beside the rules, one entry a line.

    # comment
    more than = more_than
    over = more_than
    Dec. 

An entry is the text before ` = `; its value (optional) the text after. Lookups ignore
case, curly apostrophes and runs of spaces.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import regex

from claims.rulebook.problems import ProblemList

_SPACES = regex.compile(r"\s+")
_MISSING = object()


def lexicon_key(text: str) -> str:
    return _SPACES.sub(" ", text.replace("\u2019", "'").replace("\u2018", "'").strip()).lower()


@dataclass(frozen=True, slots=True)
class Entry:
    text: str
    value: str | None
    path: str
    line: int


@dataclass
class Lexicon:
    name: str
    entries: list[Entry] = field(default_factory=list)
    _index: dict[str, str | None] = field(default_factory=dict, repr=False)

    def extend(self, entries: list[Entry]) -> None:
        self.entries.extend(entries)
        for e in entries:
            self._index.setdefault(lexicon_key(e.text), e.value)

    def get(self, text: str, default=None):
        found = self._index.get(text.lower(), _MISSING)  # the common case: one plain word
        if found is _MISSING:
            found = self._index.get(lexicon_key(text), default)
        return found

    def __contains__(self, text: str) -> bool:
        return text.lower() in self._index or lexicon_key(text) in self._index

    def texts(self) -> list[str]:
        return [e.text for e in self.entries]

    def pattern(self) -> str:
        """A regex alternation of every entry, longest first, spaces as \\s+."""
        alts = sorted({e.text for e in self.entries}, key=lambda t: (-len(t), t))
        return "|".join(_entry_pattern(t) for t in alts)


_LOWERED: dict[int, tuple[Lexicon, frozenset]] = {}


def lowered_entries(lexicon: Lexicon) -> frozenset:
    """A lexicon's entries in lower case, as a set, for hot lookups of single words (no
    normalization of spaces or quotes, unlike `in`)."""
    hit = _LOWERED.get(id(lexicon))
    if hit is None or hit[0] is not lexicon:
        hit = (lexicon, frozenset(e.text.lower() for e in lexicon.entries))
        _LOWERED[id(lexicon)] = hit
    return hit[1]


def _entry_pattern(text: str) -> str:
    out = []
    for ch in text:
        if ch.isspace():
            if not out or out[-1] != r"\s+":
                out.append(r"\s+")
        elif ch in "'\u2019":
            out.append("['\u2019]")
        elif ch == "#":
            out.append(r"\#")
        elif ch == "-":
            out.append(r"[-\u2010\u2011]")
        else:
            out.append(regex.escape(ch, special_only=True))
    return "".join(out)


def read_lexicon(path: Path, problems: ProblemList) -> list[Entry]:
    entries: list[Entry] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        problems.add(path, None, None, None, "R120", f"cannot read lexicon: {exc}")
        return entries
    for i, raw in enumerate(lines, 1):
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        text, sep, value = line.partition(" = ")
        text = text.strip()
        if not text:
            problems.add(path, i, None, None, "R120", f"lexicon line has no entry: {raw!r}")
            continue
        entries.append(Entry(text, value.strip() if sep else None, str(path), i))
    return entries
