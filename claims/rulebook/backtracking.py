"""W201: patterns that can backtrack catastrophically, found before they run.

A static look at the pattern's structure, for the shapes behind most runaway regexes:

* a repeated part that itself repeats, with nothing mandatory between repetitions that
  the inner part cannot match: `(\\w+\\s?)+`, `(a+)+`, `(.*?,){11}` — the text can be split
  between the repetitions in exponentially (or polynomially) many ways;
* an unbounded repetition of alternatives that can start alike: `(\\d|\\d\\d)+`, `(a|ab)*`.

It is a lint, not a proof: it misses other shapes (adjacent overlapping repeats such as
`\\d+\\d+\\d+` are polynomial and not reported), and the `regex` package defuses some of
what it reports. The time budget per article contains whatever gets through.

    >>> [w.split(":")[0] for w in backtracking_risks(r"(?:\\w+\\s?)+!")]
    ['(?:\\\\w+\\\\s?)+ repeats \\\\w+ with nothing between repetitions to tell them apart']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

INF = float("inf")
# Characters that stand for the classes a pattern can use; enough to tell them apart.
SAMPLE = "".join(chr(c) for c in range(32, 0x250)) + "\t\n\u00a0\u2009\u2013\u2014\u2018\u2019\u201c\u201d\u20ac\u2026"


@dataclass
class Node:
    kind: str  # char, set, seq, alt, group, quant, zero
    start: int = 0
    end: int = 0
    text: str = ""  # the atom's source, for char and set
    items: list["Node"] = field(default_factory=list)
    lo: float = 1
    hi: float = 1
    possessive: bool = False
    atomic: bool = False


class _Parser:
    def __init__(self, pattern: str, verbose: bool):
        self.p = pattern
        self.i = 0
        self.verbose = verbose

    def parse(self) -> Node:
        node = self._alt()
        return node

    def _skip(self) -> None:
        p = self.p
        while self.verbose and self.i < len(p):
            if p[self.i].isspace():
                self.i += 1
            elif p[self.i] == "#":
                nl = p.find("\n", self.i)
                self.i = len(p) if nl < 0 else nl + 1
            else:
                break

    def _alt(self) -> Node:
        start = self.i
        branches = [self._seq()]
        while self.i < len(self.p) and self.p[self.i] == "|":
            self.i += 1
            branches.append(self._seq())
        if len(branches) == 1:
            return branches[0]
        return Node("alt", start, self.i, items=branches)

    def _seq(self) -> Node:
        start = self.i
        items: list[Node] = []
        while True:
            self._skip()
            if self.i >= len(self.p) or self.p[self.i] in "|)":
                break
            atom = self._atom()
            self._skip()
            items.append(self._quantifier(atom))
        return Node("seq", start, self.i, items=items)

    def _atom(self) -> Node:
        p, i = self.p, self.i
        c = p[i]
        if c == "(":
            return self._group()
        if c == "[":
            end = _class_end(p, i)
            self.i = end
            return Node("set", i, end, text=p[i:end])
        if c == "\\":
            end = _escape_end(p, i)
            self.i = end
            esc = p[i:end]
            if esc[1:2] in ("b", "B", "A", "Z", "z", "G", "m", "M", "K"):
                return Node("zero", i, end)
            if esc[1:2].isdigit() and esc[1:2] != "0" or esc[1:2] == "g":
                return Node("zero", i, end)  # a backreference may match anything, or nothing
            return Node("set", i, end, text=esc)
        self.i += 1
        if c in "^$":
            return Node("zero", i, i + 1)
        if c == ".":
            return Node("set", i, i + 1, text=".")
        return Node("char", i, i + 1, text=c)

    def _group(self) -> Node:
        p, start = self.p, self.i
        self.i += 1
        atomic = zero = False
        if p.startswith("?", self.i):
            rest = p[self.i + 1 :]
            if rest.startswith("#"):
                close = p.find(")", self.i)
                self.i = len(p) if close < 0 else close + 1
                return Node("zero", start, self.i)
            if rest.startswith(("=", "!", "<=", "<!")):
                zero = True
                self.i += 1 + (2 if rest.startswith("<") else 1)
            elif rest.startswith(">"):
                atomic = True
                self.i += 2
            elif rest.startswith(("P<", "<")):
                close = p.find(">", self.i)
                self.i = close + 1
            elif rest.startswith(("|", ":")):
                self.i += 2
            else:  # inline flags (?i) or scoped flags (?i:...)
                j = self.i + 1
                while j < len(p) and (p[j].isalpha() or p[j] == "-"):
                    j += 1
                if j < len(p) and p[j] == ")":
                    self.i = j + 1
                    return Node("zero", start, self.i)
                self.i = j + 1
        inner = self._alt()
        if self.i < len(p) and p[self.i] == ")":
            self.i += 1
        if zero:
            return Node("zero", start, self.i)
        return Node("group", start, self.i, items=[inner], atomic=atomic)

    def _quantifier(self, atom: Node) -> Node:
        p, i = self.p, self.i
        if i >= len(p):
            return atom
        c = p[i]
        if c in "*+?":
            lo, hi = {"*": (0, INF), "+": (1, INF), "?": (0, 1)}[c]
            j = i + 1
        elif c == "{":
            m = _BRACES.match(p, i)
            if m is None:
                return atom
            lo = int(m.group(1) or 0)
            hi = INF if m.group(2) == "," and not m.group(3) else int(m.group(3) or lo)
            j = m.end()
        else:
            return atom
        possessive = j < len(p) and p[j] == "+"
        if j < len(p) and p[j] in "?+":
            j += 1
        self.i = j
        return Node("quant", atom.start, j, items=[atom], lo=lo, hi=hi, possessive=possessive)


_BRACES = regex.compile(r"\{(\d*)(,?)(\d*)\}")


def _class_end(p: str, i: int) -> int:
    j = i + 1
    if j < len(p) and p[j] == "^":
        j += 1
    if j < len(p) and p[j] == "]":
        j += 1
    depth = 1
    while j < len(p):
        c = p[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            if p.startswith("[:", j):
                close = p.find(":]", j)
                if close > 0:
                    j = close + 2
                    continue
            depth += 1
        elif c == "]":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return len(p)


def _escape_end(p: str, i: int) -> int:
    j = i + 2
    if j > len(p):
        return len(p)
    c = p[i + 1]
    if c in "pPN" and p.startswith("{", j):
        close = p.find("}", j)
        return len(p) if close < 0 else close + 1
    if c == "x":
        return j + (p.find("}", j) - j + 1 if p.startswith("{", j) else 2)
    if c == "u":
        return j + 4
    if c == "U":
        return j + 8
    if c == "g" and p.startswith("<", j):
        return p.find(">", j) + 1
    if c.isdigit():
        while j < len(p) and p[j].isdigit() and j < i + 4:
            j += 1
    return j


# -- what a node can match ---------------------------------------------------------------

@lru_cache(maxsize=4096)
def _atom_chars(text: str, ignorecase: bool) -> frozenset[str]:
    flags = regex.DOTALL | (regex.IGNORECASE if ignorecase else 0)
    try:
        compiled = regex.compile(text, flags)
    except regex.error:
        return frozenset(SAMPLE)
    return frozenset(c for c in SAMPLE if compiled.fullmatch(c))


class _Analysis:
    def __init__(self, pattern: str, ignorecase: bool):
        self.pattern = pattern
        self.ignorecase = ignorecase
        self.warnings: list[str] = []

    def chars(self, n: Node) -> frozenset[str]:
        if n.kind in ("char", "set"):
            return _atom_chars(n.text, self.ignorecase)
        if n.kind == "zero":
            return frozenset()
        out: frozenset[str] = frozenset()
        for item in n.items:
            out |= self.chars(item)
        return out

    def nullable(self, n: Node) -> bool:
        if n.kind == "zero":
            return True
        if n.kind in ("char", "set"):
            return False
        if n.kind == "quant":
            return n.lo == 0 or self.nullable(n.items[0])
        if n.kind == "alt":
            return any(self.nullable(b) for b in n.items)
        return all(self.nullable(i) for i in n.items)

    def first(self, n: Node) -> frozenset[str]:
        if n.kind in ("char", "set"):
            return self.chars(n)
        if n.kind == "zero":
            return frozenset()
        if n.kind in ("quant", "group"):
            return self.first(n.items[0])
        if n.kind == "alt":
            out: frozenset[str] = frozenset()
            for b in n.items:
                out |= self.first(b)
            return out
        out = frozenset()
        for item in n.items:
            out |= self.first(item)
            if not self.nullable(item):
                break
        return out

    def src(self, n: Node) -> str:
        s = " ".join(self.pattern[n.start : n.end].split())
        return s if len(s) <= 60 else s[:57] + "..."

    def visit(self, n: Node, atomic: bool = False) -> None:
        if n.kind == "group" and n.atomic:
            atomic = True
        if n.kind == "quant" and not (n.possessive or atomic) and n.hi > 1:
            self.check_repeat(n)
        for item in n.items:
            self.visit(item, atomic)

    def check_repeat(self, q: Node) -> None:
        body = _unwrap(q.items[0])
        if body.kind == "group" and body.atomic:
            return
        for branch in body.items if body.kind == "alt" else [body]:
            parts = branch.items if branch.kind == "seq" else [branch]
            for inner in _inner_repeats(branch):
                chars = self.chars(inner.items[0])
                if not chars:
                    continue
                delimited = any(
                    part is not inner and not _contains(part, inner) and not self.nullable(part)
                    and not (self.chars(part) & chars)
                    for part in parts
                )
                if not delimited:
                    self.warnings.append(
                        f"{self.src(q)} repeats {self.src(inner)} with nothing between "
                        "repetitions to tell them apart: the text can be split between them in "
                        "very many ways; make the inner part possessive or atomic, or put a "
                        "delimiter between")
                    return
        if q.hi == INF and body.kind == "alt":
            branches = body.items
            for a in range(len(branches)):
                for b in range(a + 1, len(branches)):
                    if self.first(branches[a]) & self.first(branches[b]):
                        self.warnings.append(
                            f"{self.src(q)} repeats alternatives that can start alike "
                            f"({self.src(branches[a])} | {self.src(branches[b])}): a failing "
                            "match retries every way of choosing between them; make them "
                            "exclusive or the group atomic")
                        return


def _unwrap(n: Node) -> Node:
    while n.kind == "group" and not n.atomic:
        n = n.items[0]
        if n.kind == "seq" and len(n.items) == 1:
            n = n.items[0]
    return n


def _inner_repeats(n: Node, atomic: bool = False):
    if n.kind == "quant" and n.hi == INF and not n.possessive and not atomic:
        yield n
        n = n.items[0]
    for item in n.items:
        inside_atomic = atomic or (item.kind == "group" and item.atomic)
        if item.kind == "quant" and item.hi == INF and not item.possessive and not inside_atomic:
            yield item
        yield from _inner_repeats(item, inside_atomic)


def _contains(outer: Node, inner: Node) -> bool:
    return any(item is inner or _contains(item, inner) for item in outer.items)


def backtracking_risks(pattern: str, *, verbose: bool = True, ignorecase: bool = True) -> list[str]:
    """Warnings (one sentence each) for the shapes in `pattern` that can run away."""
    try:
        tree = _Parser(pattern, verbose).parse()
    except (IndexError, ValueError):
        return []
    analysis = _Analysis(pattern, ignorecase)
    analysis.visit(tree)
    return analysis.warnings
