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
_BEFORE = regex.compile(r"(?r)(?P<name>" + _NAME + r"),\s+(?:(?:a|an|the)\s+)?$")
# After an adjective the rule took for a name: "Cuban rafter Elian Gonzalez".
_AFTER_ADJECTIVE = regex.compile(r"(?:\s+[a-z][\w-]*){1,2}\s+(?P<name>" + _NAME + ")")
# After "the 44-year-old NAME": a lower-case word that is no verb makes NAME an adjective
# ("(example removed: licensed corpus text)", "(example removed: licensed corpus text)"); a verb keeps it a name
# ("(example removed: licensed corpus text) fled", "Kopp, who").
_NEXT_WORD = regex.compile(r"[ \t]+(?P<w>[a-z][a-z'-]*)")
_VERB_LIKE = regex.compile(
    r"(?:ed|s)$|^(?:who|was|is|has|had|and|or|said|says|will|would|can|could|did|does|told|"
    r"went|fled|ran|came|made|took|gave|got|left|met|sat|stood|won|lost|saw|knew|faces|of|in|"
    r"on|at|to|with|for|from|as|that|when|while|but)$")
_WORD = regex.compile(r"[\p{L}\p{M}'\u2019-]+")


def age_person(doc: Document, m: Mention, lexicons) -> str | None:
    text = doc.text
    sent = doc.sentences[m.sentence]
    person = m.value.get("person")
    countries = lexicons.get("country-names")
    if person:
        nxt = _NEXT_WORD.match(text, m.end, sent.end)
        adjective = nxt is not None and not _VERB_LIKE.search(nxt.group("w"))
        if _is_place(person, countries) or (adjective and len(person.split()) == 1):
            after = _AFTER_ADJECTIVE.match(text, m.end, min(sent.end, m.end + 80))
            person = after.group("name") if after else None
        if person:
            return _clean(person, lexicons)
    before = _BEFORE.search(text, max(sent.start, m.start - 80), m.start)
    if before and not _is_country(before.group("name"), countries):
        return _clean(before.group("name"), lexicons)
    return None


_DEMONYM = regex.compile(r"^\p{Lu}\p{Ll}+(?:an|ese|ish|i)$")


def _is_place(name: str, countries) -> bool:
    """A country or a people's adjective right after an age ("(example removed: licensed corpus text)") is no
    person. (Only there: "(example removed: licensed corpus text)" is a name that looks like a demonym.)"""
    return bool(_DEMONYM.match(name)) or _is_country(name, countries)


def _is_country(name: str, countries) -> bool:
    """"France, 3" is a score or a ranking, not an age."""
    return countries is not None and (name in countries or name.removeprefix("the ") in countries)


def _clean(name: str, lexicons) -> str | None:
    words = name.split()
    if words and words[-1].endswith(".") and len(words[-1]) > 3 and "." not in words[-1][:-1]:
        words[-1] = words[-1][:-1]  # "Elian Gonzalez." ending a sentence; "C." stays
    titles = lexicons.get("name-titles")
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
