"""Where rules are tried: an index of one text's words, digits and marks, built once.

Extraction asks it where the atoms a rule's matches start with occur (see
claims/rulebook/shape.py), tries the rule's pattern only there, and skips a rule whose
required words are absent from the text. Atom sets are interned once per engine
(`ScanPlan`) so that, per text, a lookup is a set intersection done in C.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

import regex

from claims.rulebook.shape import everywhere

_DIGIT_RUNS = re.compile(r"(?<!\d)\d")
_WORD = re.compile(r"[^ ]+")
# Up to this length a text's words are found by searching for each word asked for.
_SEARCH_WORDS_UP_TO = 16_384
_DIGITS = re.compile(r"\d")
_CAPS = regex.compile(r"\p{Lu}")
_WORD_CAPS = regex.compile(r"(?<!\p{L})\p{Lu}")


class AtomSet:
    """One set of atoms, split by sort for fast lookups."""

    __slots__ = ("key", "toks", "pres", "subs", "chars", "digit", "anydigit", "upper",
                 "anyupper", "everywhere")

    def __init__(self, atoms: frozenset):
        self.key = atoms
        self.toks = frozenset(a[1] for a in atoms if a[0] == "tok")
        self.pres = tuple(sorted(a[1] for a in atoms if a[0] == "pre"))
        self.subs = tuple(sorted(a[1] for a in atoms if a[0] == "sub"))
        self.chars = tuple(sorted(a[1] for a in atoms if a[0] == "char"))
        kinds = {a[0] for a in atoms}
        self.digit = "digit" in kinds
        self.anydigit = "anydigit" in kinds
        self.upper = "upper" in kinds
        self.anyupper = "anyupper" in kinds
        self.everywhere = everywhere(atoms)


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
        # The sets that narrow where a rule is tried: the two rarest that are not met in
        # every sentence (listing more costs more than it saves), no two of the same words.
        self.narrowing = {r.id: _narrowing(self.required[r.id]) for r in rules}
        self.context = {r.id: tuple(intern(a) for a in r.context) for r in rules}
        # Every prefix any rule starts with or needs ("afghan" for "Afghanistan's"): a
        # text's few hundred distinct words are sorted by them once, instead of the text
        # being searched once per prefix.
        prefixes = {w for s in interned.values() for w in s.pres}
        self.prefixes = tuple(sorted(prefixes))
        self.prefix_set = frozenset(prefixes)
        self.prefix_lengths = tuple(sorted({len(w) for w in prefixes}))


def _narrowing(sets: tuple[AtomSet, ...]) -> tuple[AtomSet, ...]:
    out: list[AtomSet] = []
    seen: set[frozenset] = set()
    for s in sets:  # rarest first (claims/rulebook/shape.py sorts them)
        words = frozenset(a[1] for a in s.key if len(a) > 1)
        if s.everywhere or (words and words in seen):
            continue
        seen.add(words)
        out.append(s)
        if len(out) == 2:
            break
    return tuple(out)


class TextIndex:
    """Words, digits and capitals of one text. Words are runs of letters: the text is
    lowered and every other character becomes a space, so a word's places are found with
    str.find on " word " -- in C, and only for words a rule still needs."""

    __slots__ = ("text", "low", "spaced", "plan", "wordset", "_words", "_union", "_runs",
                 "_digits", "_caps", "_word_caps", "_has_digit", "_has_upper", "_present",
                 "_bounds", "_by_prefix", "_all_words")

    def __init__(self, text: str, plan: ScanPlan):
        self.text = text
        self.low = low = lowered(text)
        self.spaced = " " + letters_only(low) + " "
        self.plan = plan
        self.wordset = frozenset(self.spaced.split())
        self._words: dict[str, list[int]] = {}
        self._union: dict[int, list[int]] = {}
        self._runs = self._digits = self._caps = self._word_caps = None
        self._has_digit = _DIGITS.search(text) is not None
        self._has_upper = text != low
        self._present: dict[int, bool] = {}
        self._bounds: dict[tuple, list[int]] = {}
        self._by_prefix: dict[str, list[str]] | None = None
        self._all_words = False

    def word(self, w: str) -> list[int]:
        found = self._words.get(w)
        if found is None:
            if self._all_words:
                return []
            if len(self.spaced) > _SEARCH_WORDS_UP_TO:
                self._index_all_words()
                return self._words.get(w, [])
            # In `spaced`, position i+1 is the text's position i.
            found = _find_all(self.spaced, f" {w} ")
            self._words[w] = found
        return found

    def _index_all_words(self) -> None:
        """Every word's places in one pass. A search per word reads the whole text, and a
        long text asks for more distinct words (a megabyte: ~1,700), so past a few pages
        one pass is cheaper and keeps the cost linear."""
        words: dict[str, list[int]] = {}
        for m in _WORD.finditer(self.spaced):
            found = words.get(m.group())
            if found is None:
                words[m.group()] = [m.start() - 1]
            else:
                found.append(m.start() - 1)
        self._words.update(words)
        self._all_words = True

    def present(self, s: AtomSet) -> bool:
        found = self._present.get(id(s))
        if found is None:
            found = self._present[id(s)] = self._is_present(s)
        return found

    def _is_present(self, s: AtomSet) -> bool:
        if s.toks and not s.toks.isdisjoint(self.wordset):
            return True
        text = self.text
        for c in s.chars:
            if c in text:
                return True
        if s.pres:
            by_prefix = self.by_prefix
            for w in s.pres:
                if w in by_prefix:
                    return True
        low = self.low
        for w in s.subs:
            if w in low:
                return True
        if (s.digit or s.anydigit) and self._has_digit:
            return True
        return bool((s.upper or s.anyupper) and self._has_upper)

    def union(self, s: AtomSet) -> list[int]:
        """Sorted positions where any atom of `s` occurs (cached for the text)."""
        found = self._union.get(id(s))
        if found is not None:
            return found
        acc: list[int] = []
        for w in s.toks & self.wordset:
            acc.extend(self.word(w))
        for c in s.chars:
            acc.extend(_find_all(self.text, c))
        for w in s.pres:
            acc.extend(self._prefixed(w))
        for w in s.subs:
            acc.extend(_find_all(self.low, w))
        if s.anydigit:
            acc.extend(self.all_digits)
        elif s.digit:
            acc.extend(self.digit_runs)
        if s.anyupper:
            acc.extend(self.capitals)
        elif s.upper:
            acc.extend(self.word_capitals)
        found = sorted(set(acc)) if len(acc) > 1 else acc
        self._union[id(s)] = found
        return found

    def last_before(self, s: AtomSet, units: list[tuple[int, int]], slack: int) -> list[int]:
        """For each sentence (or paragraph) of `units`, the last place an atom of `s` occurs
        in it or within `slack` after it; -1 where none does."""
        key = (id(s), id(units))
        found = self._bounds.get(key)
        if found is None:
            positions = self.union(s)
            found = []
            for start, end in units:
                i = bisect_left(positions, end + slack) - 1
                found.append(positions[i] if i >= 0 and positions[i] >= start else -1)
            self._bounds[key] = found
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
            self._caps = [m.start() for m in _CAPS.finditer(self.text)]
        return self._caps

    @property
    def word_capitals(self) -> list[int]:
        """Capitals that begin a word."""
        if self._word_caps is None:
            self._word_caps = [m.start() for m in _WORD_CAPS.finditer(self.text)]
        return self._word_caps

    @property
    def by_prefix(self) -> dict[str, list[str]]:
        """The text's words under each rule prefix they begin with."""
        found = self._by_prefix
        if found is None:
            plan = self.plan
            found = {}
            if plan.prefixes:
                wanted, lengths = plan.prefix_set, plan.prefix_lengths
                for w in self.wordset:
                    if w.startswith(plan.prefixes):  # a test in C; most words fail it
                        for n in lengths:
                            if n > len(w):
                                break
                            if w[:n] in wanted:
                                found.setdefault(w[:n], []).append(w)
            self._by_prefix = found
        return found

    def _prefixed(self, w: str) -> list[int]:
        """Where words beginning with `w` start."""
        words = self.by_prefix.get(w)
        if not words:
            return []
        if len(words) == 1:
            return self.word(words[0])
        # One search for the prefix, not one per word: in a long text a prefix like "a"
        # begins thousands of distinct words, and each search reads the whole text.
        key = " " + w
        found = self._words.get(key)  # cached beside whole words; keys never clash
        if found is None:
            found = self._words[key] = _find_all(self.spaced, key)
        return found


# Bytes that are letters stay; every other ASCII byte becomes a space.
_ASCII_LETTERS = bytes(c if chr(c).isalpha() else 32 for c in range(128)) + bytes(range(128, 256))
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def letters_only(low: str) -> str:
    """`low` with every character that is not a letter replaced by a space (same length).
    The ASCII part goes through bytes.translate, which is fast; str.translate with a table
    is slow on any text with a curly quote in it."""
    spaced = low.encode("ascii", "replace").translate(_ASCII_LETTERS).decode("ascii")
    if low.isascii():
        return spaced
    out, last = [], 0
    for m in _NON_ASCII.finditer(low):
        out.append(spaced[last : m.start()])
        out.append("".join(c if c.isalpha() else " " for c in m.group()))
        last = m.end()
    out.append(spaced[last:])
    return "".join(out)


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


def near(starts: list[int], bounds: list[list[int]], units: list[tuple[int, int]]) -> list[int]:
    """The starts that have, in their sentence, an anchor of every set at or after them:
    only there can a match hold them all. `bounds` are TextIndex.last_before lists."""
    out: list[int] = []
    n = len(starts)
    if not n:
        return out
    lo = 0
    for k, (s_start, s_end) in enumerate(units):
        bound = s_end
        for b in bounds:
            if b[k] < bound:
                bound = b[k]
        if bound < s_start:
            continue
        lo = bisect_left(starts, s_start, lo)
        if lo == n:
            break
        hi = bisect_right(starts, bound, lo)
        if hi > lo:
            out.extend(starts[lo:hi])
            lo = hi
    return out
