"""Whose age: "(example removed: licensed corpus text) protester", "(example removed: licensed corpus text)",
"(example removed: licensed corpus text)", "(example removed: licensed corpus text)".

The age rules capture a name where they can; this resolves the rest from the words around
the age, and drops "names" that are not people ("(example removed: licensed corpus text)", "France, 3").
Person names are compared by `person_key`: titles dropped, surname plus the given name's
initial when there is one ("James C. Kopp" and "Kopp" are the same person; "Thomas Sam"
and "Manju Sam" are not).
"""

from __future__ import annotations

import regex

from claims.mention import Mention
from claims.text.document import Document

_NAME = r"\p{Lu}[\p{L}\p{M}'\u2019-]*(?:\.(?=\s))?(?:\s+(?:de\s+|van\s+|von\s+|al\s+|bin\s+)?\p{Lu}[\p{L}\p{M}'\u2019-]*\.?){0,4}"
# "NAME, a 44-year-old ...", "NAME, the 6-year-old ...", "NAME, 52 years old"
_BEFORE = regex.compile(r"(?P<name>" + _NAME + r"),\s+(?:(?:a|an|the)\s+)?$")
# After an adjective the rule took for a name: "Cuban rafter Elian Gonzalez".
_AFTER_ADJECTIVE = regex.compile(r"(?:\s+[a-z][\w-]*){1,2}\s+(?P<name>" + _NAME + ")")
# A name is a person's when what follows it is not a common noun it qualifies.
_QUALIFIES_NOUN = regex.compile(
    r"\s+(?!(?:who|whose|was|is|has|had|and|or|said|says|will|would|of|from|in|on|at|to|"
    r"with|for|as|that|when|while|but)\b)[a-z]"
)
_WORD = regex.compile(r"[\p{L}\p{M}'\u2019-]+")


def age_person(doc: Document, m: Mention, lexicons) -> str | None:
    text = doc.text
    sent = doc.sentences[m.sentence]
    person = m.value.get("person")
    countries = lexicons.get("country-names")
    if person:
        end = m.end
        if _QUALIFIES_NOUN.match(text, end, sent.end) or _is_place(person, countries):
            after = _AFTER_ADJECTIVE.match(text, end, min(sent.end, end + 80))
            person = after.group("name") if after else None
        if person:
            return _clean(person, lexicons)
    before = _BEFORE.search(text, max(sent.start, m.start - 80), m.start)
    if before and not _is_place(before.group("name"), countries):
        return _clean(before.group("name"), lexicons)
    return None


_DEMONYM = regex.compile(r"^\p{Lu}\p{Ll}+(?:an|ese|ish|i)$")


def _is_place(name: str, countries) -> bool:
    """A country ("France, 3") or a people's adjective ("(example removed: licensed corpus text)") is no person."""
    if _DEMONYM.match(name):
        return True
    return countries is not None and (name in countries or name.removeprefix("the ") in countries)


def _clean(name: str, lexicons) -> str | None:
    words = name.split()
    titles = lexicons.get("person-titles")
    while words and titles is not None and words[0].rstrip(".") in titles:
        words.pop(0)
    return " ".join(words) or None


def person_key(name: str) -> tuple[str, str]:
    """(surname, given-name initial or ""): "James C. Kopp" -> ("kopp", "j")."""
    words = _WORD.findall(name)
    words = [w for w in words if len(w.rstrip(".")) > 1 or len(words) == 1]
    if not words:
        return ("", "")
    surname = words[-1].lower()
    if surname.endswith(("'s", "\u2019s")):  # "Kopp's"
        surname = surname[:-2]
    given = words[0][0].lower() if len(words) > 1 else ""
    return (surname, given)


def same_person(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return bool(a[0]) and a[0] == b[0] and (not a[1] or not b[1] or a[1] == b[1])
