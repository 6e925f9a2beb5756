"""count_matches_enumeration: "eight allied nations" against the list that follows it."""

from __future__ import annotations

import regex
from pydantic import BaseModel, ConfigDict, Field

from claims.checks.base import CheckContext, Draft, in_interval, join_items
from claims.checks.registry import check_type
from claims.mention import Mention

# What may stand between a count and the list that spells it out in the same sentence.
_LINKING = regex.compile(
    r"[:\-\u2013\u2014(]?\s*(?:namely|it['\u2019]s|they\s+(?:are|were)|these\s+(?:are|were))?\s*[:\-\u2013\u2014]?"
)


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    window: int = Field(default=2, ge=0, le=5, description="Sentences after the count to look in.")
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
    """A count and the exhaustive list it announces must agree. The list belongs to the
    count when it follows right after it ("two-horse race - the US and China"), or when it
    comes within `window` sentences and its items are what the count counts (nations and
    a list of countries). Lists after "including" or "such as" are never counted."""
    lists = ctx.of("enumeration")
    counts = [m for m in ctx.of(rule.applies_to)]
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
    doc = ctx.doc
    for lst in lists:
        if lst.start < count.end or not lst.value.get("exhaustive", True):
            continue
        if lst.sentence - count.sentence > params.window:
            return None
        # A later count between them claims the list for itself.
        if any(count.end <= c.start and c.end <= lst.start for c in counts if c is not count):
            return None
        between = doc.text[count.end : lst.start].strip()
        if lst.sentence == count.sentence and _LINKING.fullmatch(between):
            return lst
        if _same_class(ctx, count, lst, params.min_class_share):
            return lst
    return None


def _same_class(ctx: CheckContext, count: Mention, lst: Mention, share: float) -> bool:
    cls = count.value.get("_class")
    if not cls:
        return False
    gazetteer = ctx.lexicons.get(f"{cls}-names")
    if gazetteer is None:
        return False
    hits = sum(1 for item in lst.value["items"] if item in gazetteer or _strip_the(item) in gazetteer)
    return hits / max(len(lst.value["items"]), 1) >= share


def _strip_the(item: str) -> str:
    return item[4:] if item.lower().startswith("the ") else item


def _spelled(n: int, ctx: CheckContext) -> str:
    words = ctx.lexicons["number-words"]
    for e in words.entries:
        if e.value is not None and e.value == str(n) and e.text.isalpha():
            return e.text
    return str(n)
