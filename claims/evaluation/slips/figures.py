"""Figures stated twice, ages, conversions, shares and ranks."""

from __future__ import annotations

import regex

from claims.checks.figures import span_of
from claims.evaluation import numbers_in_text as nt
from claims.normalize.units import convert
from claims.evaluation.slips import (
    Injection, claim_at, claims_of, consistent_findings, data, number_change, rng_for, slip,
)


@slip("repeated_figure", "repeated_figure", "one of two hand-confirmed restatements changed")
def repeated_figure(doc, report, seed):
    out = []
    for p in data("repeated-figures.yml")["pairs"]:
        if p["article"] != doc.id or not p["same"]:
            continue
        rng = rng_for(seed, doc.id, "repeated", *p["first"], *p["second"])
        target, other = (p["first"], p["second"]) if rng.random() < 0.5 else (p["second"], p["first"])
        claim = claim_at(report, *target)
        keep = claim_at(report, *other)
        if claim is None or keep is None:
            continue
        # Rounding is read from the number as written, as the check reads it: "around 2
        # million" is 1.5-2.5 million, which "around 1 million" (0.5-1.5 million) touches.
        kept = span_of(float(keep.value.value), keep.value.qualifier, keep.value.lower,
                       keep.value.upper, _token(doc.text, keep)[0])

        def bad(v, token, c=claim, kept=kept):
            scale = v / nt.value_of(*_token(doc.text, c))
            s = span_of(float(c.value.value) * scale, c.value.qualifier,
                        _scaled(c.value.lower, scale), _scaled(c.value.upper, scale), token)
            return not s.overlaps(kept)

        got = number_change(doc.text, claim.span.start, claim.span.end, rng, bad)
        if got:
            site = "headline-body" if p["where"] == "HB" else "body-body"
            out.append(Injection("repeated_figure", "repeated_figure", doc.id, *got, site=site))
    return out


def _scaled(x, k):
    return None if x is None else x * k


def _token(text, c):
    s, e, style = nt.find_number(text, c.span.start, c.span.end)
    return text[s:e], style


@slip("age", "same_person_same_age", "one of two hand-confirmed ages of one person changed")
def age(doc, report, seed):
    out = []
    for p in data("same-person-ages.yml")["pairs"]:
        if p["article"] != doc.id:
            continue
        rng = rng_for(seed, doc.id, "age", *p["first"], *p["second"])
        start, end = p["first"] if rng.random() < 0.5 else p["second"]
        found = nt.find_number(doc.text, start, end)
        if not found:
            continue
        s, e, style = found
        token = doc.text[s:e]
        new = nt.write_like(nt.value_of(token, style) + rng.choice((2, 3, 4, 5)), token, style)
        if new:
            text, span = nt.replace(doc.text, s, e, new)
            out.append(Injection("age", "same_person_same_age", doc.id, text, span, f"{token} -> {new}"))
    return out





_PAREN = regex.compile(r"\s*\(\s*")


@slip("conversion", "unit_conversion", "the converted figure of 'X unit (Y unit)' changed")
def conversion(doc, report, seed):
    out = []
    qs = claims_of(report, "quantity")
    for a, b in zip(qs, qs[1:]):
        if not _PAREN.fullmatch(doc.text, a.span.end, b.span.start):
            continue
        va, vb = a.value, b.value
        try:
            factor = convert(1.0, va.unit, vb.unit)
        except Exception:  # noqa: BLE001 - not the same dimension: not a conversion
            continue
        src = span_of(float(va.value)).scale(factor)
        if not src.overlaps(span_of(float(vb.value)).widen(rel=0.02)):
            continue  # already inconsistent as published
        rng = rng_for(seed, doc.id, "conversion", b.span.start)

        def bad(v, token, src=src):
            return not src.overlaps(span_of(v, text=token).widen(rel=0.02))

        got = number_change(doc.text, b.span.start, b.span.end, rng, bad)
        if got:
            out.append(Injection("conversion", "unit_conversion", doc.id, *got))
    return out


@slip("share", "shares_of_whole", "a share raised past what its whole leaves for it")
def share(doc, report, seed):
    out = []
    for _, found in consistent_findings(report, "checks.shares"):
        shares = [c for c in found if c.kind == "percent"]
        if len(shares) < 2:
            continue
        smallest = min(shares, key=lambda c: c.value.value)
        others = sum((span_of(float(c.value.value), c.value.qualifier, c.value.lower,
                              c.value.upper).lo for c in shares if c is not smallest), 0.0)
        rng = rng_for(seed, doc.id, "share", smallest.span.start)
        target = round(100 - others + rng.choice((5, 10, 15)))
        got = number_change(doc.text, smallest.span.start, smallest.span.end, rng,
                             lambda v, t, others=others: others + span_of(v, text=t).lo > 100,
                             factors=(target / smallest.value.value,))
        if got:
            out.append(Injection("share", "shares_of_whole", doc.id, *got))
    return out


@slip("rank", "rank_order", "a ranked subject's figure swapped with the leader's")
def rank(doc, report, seed):
    out = []
    for _, found in consistent_findings(report, "checks.rank"):
        figures = [c for c in found if c.kind in ("percent", "money", "quantity", "count")]
        if len(figures) < 2:
            continue
        own, leader = figures[0], max(figures[1:], key=lambda c: c.value.value)
        a = nt.find_number(doc.text, own.span.start, own.span.end)
        b = nt.find_number(doc.text, leader.span.start, leader.span.end)
        if not a or not b:
            continue
        (s1, e1, _), (s2, e2, _) = sorted([a, b])
        t1, t2 = doc.text[s1:e1], doc.text[s2:e2]
        text = doc.text[:s1] + t2 + doc.text[e1:s2] + t1 + doc.text[e2:]
        shift = len(t2) - len(t1)
        span = (s1, e2 + shift)
        out.append(Injection("rank", "rank_order", doc.id, text, span, f"swapped {t1} and {t2}"))
    return out
