"""Whose age: "James C. Moss, a 44-year-old protester", "Mr. Lund, 52 years old",
"the 44-year-old Moss", "9-year-old Guatemalan schoolboy Mateo Alvarez".

An age with no name beside it is linked (`refer_back`) only when the text makes clear
whose it is:

* "Karen Holt dies aged 71", "Holt has died at the age of 71": the person named before it
  in its sentence;
* "this 9-year-old", "the 38-year-old", "the 9-year-old boy": a determiner points back to
  the nearest person named earlier with an age, whose age fits the noun ("boy" is under
  18), skipping those it does not fit;
* never "her 9-year-old son", "a 9-year-old" or "the 9-year-old son": a possessive, an
  indefinite article or a noun of relation introduces another person, or none in
  particular.

The age rules capture a name where they can; this resolves the rest from the words around
the age, and drops "names" that are not people ("9-year-old Guatemalan boy", "France, 3").
Person names are compared by `person_key`: titles dropped, surname plus the given name's
initial when there is one ("James C. Moss" and "Moss" are the same person; "Thomas Sam"
and "Manju Sam" are not).
"""

from __future__ import annotations

import regex

from claims.mention import Mention
from claims.text.document import Document

_NAME = r"\p{Lu}[\p{L}\p{M}'\u2019-]*(?:\.(?=\s))?(?:\s+(?:de\s+|van\s+|von\s+|al\s+|bin\s+)?\p{Lu}[\p{L}\p{M}'\u2019-]*\.?){0,4}"
# "NAME, a 44-year-old ...", "NAME, the 6-year-old ...", "NAME, 52 years old"
_BEFORE = regex.compile(r"(?r)(?P<name>" + _NAME + r"),\s+(?:(?:a|an|the)\s+)?$")
# After an adjective the rule took for a name: "Guatemalan schoolboy Mateo Alvarez".
_AFTER_ADJECTIVE = regex.compile(r"(?:\s+[a-z][\w-]*){1,2}\s+(?P<name>" + _NAME + ")")
# After "the 44-year-old NAME": a lower-case word that is no verb makes NAME an adjective
# ("39-year-old Denver businessman", "9-year-old Guatemalan schoolboy"); a verb keeps it a name
# ("the 44-year-old Moss fled", "Moss, who").
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
    given = lexicons.get("given-names")
    if person and text.startswith(person, m.start):  # "Adrian, 52": the name comes first
        return None if _is_country(person, countries) else _clean(person, lexicons)
    if person:
        nxt = _NEXT_WORD.match(text, m.end, sent.end)
        adjective = nxt is not None and not _VERB_LIKE.search(nxt.group("w"))
        if _is_place(person, countries, given) or (adjective and len(person.split()) == 1):
            after = _AFTER_ADJECTIVE.match(text, m.end, min(sent.end, m.end + 80))
            person = after.group("name") if after else None
        if person:
            return _clean(person, lexicons)
    before = _BEFORE.search(text, max(sent.start, m.start - 80), m.start)
    if before and not _is_country(before.group("name"), countries):
        return _clean(before.group("name"), lexicons)
    return None


_DEMONYM = regex.compile(r"^\p{Lu}\p{Ll}+(?:an|ese|ish|i)$")


def refer_back(doc: Document, mentions: list[Mention], lexicons) -> None:
    """Gives a nameless age the person the text makes it about (see the module docstring).
    One pass over the ages in text order: linear in their number, each looking back over
    the named ages before it."""
    nouns = lexicons.get("person-nouns")
    titles = lexicons.get("name-titles")
    given = lexicons.get("given-names")
    named: list[Mention] = []
    for m in (x for x in mentions if x.kind == "age"):
        if not m.subject:
            m.subject = (_named_before(doc, m, given, titles, lexicons)
                         or _pointed_to(doc, m, named, nouns))
        if m.subject:
            named.append(m)


def _named_before(doc: Document, m: Mention, given, titles, lexicons) -> str | None:
    """"Karen Holt dies aged 71", "Holt has died at the age of 71": the last person's name
    before an "aged" or "at the age of" in its sentence (a given name or a title opens it)."""
    if not _AGED.match(doc.text, m.start, m.end):
        return None
    sent = doc.sentences[m.sentence]
    person = None
    for n in regex.finditer(_NAME, doc.text[max(sent.start, m.start - 120) : m.start]):
        words = n.group().split()
        for i, w in enumerate(words[:-1]):  # "Novella Inc. Karen Holt" holds "Karen Holt"
            w = w.rstrip(".")
            if (given is not None and w in given) or (titles is not None and w in titles):
                person = " ".join(words[i:])
                break
    return _clean(person, lexicons) if person else None


def _pointed_to(doc: Document, m: Mention, named: list[Mention], nouns) -> str | None:
    """"this 9-year-old", "the 9-year-old boy": the nearest named age before it whose
    years fit its noun."""
    if not named:
        return None
    text = doc.text
    sent = doc.sentences[m.sentence]
    pointer = _POINTER.search(text, max(sent.start, m.start - 30), m.start)
    if pointer is None or (pointer.group("d").lower() == "that" and not _PREPOSITION.search(
            text, max(sent.start, pointer.start() - 12), pointer.start())):
        return None
    sort = "any"
    nxt = _NEXT_WORD.match(text, m.end, sent.end)
    if nxt is not None and not _VERB_LIKE.search(nxt.group("w")):
        sort = nouns.get(nxt.group("w")) if nouns is not None else None
        if sort is None or sort == "other":
            return None  # "the 100-year-old bridge", "the 9-year-old son"
    for a in reversed(named):
        if a.sentence != m.sentence and _fits(sort, a.value.get("years")):
            return a.subject
    return None


def _fits(sort: str, years) -> bool:
    if years is None:
        return False
    low, high = _SORT_AGES.get(sort, (0, 200))
    return low <= int(years) <= high


_SORT_AGES = {"child": (0, 17), "teen": (13, 19), "adult": (18, 200)}
_AGED = regex.compile(r"(?i)(?:aged|at)\b")
# "this 9-year-old", "the 38-year-old", "to that 9-year-old": not "a", not "her".
_POINTER = regex.compile(r"(?ri)(?<![\p{L}'\u2019])(?P<d>the|this|that)\s+$")
_PREPOSITION = regex.compile(
    r"(?ri)\b(?:to|at|of|for|from|with|on|in|by|about|like)\s+$")


def _is_place(name: str, countries, given=None) -> bool:
    """A country or a people's adjective right after an age ("the 9-year-old Guatemalan") is no
    person. (Only there: "Mateo, the 9-year-old" is a name that looks like a demonym, and so
    are given names: "the 36-year-old Brian", "6-year-old Elian".)"""
    if given is not None and name in given:
        return False
    return bool(_DEMONYM.match(name)) or _is_country(name, countries)


def _is_country(name: str, countries) -> bool:
    """"France, 3" is a score or a ranking, not an age."""
    return countries is not None and (name in countries or name.removeprefix("the ") in countries)


def _clean(name: str, lexicons) -> str | None:
    words = name.split()
    if words and words[-1].endswith(".") and len(words[-1]) > 3 and "." not in words[-1][:-1]:
        words[-1] = words[-1][:-1]  # "Mateo Alvarez." ending a sentence; "C." stays
    titles = lexicons.get("name-titles")
    while words and titles is not None and words[0].rstrip(".") in titles:
        words.pop(0)
    return " ".join(words) or None


def person_key(name: str) -> tuple[str, str]:
    """(surname, given-name initial or ""): "James C. Moss" -> ("moss", "j")."""
    words = _WORD.findall(name)
    words = [w for w in words if len(w.rstrip(".")) > 1 or len(words) == 1]
    if not words:
        return ("", "")
    surname = words[-1].lower()
    if surname.endswith(("'s", "\u2019s")):  # "Moss's"
        surname = surname[:-2]
    given = words[0][0].lower() if len(words) > 1 else ""
    return (surname, given)


def same_person(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return bool(a[0]) and a[0] == b[0] and (not a[1] or not b[1] or a[1] == b[1])
