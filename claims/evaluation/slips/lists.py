"""Counts and their lists: a count word changed, a list item dropped (hand-reviewed sites)."""

from __future__ import annotations

import regex

from claims.evaluation import numbers_in_text as nt
from claims.evaluation.slips import Injection, claim_at, claims_of, data, number_change, rng_for, slip


def count_candidates(report):
    """A count and an exhaustive list of as many items near it (after it, or before it for
    "the three countries"): the candidates reviewed by hand into data/count-lists.yml."""
    counts = claims_of(report, "count")
    lists = [c for c in claims_of(report, "enumeration") if c.value.exhaustive]
    out = []
    for c in counts:
        v = c.value.value
        if v != int(v) or not 2 <= v <= 40:
            continue
        for lst in lists:
            after = lst.span.start >= c.span.end and lst.span.start - c.span.end < 600
            before = lst.span.end <= c.span.start and c.span.start - lst.span.end < 400
            if (after or before) and lst.value.size == v:
                out.append((c, lst))
                break
    return out


def _count_sites(doc, report):
    """The hand-confirmed sites of this article, as (count claim, list claim)."""
    out = []
    for site in data("count-lists.yml")["sites"]:
        if site["article"] != doc.id or not site["related"]:
            continue
        count, lst = claim_at(report, *site["count"]), _list_at(report, *site["list"])
        if count is not None and lst is not None and count.kind == "count":
            out.append((count, lst))
    return out


def _list_at(report, start: int, end: int):
    for c in report.claims:
        if c.kind == "enumeration" and c.span.start < end and start < c.span.end:
            return c
    return None


@slip("count_word", "count_matches_enumeration", "a count changed by one against its list")
def count_word(doc, report, seed):
    out = []
    for c, lst in _count_sites(doc, report):
        rng = rng_for(seed, doc.id, "count_word", c.span.start)
        size = lst.value.size
        got = number_change(doc.text, c.span.start, c.span.end, rng,
                             lambda v, _t: v != size, factors=((size + 1) / size, (size - 1) / size))
        if got:
            out.append(Injection("count_word", "count_matches_enumeration", doc.id, got[0], got[1], got[2]))
    return out


@slip("drop_item", "count_matches_enumeration", "one item dropped from a counted list")
def drop_item(doc, report, seed):
    out = []
    for c, lst in _count_sites(doc, report):
        if lst.value.size < 3:
            continue
        rng = rng_for(seed, doc.id, "drop_item", lst.span.start)
        items = list(lst.value.items)
        i = rng.randrange(len(items))
        dropped = items.pop(i)
        listed = doc.text[lst.span.start : lst.span.end]
        conj = " or " if regex.search(r"\bor\s+\S+$", listed) else " and "
        comma = "," if regex.search(r",\s+(?:and|or)\s+\S+", listed) and len(items) > 2 else ""
        new = ", ".join(items[:-1]) + comma + conj + items[-1]
        text, span = nt.replace(doc.text, lst.span.start, lst.span.end, new)
        out.append(Injection("drop_item", "count_matches_enumeration", doc.id, text, span,
                             f"dropped {dropped!r}"))
    return out
