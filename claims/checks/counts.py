"""count_matches_enumeration: "eight allied nations" against the list that spells it out.

Which list belongs to which count is the whole difficulty; a wrong pairing is a false alarm.
A list belongs to a count when

* it follows the count in its sentence, joined by a colon, a dash or "namely" ("a two-horse
  race - the US and China"), or opens the next sentence with "They are ..." (a list running
  into the next sentence);
* or it comes within `window` sentences after the count and its items are what the count
  counts (a count of nations and a list of countries);
* or, for a definite count ("the three countries"), it is the list the count refers back to:
  the nearest list of the counted class in the `window` sentences before;
* or, for a count in the headline ("... for five nationalities"), it is the first list of
  the counted class in the story.

Never counted: a list after "including", "such as" (not exhaustive); a list behind another
count; a list of countries for a count of people (classes that differ); a list for a definite
count that only points back ("the three countries" then an unrelated list).
"""

from __future__ import annotations

import regex
from pydantic import BaseModel, ConfigDict, Field

from claims.checks.base import CheckContext, Draft, in_interval, join_items
from claims.checks.registry import check_type
from claims.link.frames import is_headline
from claims.mention import Mention

# What may stand between a count and the list that spells it out in the same sentence.
_LINKING = regex.compile(
    r"[:\-\u2013\u2014(]?\s*(?:namely|it['\u2019]s|they\s+(?:are|were)|these\s+(?:are|were))?\s*[:\-\u2013\u2014]?"
)
# A list that runs into the next sentence: "Three companies bid. They are Ford, GM and Fiat."
_NEXT_SENTENCE = regex.compile(
    r"(?:\s+\w+){0,4}[.:]\s+(?:they|these|those)\s+(?:are|were|will\s+be)\s*:?\s*", regex.I
)
# A count that points back to something already named.
_DEFINITE = regex.compile(r"(?r)\b(?:the|these|those|both|its|their|all)\s+$", regex.I)


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    window: int = Field(default=2, ge=0, le=5, description="Sentences after the count to look in.")
    back_window: int = Field(
        default=4, ge=0, le=8,
        description="Sentences before a definite count ('the three countries') to look in.")
    min_class_share: float = Field(
        default=0.5, gt=0, le=1,
        description="Share of list items that must be of the counted class (country ...).",
    )


@check_type(
    "count_matches_enumeration",
    params=Params,
    variables=("claim", "stated", "value", "noun", "listed", "items"),
    kinds=("count",),
)
def count_matches_enumeration(ctx: CheckContext, rule):
    """A count and the exhaustive list it announces must agree (see the module docstring for
    which list a count announces)."""
    lists = ctx.of("enumeration")
    if not lists:
        return
    counts = list(ctx.of(rule.applies_to))
    for count in counts:
        target = _list_for(ctx, count, lists, counts, rule.params)
        if target is None:
            continue
        size = target.value["size"]
        v = count.value
        strict_low = v.get("qualifier") == "more_than"
        strict_high = v.get("qualifier") == "less_than"
        ok = in_interval(size, v.get("lower"), v.get("upper"), strict_low, strict_high)
        items = target.value["items"]
        evidence = [(count.start, count.end, "count"), (target.start, target.end, "list")]
        evidence += [(s, e, "item") for s, e in target.value.get("_item_spans", ())]
        stated = v.get("_number_text") or ctx.surface(count)
        if stated[:1].isupper() and stated.isalpha():
            stated = stated.lower()  # "Eight nations" opening a sentence
        yield Draft(
            verdict="consistent" if ok else "inconsistent",
            claims=[count, target],
            evidence=evidence,
            variables={
                "claim": ctx.surface(count),
                "stated": stated,
                "value": v["value"],
                "noun": v.get("noun", ""),
                "listed": _spelled(size, ctx),
                "items": join_items(items),
            },
            expected=size,
            observed=v["value"],
            suggestion=None if ok else f"{_spelled(size, ctx)} {v.get('noun', '')}".strip(),
        )


def _list_for(ctx: CheckContext, count: Mention, lists, counts, params: Params):
    text = ctx.doc.text
    definite = _DEFINITE.search(text, max(0, count.start - 12), count.start) is not None
    cls = count.value.get("_class")
    for lst in lists:
        if lst.start < count.end:
            continue
        if lst.sentence - count.sentence > params.window:
            break
        # A later count between them claims the list for itself.
        if any(count.end <= c.start and c.end <= lst.start for c in counts if c is not count):
            break
        between = text[count.end : lst.start]
        attached = (lst.sentence == count.sentence and _LINKING.fullmatch(between.strip())) or (
            lst.sentence == count.sentence + 1 and _NEXT_SENTENCE.fullmatch(between))
        if not lst.value.get("exhaustive", True) or _sample_marker(ctx, between):
            return None  # the list it announces is only a sample
        list_cls = _list_class(ctx, lst, params.min_class_share)
        if cls and list_cls and cls != list_cls:
            continue  # a count of people is never checked against a list of countries
        if attached:
            return lst
        if definite:
            break
        if cls and list_cls == cls:
            return lst
    if definite and cls:
        return _referent(ctx, count, lists, cls, params)
    if cls and is_headline(ctx.doc, count.sentence):
        return _first_list_of(ctx, count, lists, cls, params)
    return None


def _compatible(count_cls: str | None, list_cls: str | None) -> bool:
    """For a count that points back: classes that differ never meet, but "the three new
    members" may be countries, firms or people."""
    return not (count_cls and list_cls and count_cls != list_cls and count_cls != "member")


def _first_list_of(ctx: CheckContext, count: Mention, lists, cls: str, params: Params):
    """A headline's count ("questionnaire for five nationalities") and the first list of
    that class the story gives."""
    for lst in lists:
        if lst.start > count.end and _list_class(ctx, lst, params.min_class_share) == cls:
            return lst if lst.value.get("exhaustive", True) else None
    return None


def _referent(ctx: CheckContext, count: Mention, lists, cls: str, params: Params):
    """"(example removed: licensed corpus text) three countries": the nearest list of
    the counted class before a definite count, within the window."""
    before = [lst for lst in lists if lst.end <= count.start
              and count.sentence - lst.sentence <= params.back_window]
    for lst in reversed(before):
        if not lst.value.get("exhaustive", True):
            return None
        if _compatible(cls, _list_class(ctx, lst, params.min_class_share)) and \
                _list_class(ctx, lst, params.min_class_share):
            return lst
        return None
    return None


def _sample_marker(ctx: CheckContext, between: str) -> bool:
    """"eight nations, among them ..." even where the list rule did not see the marker."""
    markers = ctx.lexicons.get("non-exhaustive")
    if markers is None:
        return False
    words = between.lower()
    return any(f" {e.text} " in f" {words} " for e in markers.entries)


def _list_class(ctx: CheckContext, lst: Mention, share: float) -> str | None:
    """The class of a list's items when a gazetteer knows them (country ...)."""
    items = lst.value["items"]
    for cls in _GAZETTEER_CLASSES:
        gazetteer = ctx.lexicons.get(f"{cls}-names")
        if gazetteer is None:
            continue
        hits = sum(1 for item in items if item in gazetteer or _strip_the(item) in gazetteer)
        if hits / max(len(items), 1) >= share:
            return cls
    return None


_GAZETTEER_CLASSES = ("country",)


def _strip_the(item: str) -> str:
    return item[4:] if item.lower().startswith("the ") else item


def _spelled(n: int, ctx: CheckContext) -> str:
    words = ctx.lexicons["number-words"]
    for e in words.entries:
        if e.value is not None and e.value == str(n) and e.text.isalpha():
            return e.text
    return str(n)
