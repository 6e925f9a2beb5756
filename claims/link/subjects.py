"""Subjects ("China is home to ...") and measured things ("... of refining capacity")."""

from __future__ import annotations

import regex

from claims.mention import Mention
from claims.text.document import Document

# A name starts a word ("iTunes" holds no "Tunes"); "iPod", "eBay" are names.
_NAME = (r"(?<![\p{L}\p{M}])(?:[ie](?=\p{Lu}))?(?:\p{Lu}[\p{L}\p{M}'\u2019&.-]*)"
         r"(?:\s+(?:of\s+|and\s+|de\s+|the\s+)?(?:[ie](?=\p{Lu}))?\p{Lu}[\p{L}\p{M}'\u2019&.-]*)*")
_PROPER = regex.compile(_NAME)
_AFTER_SUBJECT = regex.compile(
    r"\s+(?P<prep>for|of|in|at|by|from)\s+(?:the\s+)?(?:[\w-]+[- ]place\s+|[\w-]+-largest\s+)?(?P<s>"
    + _NAME + ")"
)
_MEASURE = regex.compile(
    r"\s+of\s+(?:the\s+)?(?P<m>(?:(?!\s(?:compared|according|while|whereas|but|which|who)\b)"
    r"[^,;:.()\u2013\u2014\"\u201c\u201d])+)"
)
_LOOK_BACK = 240
_THE_BEFORE = regex.compile(r"(?r)\bthe\s+$", regex.I)
_DEMONYM = regex.compile(r"(?:an|ese|ish|ic|i)$")
_LOWER_NEXT = regex.compile(r"[ \t]+[a-z]")
# ", the second-largest bank in the United States," names nothing the figure is about.
_APPOSITIVE = regex.compile(r",\s+(?:the|a|an)\s+[^,;]{1,80},")
# "Orion's [12%]", "the country's largest [10 cities]", "Vela's own [$5 billion]": the owner, then
# at most one adjective before the figure.
_OWNER = regex.compile(
    r"(?r)(?<![\p{L}'\u2019])(?P<o>\p{Lu}[\p{L}\p{M}&.-]*(?:\s+\p{Lu}[\p{L}\p{M}&.-]*){0,3}|[a-z][a-z-]*)"
    r"['\u2019]s\s+"
    r"(?:[a-z][a-z-]+\s+)?$")
# "It's 5% higher": a contraction, not a possessive.
_CONTRACTED = frozenset({"it", "he", "she", "that", "there", "what", "who", "here", "where",
                         "let", "this"})
_CURRENCY_NEXT = regex.compile(r"\s?[$\u20ac\u00a3\u00a5]")
_CLAUSE_BREAK = regex.compile(r"[;:]|,\s+(?:compared|while|whereas|but|and)\b|\s[\u2013\u2014]\s")


def subject_and_measure(doc: Document, m: Mention, starters, calendar=frozenset()) -> None:
    """The subject: a name right after the figure ("4 per cent for second-place Malaysia"),
    else the nearest name before it in its clause, skipping appositives and adjectives.
    A place right after it ("13,000 jobs in North America") is kept as `_place` and is the
    subject only when no name comes before. A possessive right before the figure names its
    owner ("Orion's 12% share"), or says it has no named one ("the country's largest 10
    cities"), whatever name the clause gave earlier."""
    text = doc.text
    sent = doc.sentences[m.sentence]
    after = _AFTER_SUBJECT.match(text, m.end, sent.end)
    measure = _MEASURE.match(text, m.end, sent.end)
    if measure:
        m.measure = " ".join(measure.group("m").split()).rstrip()
    elif m.kind == "count":
        m.measure = m.value.get("noun")
    if after and _is_adjective(text, after.group("s"), after.end("s")):
        after = None  # "US$90 million for Chilean copper mine": a people's adjective
    if after and after.group("prep") not in ("in", "at"):
        m.subject = _tidy(after.group("s"))
        return
    place = _tidy(after.group("s")) if after else None
    if place:
        m.value["_place"] = place
    owner = _OWNER.search(text, max(sent.start, m.start - 60), m.start)
    if owner and owner.group("o").lower() not in _CONTRACTED:  # "Orion's 12% share"
        name = _PROPER.fullmatch(owner.group("o"))
        m.subject = _tidy(name.group()) if name else place
        return
    m.subject = _name_before(text, sent.start, m.start, starters, calendar) or place


def _is_adjective(text: str, name: str, end: int) -> bool:
    """A single demonym before a lower-case word ("Chilean copper mine") names no one."""
    return " " not in name and bool(_DEMONYM.search(name)) and bool(_LOWER_NEXT.match(text, end))


def rank_subject(doc: Document, m: Mention, starters, calendar=frozenset()) -> str | None:
    """"second-place Malaysia" names its subject; "India, in second place" does before it.
    Before a rank, a possessive is its scope, not what is ranked ("Orkem, France's
    third-largest chemical group"), "listed by Forbes as the 35th" names the lister and
    "passed Wal-Mart as the No. 1" the one passed."""
    named = m.value.get("subject")
    if named:
        return named
    sent = doc.sentences[m.sentence]
    return _name_before(doc.text, sent.start, m.start, starters, calendar, ranked=True)


def _tidy(name: str) -> str:
    """"Malaysia." at the end of a sentence is "Malaysia"; "U.S." keeps its dots."""
    if name.endswith(".") and "." not in name.split()[-1][:-1] and len(name.split()[-1]) > 4:
        return name[:-1]
    return name


def _name_before(text: str, start: int, end: int, starters, calendar=frozenset(),
                 ranked: bool = False) -> str | None:
    """The nearest name before `end` in its clause, looking back a bounded distance: a
    sentence thousands of characters long must not make linking quadratic. Not a day or
    a month ("said Friday that 12 people"), and not the place in "New York-based LIN"."""
    clause_start = max(start, end - _LOOK_BACK)
    for br in _CLAUSE_BREAK.finditer(text, clause_start, end):
        clause_start = br.end()
    asides = [a.span() for a in _APPOSITIVE.finditer(text, clause_start, end)]
    # The nearest name is the last one that qualifies: judge them from the end backwards
    # and stop at the first, rather than judging every name of the clause.
    for p in reversed(list(_PROPER.finditer(text, clause_start, end))):
        if any(a <= p.start() < b for a, b in asides) or _CURRENCY_NEXT.match(text, p.end()):
            continue  # "(US$68 million)": a currency's country, not a subject
        words = p.group().split()
        determined = (bool(words) and words[0].lower() == "the") or _THE_BEFORE.search(
            text, max(clause_start, p.start() - 4), p.start()) is not None
        while words and _plain(words[0]) in starters:
            words.pop(0)
        based = next((i for i, w in enumerate(words) if _PLACE_ADJECTIVE.search(w)), None)
        if based is not None:
            words = words[based + 1:]  # "New York-based LIN" is LIN
        if words and all(_is_calendar(w, calendar) for w in words):
            return None  # "said Friday that 12 people": the clause names no one nearer
        # "The Asian nation", "the Irish government": an adjective, not a name ("The US will").
        if (len(words) == 1 and determined and _DEMONYM.search(words[0])
                and _LOWER_NEXT.match(text, p.end())):
            continue
        if ranked and words and (_plain(words[-1]) != words[-1] or _BY_BEFORE.search(
                text, max(clause_start, p.start() - 8), p.start()) or _DISPLACED.search(
                text, max(clause_start, p.start() - 60), p.start())):
            continue
        if words:
            return _tidy(" ".join(words))
    return None


def calendar_words(lexicons) -> frozenset[str]:
    """The `months` and `weekdays` lexicons' words in lower case, read once per article
    rather than looked up in both lexicons for every name of every clause."""
    return frozenset(e.text.lower() for name in ("months", "weekdays")
                     for e in lexicons[name].entries)


def _is_calendar(word: str, calendar: frozenset[str]) -> bool:
    """A day or a month written out ("Friday", "December's"); abbreviations are names
    as often ("Sun", "Jan")."""
    word = _plain(word)
    return (len(word) > 3 or word == "May") and "." not in word and word.lower() in calendar


def _plain(word: str) -> str:
    """A word without its possessive ("GM's" -> "GM")."""
    return word[:-2] if word.endswith(("'s", "\u2019s")) else word


# "New York-based", "Detroit-born", "state-owned": where or by whom, never who.
_PLACE_ADJECTIVE = regex.compile(r"-(?:based|born|owned|led|backed|run|made)$")
_BY_BEFORE = regex.compile(r"\bby\s+(?:the\s+)?$", regex.I)
# "iTunes passes retailer Best Buy for the No. 2 spot": the one passed is not the one ranked.
_DISPLACED = regex.compile(
    r"\b(?:pass(?:es|ed)?|replac(?:es|ed)|overt(?:akes|ook|aken)|beat(?:s|en)?|"
    r"surpass(?:es|ed)|outsold|outsells?|dethroned?s?)\s+(?:the\s+)?(?:[\w.&-]+\s+){0,3}$",
    regex.I)
