"""Where rules are tried: an index of one text's words, digits and marks, built once.

Extraction asks it where the atoms a rule's matches start with occur (see
claims/rulebook/shape.py), tries the rule's pattern only there, and skips a rule whose
required words are absent from the text. Atom sets are interned once per engine
(`ScanPlan`) so that, per text, a lookup is a set intersection done in C.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_WORDS = re.compile(r"[^\W\d_]+")
_DIGIT_RUNS = re.compile(r"(?<!\d)\d")
_DIGITS = re.compile(r"\d")
_CAPS = re.compile(r"[^\W\d_a-z]")


class AtomSet:
    """One set of atoms, split by sort for fast lookups."""

    __slots__ = ("key", "toks", "pres", "chars", "digit", "anydigit", "upper", "anyupper")

    def __init__(self, atoms: frozenset):
        self.key = atoms
        self.toks = frozenset(a[1] for a in atoms if a[0] == "tok")
        self.pres = tuple(sorted(a[1] for a in atoms if a[0] == "pre"))
        self.chars = tuple(sorted(a[1] for a in atoms if a[0] == "char"))
        kinds = {a[0] for a in atoms}
        self.digit = "digit" in kinds
        self.anydigit = "anydigit" in kinds
        self.upper = "upper" in kinds
        self.anyupper = "anyupper" in kinds


class ScanPlan:
    """Every rule's atom sets, interned, and the words worth indexing."""

    def __init__(self, rules):
        interned: dict[frozenset, AtomSet] = {}

        def intern(atoms):
            if atoms not in interned:
                interned[atoms] = AtomSet(atoms)
            return interned[atoms]

        self.first = {r.id: intern(r.first) if r.first is not None else None for r in rules}
        self.required = {r.id: tuple(intern(a) for a in r.required) for r in rules}
        self.vocabulary = frozenset(w for s in interned.values() for w in s.toks)


class TextIndex:
    __slots__ = ("text", "low", "plan", "words", "wordset", "_union", "_runs", "_digits",
                 "_caps")

    def __init__(self, text: str, plan: ScanPlan):
        self.text = text
        self.low = lowered(text)
        self.plan = plan
        vocabulary = plan.vocabulary
        words: dict[str, list[int]] = {}
        for m in _WORDS.finditer(self.low):
            w = m.group()
            if w in vocabulary:
                found = words.get(w)
                if found is None:
                    words[w] = [m.start()]
                else:
                    found.append(m.start())
        self.words = words
        self.wordset = frozenset(words)
        self._union: dict[int, list[int]] = {}
        self._runs = self._digits = self._caps = None

    def present(self, s: AtomSet) -> bool:
        if s.toks and not s.toks.isdisjoint(self.wordset):
            return True
        text = self.text
        for c in s.chars:
            if c in text:
                return True
        for w in s.pres:
            if self._prefixed(w):
                return True
        if (s.digit or s.anydigit) and self.digit_runs:
            return True
        return bool((s.upper or s.anyupper) and self.capitals)

    def union(self, s: AtomSet) -> list[int]:
        """Sorted positions where any atom of `s` occurs (cached for the text)."""
        found = self._union.get(id(s))
        if found is not None:
            return found
        acc: list[int] = []
        words = self.words
        for w in s.toks & self.wordset:
            acc.extend(words[w])
        for c in s.chars:
            acc.extend(_find_all(self.text, c))
        for w in s.pres:
            acc.extend(self._prefixed(w))
        if s.anydigit:
            acc.extend(self.all_digits)
        elif s.digit:
            acc.extend(self.digit_runs)
        if s.anyupper or s.upper:
            caps = self.capitals
            acc.extend(caps if s.anyupper else (p for p in caps if p == 0 or not self.text[p - 1].isalpha()))
        found = sorted(set(acc))
        self._union[id(s)] = found
        return found

    @property
    def digit_runs(self) -> list[int]:
        if self._runs is None:
            self._runs = [m.start() for m in _DIGIT_RUNS.finditer(self.text)]
        return self._runs

    @property
    def all_digits(self) -> list[int]:
        if self._digits is None:
            self._digits = [m.start() for m in _DIGITS.finditer(self.text)]
        return self._digits

    @property
    def capitals(self) -> list[int]:
        if self._caps is None:
            self._caps = [m.start() for m in _CAPS.finditer(self.text) if m.group().isupper()]
        return self._caps

    def _prefixed(self, w: str) -> list[int]:
        low = self.low
        return [p for p in _find_all(low, w) if p == 0 or not low[p - 1].isalpha()]


def lowered(text: str) -> str:
    """The text in lower case with the same length (a few characters, like 'İ', grow
    when lowered; those are kept as they are so offsets stay valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _find_all(haystack: str, needle: str) -> list[int]:
    out = []
    i = haystack.find(needle)
    while i >= 0:
        out.append(i)
        i = haystack.find(needle, i + 1)
    return out


def near(starts: list[int], anchor_lists: list[list[int]], limits: list[int]) -> list[int]:
    """The starts that have, for every list, an anchor at or after them and before their
    limit (the end of their sentence): only there can a match hold all of them."""
    out = []
    for p, limit in zip(starts, limits):
        for anchors in anchor_lists:
            i = bisect_left(anchors, p)
            if i == len(anchors) or anchors[i] >= limit:
                break
        else:
            out.append(p)
    return out
