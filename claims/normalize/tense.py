"""The tense a date is spoken of in: whether the words of its clause put it before or after
the publication date.

A weekday or a month written without its year needs a direction. News reports what
happened, so the past is the default; the clause can say otherwise. The cue nearest the
date wins: a plan ("will meet Friday", "is scheduled to close in March") puts it ahead, a
verb in the past ("sold the mill in February", "took office in December") behind, and a
reporting verb right before it ("said Friday") dates the report. A date that opens its
clause ("In January, the mayor took office", "On Tuesday, the union plans to ...")
takes its cue from the words after it.

    >>> text = "The board will meet on Friday."
    >>> tense(text, text.index("Friday"), text.index("Friday") + 6)
    1
    >>> text = "After the group sold the mill in February, it cut jobs."
    >>> tense(text, text.index("February"), text.index("February") + 8)
    -1
"""

from __future__ import annotations

import regex

FUTURE, PAST, NONE = 1, -1, 0

# Abbreviations whose period does not end a clause ("4 a.m. EDT Thursday", "Gov. Smith").
_ABBREVIATION = (r"(?<!\b\p{L})(?<!\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Jr|Sr|"
                 r"Corp|Inc|Co|Ltd|No|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec))")
# Where a clause starts, looking back from a date: a sentence end, a semicolon or colon, a
# quotation opening after a comma, or a reporting verb ("said the plant will close ...").
_CLAUSE_START = regex.compile(
    r"[;:!?\n]|" + _ABBREVIATION + r"\.(?=[\s'\"”’`])|,\s*(?:``|\"|“|')|\bsaid\b|\bsays\b", regex.I)
# Where a clause ends, reading on from a date.
_CLAUSE_END = regex.compile(r"[;:!?\n]|" + _ABBREVIATION + r"\.(?=\s|$)|\s(?:``|\"|“)")

# Words that speak of what is still to come. "would be", "is to": plans reported.
# Not a comparison with a plan ("weaker than expected in March", "as planned"), a cause
# ("fell due to the strike") or a past conditional ("would have closed").
_FUTURE = regex.compile(
    r"\b(?:will|'ll|shall|would(?!\s+have\b)|is\s+to|are\s+to|set\s+to|plans|plan\s+to|planning|"
    r"(?<!\b(?:than|as)\s)(?:scheduled|planned|expected)|supposed\s+to|due(?-i:(?!\s+to\s+(?!be\b)"
    r"(?:\p{Ll}+(?<!open|close|start|begin|end|expire|arrive|report|return|resume|vote|meet)\b|\p{Lu}|\d)))|"
    r"as\s+(?:soon|early)\s+as|postponed\s+until|going\s+to|upcoming)\b", regex.I)
# A plan that was: "had been scheduled to lapse Friday", "as previously planned Saturday".
_PAST_PLAN = regex.compile(r"\b(?:had|previously|originally)\b", regex.I)
# Verbs in the past tense: auxiliaries and common irregular verbs. Regular verbs in -ed
# are left out: too many are adjectives ("the preferred shares", "a still unspecified
# date"). A participle after "be" or "have" ("must be held", "has sold") takes its
# auxiliary's tense.
_IRREGULAR = (
    "said|told|made|took|came|went|saw|gave|got|began|bought|sold|held|left|met|paid|ran|won|"
    "lost|fell|rose|grew|led|brought|built|sent|spent|thought|found|became|broke|chose|drove|"
    "flew|fought|knew|wrote|spoke|stood|struck|threw|taught|caught|sought|felt|kept|meant|"
    "dealt|sank|shook|froze|stole|fled|shot|hung|stuck|drew|withdrew|arose|rode|swore|"
    "overtook|undertook|forgave|underwent")
# After a date that opens its clause the verb follows its subject, and a regular verb in
# -ed is one ("In September, it announced ...") unless a determiner makes it an adjective.
_NOT_PAST = ("need|seed|feed|speed|shed|breed|greed|deed|weed|heed|proceed|exceed|succeed|"
             "hundred|indeed|sacred|naked|wicked|rugged|ragged|beloved|kindred|embed")
# Before the date, a regular verb in -ed counts right after a subject pronoun or a
# relative one ("who stepped down in March", "it closed the plant in December"), where it
# cannot be an adjective.
_PAST = regex.compile(
    r"(?-i:\b(?:was|were|had|did|wasn't|weren't|hadn't|didn't)\b"
    r"|(?<!\b(?i:be|been|being|is|are|am|has|have|'s|'ve)\s+(?:\p{Ll}+ly\s+|not\s+)?)"
    r"\b(?:" + _IRREGULAR + r")\b"
    r"|(?<=\b(?i:who|which|he|she|it|they|we|I)\s+(?:\p{Ll}+ly\s+)?)"
    r"(?!(?:" + _NOT_PAST + r")\b)\p{Ll}{2,}ed\b)")
_PAST_AFTER = regex.compile(
    _PAST.pattern + r"|(?-i:(?<![\p{L}-])(?<!\b(?i:the|a|an|its|their|his|her|our|this|that|these|"
    r"those|be|been|being|is|are|am|has|have)\s)(?!(?:" + _NOT_PAST + r")\b)\p{Ll}{2,}ed\b)")
# An infinitive ("agreed to acquire ... in January"): the date is the infinitive's, not the
# past verb's before it.
_INFINITIVE = regex.compile(
    r"(?-i:\bto\s+(?!(?:the|a|an|his|her|its|their|this|that|these|those|stock|holders|"
    r"shareholders)\b)\p{Ll}+\b)")
# A preposition that makes the date an end point: "extended the offer until Nov. 8".
_ENDPOINT = regex.compile(
    r"\b(?:until|till|by|to|through|from|before|after|between|and|or|effective|payable|record)"
    r"\s+(?:(?:early|mid|late|around|about|the\s+end\s+of)[\s-]+)?$", regex.I)
# A date before its noun ("the Jan. 20 deadline").
_ATTRIBUTIVE = regex.compile(r"\b(?:the|a|an|its|their|his|her|our)\s+$", regex.I)
# In the words after a date, only an auxiliary speaks of the future ("On Tuesday, the
# union plans to ..."): "planned", "expected" there are verbs in the past.
_FUTURE_AFTER = regex.compile(
    r"\b(?:will|'ll|shall|would|(?:is|are)\s+(?:to|scheduled|expected|set|due|going|supposed|"
    r"planning)|plans?\s+to|intends?\s+to)\b", regex.I)
# A reporting verb right before the date: it dates the report ("said Friday"), in the past.
_REPORTED = regex.compile(
    r"\b(?:said|says|announced|reported|told|added|disclosed|stated|declared|confirmed|"
    r"denied|ended|closed|fell|rose|died|was|were)\s+(?:on\s+|late\s+|early\s+)?$", regex.I)
# What may stand before a date that opens its clause: "In", "On", "Early on", "Late".
_OPENER = regex.compile(
    r"^[\s\"'`“(_-]*(?:(?:and|but|then|also|so)\s+)?(?:(?:in|on|by|early|late|until|since|"
    r"from|during|through|as\s+of|the|of|last|this|next|mid|early\s+on)[\s-]+)*$", regex.I)


# "Wednesday's ruling": compiled once, as regex's own cache costs a lookup per call.
_POSSESSIVE = regex.compile(r"['’]s\b")


def clause_before(text: str, start: int, window: int = 80) -> str:
    """The words of the date's clause before it, at most `window` characters."""
    before = text[max(0, start - window) : start]
    cut = None
    for cut in _CLAUSE_START.finditer(before):
        pass
    return before[cut.end():] if cut is not None else before


def clause_after(text: str, end: int, window: int = 80) -> str:
    after = text[end : end + window]
    stop = _CLAUSE_END.search(after)
    return after[: stop.start()] if stop else after


def _last(pattern, text: str):
    found = None
    for found in pattern.finditer(text):
        pass
    return found


def _nearest(before: str) -> int:
    """The tense of the cue nearest the end of `before`."""
    future, past = _last(_FUTURE, before), _last(_PAST, before)
    if future is not None and (past is None or future.end() >= past.end()):
        # a plan that was ("had been scheduled to lapse Friday") says nothing for sure
        return NONE if _PAST_PLAN.search(before, 0, future.start()) else FUTURE
    if past is None or _ENDPOINT.search(before):
        return NONE
    infinitive = _last(_INFINITIVE, before)
    return NONE if infinitive is not None and infinitive.start() >= past.end() else PAST


def _first(after: str, near: int = 80) -> int:
    """The tense of the first cue in `after`: its subject comes first, then its verb
    ("On Monday, the mayor called ..."). A long subject can put the verb far off ("In
    January, a week after ..., a bombing killed"); an auxiliary of the future counts only
    near the date, as one further on is often in a clause of its own ("On April 8,
    investigators, wondering how he would be seen, searched ...")."""
    future, past = _FUTURE_AFTER.search(after, 0, near), _PAST_AFTER.search(after)
    if future is not None and (past is None or future.start() <= past.start()):
        return FUTURE
    return PAST if past is not None else NONE


def tense(text: str, start: int, end: int) -> int:
    """FUTURE, PAST or NONE: what the clause around text[start:end] says of its time."""
    if _REPORTED.search(text, max(0, start - 40), start):
        return PAST
    before = clause_before(text, start)
    if _POSSESSIVE.match(text, end) or _ATTRIBUTIVE.search(before):
        return NONE  # "Wednesday's ruling", "the Jan. 20 deadline": the verb dates the noun
    found = _nearest(before)
    if found == NONE and _OPENER.match(before):
        found = _first(clause_after(text, end, 160).lstrip(" ,"))
    return found


def looks_ahead(text: str, start: int, end: int | None = None) -> bool:
    """Whether the clause speaks of the date as still to come."""
    return tense(text, start, end if end is not None else start) == FUTURE
