"""The shape of a rule's pattern: where in a text a match can start.

A rule is run by trying its compiled pattern only at positions where a match could begin,
instead of scanning the whole text. This module reads a pattern as written (with its
`{fragment}` and `{@lexicon}` references, before expansion) and works out the *first
atoms* every match starts with:

    ("tok", "more")    a word equal to "more" (lower case)
    ("pre", "plac")    a word starting with "plac"
    ("digit",)         the first digit of a run of digits
    ("anydigit",)      any digit
    ("char", "%")      the character "%"
    ("upper",)         a capital letter that starts a word; ("anyupper",) any capital

`first_atoms()` returns None when it cannot be sure (a leading wildcard, a class of
letters, a construct it does not model): such a rule is scanned in full, as before, and
`claims rules lint` says so. The analysis is conservative by design: a position it
misses would be a claim lost, so when in doubt it widens (a word -> any word it begins
-> anywhere). One assumption is made: a word a rule names begins a word of the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

Atom = tuple


# --- a small parser for verbose-mode patterns ------------------------------------------

@dataclass
class Node:
    pass


@dataclass
class Lit(Node):
    char: str


@dataclass
class Class(Node):
    text: str  # the source of the class: "[...]" or an escape like "\\d"


@dataclass
class Zero(Node):
    """A zero-width item: \\b, ^, $, a lookaround, a flag group."""

    kind: str  # "boundary", "nonboundary", "anchor", "lookahead", "lookbehind", "neglookbehind"
    child: Node | None = None


@dataclass
class Ref(Node):
    name: str
    lexicon: bool


@dataclass
class Group(Node):
    child: Node


@dataclass
class Repeat(Node):
    child: Node
    min: int
    max: int | None


@dataclass
class Seq(Node):
    items: list[Node] = field(default_factory=list)


@dataclass
class Alt(Node):
    branches: list[Node] = field(default_factory=list)


class Unsupported(Exception):
    pass


_SKIP = regex.compile(r"(?:\s+|\#[^\n]*)*")  # verbose mode: spaces and comments
_REF = regex.compile(r"\{(@?)([A-Za-z][\w-]*)(?::[A-Za-z_]\w*)?\}")
_QUANT = regex.compile(r"\{(\d*)(?:(,)(\d*))?\}")


class _Parser:
    def __init__(self, pattern: str):
        self.s = pattern
        self.i = 0

    def parse(self) -> Node:
        node = self.alt()
        if self.i < len(self.s):
            raise Unsupported(f"unbalanced ')' at {self.i}")
        return node

    def peek(self) -> str:
        self.skip()
        return self.s[self.i] if self.i < len(self.s) else ""

    def skip(self) -> None:
        self.i = _SKIP.match(self.s, self.i).end()

    def alt(self) -> Node:
        branches = [self.seq()]
        while self.peek() == "|":
            self.i += 1
            branches.append(self.seq())
        return branches[0] if len(branches) == 1 else Alt(branches)

    def seq(self) -> Node:
        items: list[Node] = []
        while True:
            c = self.peek()
            if c in ("", "|", ")"):
                break
            item = self.atom()
            items.append(self.quantified(item))
        return Seq(items)

    def quantified(self, item: Node) -> Node:
        self.skip()
        s = self.s
        if self.i >= len(s):
            return item
        c = s[self.i]
        lo, hi = None, None
        if c == "?":
            lo, hi = 0, 1
            self.i += 1
        elif c == "*":
            lo, hi = 0, None
            self.i += 1
        elif c == "+":
            lo, hi = 1, None
            self.i += 1
        elif c == "{":
            m = _QUANT.match(s, self.i)
            if m and (m.group(1) or m.group(3)):
                a = int(m.group(1) or 0)
                if m.group(2):
                    b = int(m.group(3)) if m.group(3) else None
                else:
                    b = a
                lo, hi = a, b
                self.i = m.end()
        if lo is None:
            return item
        if self.i < len(s) and s[self.i] in "?+":  # lazy or possessive
            self.i += 1
        if isinstance(item, Zero):
            return item
        return Repeat(item, lo, hi)

    def atom(self) -> Node:
        s = self.s
        c = s[self.i]
        if c == "(":
            return self.group()
        if c == "[":
            return self.char_class()
        if c == "\\":
            return self.escape()
        if c == "{":
            m = _REF.match(s, self.i)
            if m:
                self.i = m.end()
                return Ref(m.group(2), bool(m.group(1)))
            raise Unsupported("a brace that is neither a fragment nor a quantifier")
        self.i += 1
        if c == ".":
            return Class(".")
        if c in "^$":
            return Zero("anchor")
        return Lit(c)

    def group(self) -> Node:
        s = self.s
        self.i += 1
        kind = "group"
        if s.startswith("?", self.i):
            rest = s[self.i + 1 :]
            if rest.startswith(":"):
                self.i += 2
            elif rest.startswith(("P<", "<")) and not rest.startswith(("<=", "<!")):
                end = s.index(">", self.i)
                self.i = end + 1
            elif rest.startswith("="):
                kind, self.i = "lookahead", self.i + 2
            elif rest.startswith("!"):
                kind, self.i = "neglookahead", self.i + 2
            elif rest.startswith("<="):
                kind, self.i = "lookbehind", self.i + 3
            elif rest.startswith("<!"):
                kind, self.i = "neglookbehind", self.i + 3
            elif rest.startswith(">"):
                self.i += 2
            elif rest.startswith("#"):
                end = s.index(")", self.i)
                self.i = end + 1
                return Zero("comment")
            else:
                m = regex.match(r"\?[a-zA-Z-]*(:|\))", s[self.i :])
                if not m:
                    raise Unsupported(f"group syntax at {self.i}")
                self.i += m.end()
                if m.group(1) == ")":
                    return Zero("flags")
        child = self.alt()
        if self.peek() != ")":
            raise Unsupported("missing )")
        self.i += 1
        if kind == "group":
            return Group(child)
        return Zero(kind, child)

    def char_class(self) -> Node:
        s = self.s
        start = self.i
        self.i += 1
        if s.startswith("^", self.i):
            self.i += 1
        if s.startswith("]", self.i):
            self.i += 1
        while self.i < len(s) and s[self.i] != "]":
            if s[self.i] == "\\":
                self.i += 2
            elif s[self.i] == "[":  # nested set (VERSION1) - not modelled
                raise Unsupported("nested character set")
            else:
                self.i += 1
        self.i += 1
        return Class(s[start : self.i])

    def escape(self) -> Node:
        s = self.s
        start = self.i
        nxt = s[self.i + 1] if self.i + 1 < len(s) else ""
        self.i += 2
        if nxt in "pPN" and s.startswith("{", self.i):
            self.i = s.index("}", self.i) + 1
            return Class(s[start : self.i])
        if nxt == "x":
            if s.startswith("{", self.i):
                self.i = s.index("}", self.i) + 1
            else:
                self.i += 2
            return Lit(_unescape(s[start : self.i]))
        if nxt == "u":
            self.i += 4
            return Lit(_unescape(s[start : self.i]))
        if nxt == "b":
            return Zero("boundary")
        if nxt in "BAZzG":
            return Zero("anchor")
        if nxt in "dDwWsShHvV":
            return Class("\\" + nxt)
        if nxt.isdigit() or nxt == "g":
            raise Unsupported("back-reference")
        if nxt in "nrtfae":
            return Lit({"n": "\n", "r": "\r", "t": "\t", "f": "\f", "a": "\a", "e": "\x1b"}[nxt])
        return Lit(nxt)  # an escaped literal: \. \$ \  \# ...


def _unescape(text: str) -> str:
    return text.encode("ascii").decode("unicode_escape")


def parse(pattern: str) -> Node:
    return _Parser(pattern).parse()


# --- first atoms -----------------------------------------------------------------------

_LETTER = regex.compile(r"\p{L}")
_WORD_CHARS_CLASS = regex.compile(r"\\w|\\p\{L[a-z]?\}|a-z|A-Z|\\d|0-9")


class Shape:
    """First atoms of the patterns of one rule pack: fragments and lexicons by name."""

    def __init__(self, fragments: dict[str, str], lexicons: dict):
        self.fragments = fragments
        self.lexicons = lexicons
        self._parsed: dict[str, Node] = {}
        self._lexicon_cache: dict[tuple, set] = {}

    def node(self, name: str) -> Node:
        if name not in self._parsed:
            self._parsed[name] = parse(self.fragments[name])
        return self._parsed[name]

    def first_atoms(self, pattern: str) -> frozenset | None:
        try:
            atoms, nullable = self._first(parse(pattern), before=0, after_ok=lambda: True)
        except (Unsupported, KeyError, ValueError, IndexError, RecursionError):
            return None
        if atoms is None or nullable:
            return None
        return frozenset(atoms)

    def required_atoms(self, pattern: str) -> list[frozenset]:
        """Every atom set of which each match contains at least one member, rarest first.
        A text lacking any one of them cannot match; the first is the best anchor."""
        try:
            sets = self._mandatory(parse(pattern), False, lambda: True)
        except (Unsupported, KeyError, ValueError, IndexError, RecursionError):
            return []
        return sorted(set(sets), key=lambda a: (_cost(a), sorted(a)))

    def context_atoms(self, pattern: str) -> list[frozenset]:
        """Atom sets that lookarounds demand near a match ("in" before a year): the text
        must hold them, though not inside the match."""
        try:
            node = parse(pattern)
        except (Unsupported, ValueError, IndexError, RecursionError):
            return []
        out: list[frozenset] = []
        try:
            self._lookaround_sets(node, out)
        except (Unsupported, KeyError, ValueError, IndexError, RecursionError):
            return []
        return sorted(set(out), key=lambda a: (_cost(a), sorted(a)))

    def _lookaround_sets(self, node: Node, out: list) -> None:
        """Positive lookarounds on the mandatory path of `node`."""
        if isinstance(node, Seq):
            for item in node.items:
                self._lookaround_sets(item, out)
        elif isinstance(node, Zero) and node.kind in ("lookahead", "lookbehind") and node.child:
            out.extend(self._mandatory(node.child, False, lambda: False))
        elif isinstance(node, Group):
            self._lookaround_sets(node.child, out)
        elif isinstance(node, Repeat) and node.min >= 1:
            self._lookaround_sets(node.child, out)
        elif isinstance(node, Ref) and not node.lexicon:
            self._lookaround_sets(self.node(node.name), out)

    def _mandatory(self, node: Node, before: bool, after_ok) -> list[frozenset]:
        """Alternative atom sets, each met by every match of `node`."""
        if isinstance(node, Seq):
            out: list[frozenset] = []
            items = node.items
            i = 0
            while i < len(items):
                item = items[i]
                if isinstance(item, Zero):
                    before = before | _asserts_word_start(item)
                    i += 1
                    continue
                if isinstance(item, Lit) and _LETTER.match(item.char):
                    word, j = _letter_run(items, i)
                    whole = _ends_word(items[j:], self, after_ok)
                    if len(word) >= 2 or before:
                        atom = (("sub", word.lower()) if _after_letters(items[:i])
                                else _word_atom(word.lower(), before, whole))
                        out.append(frozenset({atom}))
                    before = 0
                    i = j
                    continue
                rest = items[i + 1 :]
                nxt = (lambda rest=rest: _ends_word(rest, self, after_ok)) if rest else after_ok
                out.extend(self._mandatory(item, before, nxt))
                before = _ends_mask(item, self)
                i += 1
            return out
        if isinstance(node, Alt):
            union: set = set()
            for b in node.branches:
                sets = self._mandatory(b, before, after_ok)
                if not sets:
                    return []
                union |= min(sets, key=_cost)
            return [frozenset(union)]
        if isinstance(node, Group):
            return self._mandatory(node.child, before, after_ok)
        if isinstance(node, Repeat):
            return self._mandatory(node.child, before, lambda: False) if node.min >= 1 else []
        if isinstance(node, Ref):
            if node.lexicon:
                return [frozenset(self._lexicon_anchor_atoms(node.name, before, after_ok))]
            return self._mandatory(self.node(node.name), before, after_ok)
        if isinstance(node, Lit):
            if node.char.isdigit():
                return [frozenset({("anydigit",)})]
            if not _LETTER.match(node.char) and not node.char.isspace():
                return [frozenset({("char", node.char)})]
            return []
        if isinstance(node, Class):
            atoms = self._class_atoms(node.text, before)
            return [frozenset(atoms)] if atoms else []
        return []

    # `before`: what is known of the character before this point, a mask of
    # NOT_AFTER_LETTER (a word starts here) and NOT_AFTER_DIGIT (a run of digits starts here).
    # `after_ok()`: true when what follows this node cannot continue a word (so a word that
    # the node ends with is a whole token). Returns (atoms or None for "anywhere", nullable).
    def _first(self, node: Node, before: bool, after_ok):
        if isinstance(node, Seq):
            return self._first_seq(node.items, before, after_ok)
        if isinstance(node, Alt):
            out: set = set()
            nullable = False
            for b in node.branches:
                atoms, null = self._first(b, before, after_ok)
                if atoms is None:
                    return None, False
                out |= atoms
                nullable = nullable or null
            return out, nullable
        if isinstance(node, Group):
            return self._first(node.child, before, after_ok)
        if isinstance(node, Repeat):
            atoms, null = self._first(node.child, before, lambda: False)
            return atoms, null or node.min == 0
        if isinstance(node, Zero):
            return set(), True
        if isinstance(node, Ref):
            if node.lexicon:
                return self._lexicon_atoms(node.name, before, after_ok), False
            return self._first(self.node(node.name), before, after_ok)
        if isinstance(node, Lit):
            return self._char_atoms(node.char, before), False
        if isinstance(node, Class):
            return self._class_atoms(node.text, before), False
        return None, False

    def _first_seq(self, items: list[Node], before: bool, after_ok):
        atoms: set = set()
        i = 0
        while i < len(items):
            item = items[i]
            if isinstance(item, Zero):
                before = before | _asserts_word_start(item)
                i += 1
                continue
            # A run of letters is one word atom.
            if isinstance(item, Lit) and _LETTER.match(item.char):
                word, j = _letter_run(items, i)
                whole = _ends_word(items[j:], self, after_ok)
                atoms |= {_word_atom(word.lower(), before, whole)}
                return atoms, False
            rest = items[i + 1 :]
            atoms_i, nullable = self._first(
                item, before, (lambda rest=rest: _ends_word(rest, self, after_ok)) if rest else after_ok
            )
            if atoms_i is None:
                return None, False
            atoms |= atoms_i
            if not nullable:
                return atoms, False
            # When an optional item is absent the match starts at the next one, in the
            # same context, so `before` carries over.
            i += 1
        return atoms, True

    def _lexicon_atoms(self, name: str, before: bool, after_ok) -> set:
        whole = after_ok()
        key = ("first", name, whole)
        if key not in self._lexicon_cache:
            self._lexicon_cache[key] = self._lexicon_atoms_uncached(name, whole)
        return self._lexicon_cache[key]

    def _lexicon_atoms_uncached(self, name: str, whole: bool) -> set:
        lex = self.lexicons[name]
        out = set()
        before = 0
        for e in lex.entries:
            t = e.text.lower()
            m = regex.match(r"\p{L}+", t)
            if m:
                single = m.end() == len(t)
                out.add(_word_atom(m.group(), before, whole or not single))
            elif t[:1].isdigit():
                out.add(("anydigit",))
            else:
                out.add(("char", t[0]) if t[0] not in "'\u2019" else ("char", "'"))
                if t[0] in "'\u2019":
                    out.add(("char", "\u2019"))
        return out

    def _lexicon_anchor_atoms(self, name: str, before: bool, after_ok) -> set:
        """Like _lexicon_atoms, but an entry with a rare symbol in it ("A$", "US$") is
        represented by that symbol: every occurrence of the entry contains it."""
        whole = after_ok()
        key = ("anchor", name, whole)
        if key not in self._lexicon_cache:
            self._lexicon_cache[key] = self._lexicon_anchor_atoms_uncached(name, whole)
        return self._lexicon_cache[key]

    def _lexicon_anchor_atoms_uncached(self, name: str, whole: bool) -> set:
        out = set()
        starts = self._lexicon_atoms_uncached(name, whole)
        by_first = {}
        for e in self.lexicons[name].entries:
            t = e.text.lower()
            symbol = next((c for c in t if not c.isalnum() and not c.isspace()
                           and c not in _COMMON_CHARS), None)
            if symbol is not None:
                out.add(("char", symbol))
            elif _LITERAL_ENTRY.fullmatch(t):
                # "in.", "mi.", "km/h": the whole entry as written is rarer than its word
                # ("in"), and the pattern matches it letter for letter.
                out.add(("sub", t))
            else:
                by_first.setdefault(_first_token(t), []).append(t)
        for atom in starts:
            key = atom[1] if len(atom) > 1 else None
            if atom[0] in ("tok", "pre", "sub") and key not in by_first:
                continue  # only entries written otherwise start with it
            out.add(atom)
        return out

    def _char_atoms(self, c: str, before: bool) -> set:
        if c.isdigit():
            return {("anydigit",)}
        if _LETTER.match(c):
            return {_word_atom(c.lower(), before, False)}
        return {("char", c)}

    def _class_atoms(self, text: str, before: bool):
        if text == "\\s":
            return {("char", c) for c in _SPACES}
        if text in ("\\d", "[0-9]", "[\\d]"):
            return {("digit",) if before & NOT_AFTER_DIGIT else ("anydigit",)}
        if text in ("\\p{Lu}", "[A-Z]"):
            return {("upper",) if before & NOT_AFTER_LETTER else ("anyupper",)}
        if text.startswith("[") and not text.startswith("[^"):
            body = text[1:-1]
            if _WORD_CHARS_CLASS.search(body) or "-" in body.strip("-"):
                return None
            chars = _class_chars(body)
            if chars is None or any(_LETTER.match(c) or c.isdigit() or c.isspace() for c in chars):
                return None
            return {("char", c) for c in chars}
        return None


# A lexicon entry the pattern matches character for character: letters, then some marks
# that lexicon patterns do not widen (they widen spaces, apostrophes and hyphens).
_LITERAL_ENTRY = regex.compile(r"\p{L}+[./]\p{L}*\.?")


def _first_token(text: str) -> str | None:
    m = regex.match(r"\p{L}+", text)
    return m.group() if m else None


def _class_chars(body: str) -> list[str] | None:
    out = []
    i = 0
    while i < len(body):
        c = body[i]
        if c == "\\":
            if i + 1 >= len(body):
                return None
            n = body[i + 1]
            if n in "dDwWsSpPN":
                return None
            out.append(n)
            i += 2
        else:
            out.append(c)
            i += 1
    return out


NOT_AFTER_LETTER = 1
NOT_AFTER_DIGIT = 2


def _asserts_word_start(z: Zero) -> int:
    """What \\b or a negative lookbehind says of the character before: a mask."""
    if z.kind == "boundary":  # before a word character, \b means no word character before
        return NOT_AFTER_LETTER | NOT_AFTER_DIGIT
    if z.kind == "neglookbehind" and isinstance(z.child, Seq) and len(z.child.items) == 1:
        only = z.child.items[0]
        if isinstance(only, Class):
            t = only.text
            mask = 0
            if "\\w" in t:
                mask |= NOT_AFTER_LETTER | NOT_AFTER_DIGIT
            if "\\p{L}" in t or "a-z" in t:
                mask |= NOT_AFTER_LETTER
            if "\\d" in t or "0-9" in t:
                mask |= NOT_AFTER_DIGIT
            return mask
    return 0


def _ends_word(items: list[Node], shape: Shape, after=lambda: True) -> bool:
    """True when the next character matched after a word cannot be a letter; `after()`
    answers for what follows `items`. At the end of the whole pattern a word is taken to
    end there: a rule that names a word names a whole word unless it goes on with letters."""
    if not items:
        return after()
    item, rest = items[0], items[1:]
    nxt = (lambda: _ends_word(rest, shape, after))
    if isinstance(item, Zero):
        if item.kind == "boundary":
            return True
        if item.kind == "neglookahead" and isinstance(item.child, Seq) and item.child.items:
            first = item.child.items[0]
            if isinstance(first, Class) and ("\\w" in first.text or "\\p{L}" in first.text):
                return True
        return nxt()
    if isinstance(item, Lit):
        return not _LETTER.match(item.char)
    if isinstance(item, Class):
        t = item.text
        if t in ("\\s", "\\d", "\\W"):
            return True
        if t.startswith("[") and not t.startswith("[^") and "\\w" not in t and "\\p" not in t:
            chars = _class_chars(t[1:-1].replace("\\s", " ").replace("\\d", "0"))
            return chars is not None and not any(_LETTER.match(c) for c in chars) and not (
                "-" in t[1:-1].strip("-"))
        return False
    if isinstance(item, Seq):
        return _ends_word(item.items + rest, shape, after)
    if isinstance(item, Group):
        return _ends_word([item.child] + rest, shape, after)
    if isinstance(item, Alt):
        return all(_ends_word([b] + rest, shape, after) for b in item.branches)
    if isinstance(item, Repeat):
        if item.min >= 1:
            return _ends_word([item.child] + rest, shape, after)
        return _ends_word([item.child] + rest, shape, after) and nxt()
    if isinstance(item, Ref):
        if item.lexicon:
            return all(not _LETTER.match(e.text[:1]) for e in shape.lexicons[item.name].entries)
        return _ends_word([shape.node(item.name)] + rest, shape, after)
    return False



_COMMON = frozenset(
    "a an and or the of to in on at for by with from as is was be are were it its he she they "
    "that this but not no said says more than over about some up".split()
)


_SPACES = " \t\n\r\f\v\u00a0\u2009\u202f\u3000"
_COMMON_CHARS = frozenset(" \t\n\r\f\v\u00a0\u2009\u202f\u3000" ",.-'\"()/:;")


def everywhere(atoms: frozenset) -> bool:
    """A set met between nearly any two words (a space): worth a presence test, useless
    for narrowing where a rule is tried, and costly to list."""
    return any(a[0] == "char" and a[1].isspace() for a in atoms)


def _cost(atoms: frozenset) -> float:
    """How often a set of atoms is expected to occur in news text (lower is rarer): a
    guess, good enough to prefer "%" or a month over any digit or the word "and"."""
    total = 0.0
    for a in atoms:
        if a[0] == "char":
            total += (20 if a[1] in "()" else 60) if a[1] in _COMMON_CHARS else 1
        elif a[0] in ("digit", "anydigit"):
            total += 40
        elif a[0] in ("upper", "anyupper"):
            total += 80
        elif a[0] == "sub":
            total += 40 if a[1] in _COMMON or len(a[1]) <= 2 else 3
        else:
            word = a[1]
            total += 40 if word in _COMMON else 0.3
    return total + 1


def _after_letters(before_items: list[Node]) -> bool:
    """True when the item just before (skipping zero-width ones) may end with a letter
    written in the pattern itself -- `[Ee]very`, `(?:Mon|Tues)days` -- so a word that
    follows is the middle of a word of the text, not its start."""
    for item in reversed(before_items):
        if isinstance(item, Zero):
            continue
        return _may_end_with_letter(item)
    return False


def _may_end_with_letter(item: Node) -> bool:
    if isinstance(item, Lit):
        return bool(_LETTER.match(item.char))
    if isinstance(item, Class):
        t = item.text
        if t in ("\\s", "\\d", "\\W", "\\S", "\\D"):
            return t in ("\\S", "\\D")
        if t.startswith("[") and not t.startswith("[^") and "\\w" not in t and "\\p" not in t \
                and "-" not in t[1:-1].strip("-"):
            chars = _class_chars(t[1:-1].replace("\\s", " ").replace("\\d", "0"))
            if chars is not None:
                return any(_LETTER.match(c) for c in chars)
        return True  # a class that may hold letters: err towards "middle of a word"
    if isinstance(item, Repeat):
        return _may_end_with_letter(item.child)
    if isinstance(item, Group):
        return _may_end_with_letter(item.child)
    if isinstance(item, Seq):
        for sub in reversed(item.items):
            if isinstance(sub, Zero):
                continue
            return _may_end_with_letter(sub)
        return False
    if isinstance(item, Alt):
        return any(_may_end_with_letter(b) for b in item.branches)
    return False  # fragments and lexicons are written to end at word edges


def _ends_mask(item: Node, shape: Shape) -> int:
    """What surely holds of the last character `item` matches: a mask of NOT_AFTER_LETTER
    and NOT_AFTER_DIGIT for whatever comes next. Optional items are sure of nothing."""
    if isinstance(item, Lit):
        c = item.char
        return (0 if _LETTER.match(c) else NOT_AFTER_LETTER) | (0 if c.isdigit() else NOT_AFTER_DIGIT)
    if isinstance(item, Class):
        t = item.text
        if t in ("\\s", "[\\s-]", "[\\ \\t]"):
            return NOT_AFTER_LETTER | NOT_AFTER_DIGIT
        if t == "\\d":
            return NOT_AFTER_LETTER
        if t.startswith("[") and not t.startswith("[^") and "\\w" not in t and "\\p" not in t \
                and "-" not in t[1:-1].strip("-"):
            chars = _class_chars(t[1:-1].replace("\\s", " ").replace("\\d", "0"))
            if chars is None:
                return 0
            mask = NOT_AFTER_LETTER | NOT_AFTER_DIGIT
            if any(_LETTER.match(c) for c in chars):
                mask &= ~NOT_AFTER_LETTER
            if any(c.isdigit() for c in chars):
                mask &= ~NOT_AFTER_DIGIT
            return mask
        return 0
    if isinstance(item, Repeat):
        return _ends_mask(item.child, shape) if item.min >= 1 else 0
    if isinstance(item, Group):
        return _ends_mask(item.child, shape)
    if isinstance(item, Seq):
        items = item.items
        for i in range(len(items) - 1, -1, -1):
            last = items[i]
            if isinstance(last, Zero):
                continue
            if isinstance(last, Repeat) and last.min == 0:
                # "50" or "50.5": what ends the sequence is the optional part or what
                # comes before it, so both must agree.
                return _ends_mask(last.child, shape) & _ends_mask(Seq(items[:i]), shape)
            return _ends_mask(last, shape)
        return 0
    if isinstance(item, Alt):
        mask = NOT_AFTER_LETTER | NOT_AFTER_DIGIT
        for b in item.branches:
            mask &= _ends_mask(b, shape)
        return mask
    if isinstance(item, Ref) and not item.lexicon:
        return _ends_mask(shape.node(item.name), shape)
    return 0


def _letter_run(items: list[Node], i: int) -> tuple[str, int]:
    """The literal letters from items[i] on, and the index after them."""
    j = i
    while j < len(items) and isinstance(items[j], Lit) and _LETTER.match(items[j].char):
        j += 1
    return "".join(item.char for item in items[i:j]), j


def _word_atom(word: str, before: bool, whole: bool) -> Atom:
    # A word from a rule is taken to begin a word of the text (after a space, a digit or a
    # mark) even where the pattern does not say so: "fivekm" is not news text. Where the
    # pattern does not end the word, any word beginning so will do.
    return ("tok", word) if whole else ("pre", word)
