"""Named pattern fragments shared by all rules.

In a pattern, `{number}` inserts the fragment `number` as a non-capturing group,
`{number:low}` inserts it as the named group `low`, and `{@qualifiers}` inserts the
lexicon `qualifiers` as an alternation. Names start with a letter, so `{3}` and `{1,3}`
stay regex quantifiers; `\\{` stays a literal brace.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass

import regex

from claims.rulebook.lexicon import Lexicon

# Not after a backslash (\{ is a literal brace) nor in \p{Lu}, \P{L}, \N{name}.
REFERENCE = regex.compile(r"(?<!\\|\\[pPN])\{(@?)([A-Za-z][\w-]*)(?::([A-Za-z_]\w*))?\}")
_NAMED_GROUP = regex.compile(r"\(\?P?<([A-Za-z_]\w*)>")


@dataclass(frozen=True, slots=True)
class Fragment:
    name: str
    pattern: str
    path: str
    line: int | None


class ExpansionError(Exception):
    def __init__(self, code: str, message: str, name: str = ""):
        super().__init__(message)
        self.code = code
        self.message = message
        self.name = name


class FragmentSet:
    """Fragments and lexicons by name, expanded lazily and cached."""

    def __init__(self, fragments: Mapping[str, Fragment], lexicons: Mapping[str, Lexicon]):
        self.fragments = dict(fragments)
        self.lexicons = dict(lexicons)
        self._cache: dict[str, str] = {}

    def expand(self, pattern: str) -> str:
        """`pattern` with every reference replaced. Raises ExpansionError on the first bad one."""
        return self._expand(pattern, ())

    def unknown_references(self, pattern: str) -> tuple[list[ExpansionError], bool]:
        """Every bad reference made directly in `pattern`, for complete reports, and whether
        a fragment it uses is itself broken (that is reported at the fragment, once)."""
        errors, nested = [], False
        for m in REFERENCE.finditer(pattern):
            try:
                self._reference(m, ())
            except ExpansionError as exc:
                if exc.name == m.group(2):
                    errors.append(exc)
                else:
                    nested = True
        return errors, nested

    def _expand(self, pattern: str, stack: tuple[str, ...]) -> str:
        return REFERENCE.sub(lambda m: self._reference(m, stack), pattern)

    def _reference(self, m, stack: tuple[str, ...]) -> str:
        lexical, name, group = m.group(1), m.group(2), m.group(3)
        body = self._lexicon(name) if lexical else self._fragment(name, stack)
        # A newline before ')' closes any verbose-mode comment inside the fragment.
        return f"(?P<{group}>{body}\n)" if group else f"(?:{body}\n)"

    def _lexicon(self, name: str) -> str:
        key = "@" + name
        if key not in self._cache:
            lex = self.lexicons.get(name)
            if lex is None:
                raise ExpansionError(
                    "R114", f"unknown lexicon {{@{name}}}{_suggest(name, self.lexicons, '@')}",
                    name,
                )
            self._cache[key] = lex.pattern()
        return self._cache[key]

    def _fragment(self, name: str, stack: tuple[str, ...]) -> str:
        if name in self._cache:
            return self._cache[name]
        frag = self.fragments.get(name)
        if frag is None:
            raise ExpansionError(
                "R103", f"unknown fragment {{{name}}}{_suggest(name, self.fragments)}", name
            )
        if name in stack:
            chain = " -> ".join((*stack, name))
            raise ExpansionError("R117", f"fragments refer to each other in a cycle: {chain}", name)
        body = self._expand(frag.pattern, (*stack, name))
        self._cache[name] = body
        return body


def defines_groups(pattern: str) -> list[str]:
    return _NAMED_GROUP.findall(pattern)


def _suggest(name: str, known, sigil: str = "") -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    return f" (did you mean {{{sigil}{close[0]}}}?)" if close else ""
