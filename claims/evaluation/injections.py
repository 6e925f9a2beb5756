"""The slips a reporter makes, injected into real articles, one at a time, deterministically.

Each slip type finds its sites in an unmodified article (from the baseline report's claims,
from raw-text patterns of its own, or from a hand-reviewed list in data/) and makes one
injection per site: the modified text, the edited span, and the check type that should flag
it. Every injection is a real inconsistency by the interval-and-rounding definition of
claims/checks/figures.py: a change the rounding of the figures could hide is not made.

    count_word      one of the hand-confirmed counts of a list changed ("eight" -> "nine")
    drop_item       the same sites, one name taken out of the list
    repeated_figure one of two hand-confirmed restatements changed ("30,000 jobs" -> "45,000")
    conversion      the converted figure in "10 miles (16 km)" changed
    weekday         "Friday, July 21, 2017" -> "Saturday, July 21, 2017"
    age             one of two hand-confirmed ages of one person changed
    change          "(example removed: licensed corpus text)": the 12% changed
    market          "fell 3.2%, or 347.80 points, to 10,520": the 3.2% changed
    share           the smaller of two shares of one whole raised past the 100% left for it
    rank            a ranked subject's share swapped with the leader's
"""

from __future__ import annotations

import calendar
import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex
import yaml

from claims.checks.figures import span_of
from claims.evaluation import numbers_in_text as nt
from claims.normalize.units import convert

DATA = Path(__file__).with_name("data")


@dataclass(frozen=True)
class Injection:
    slip: str
    check: str  # the check type that should flag it
    article: str
    text: str
    span: tuple[int, int]  # the edited text, in `text`
    what: str  # "eight -> nine"
    site: str = ""  # a finer sort of site, reported apart ("headline-body", "body-body")


@dataclass(frozen=True)
class Slip:
    name: str
    check: str
    summary: str
    sites: Callable  # (doc, report, rng) -> list[Injection]


SLIPS: dict[str, Slip] = {}


def slip(name: str, check: str, summary: str):
    def register(fn):
        SLIPS[name] = Slip(name, check, summary, fn)
        return fn
    return register


def rng_for(seed: int, *parts) -> random.Random:
    """One generator per site, so adding a site never changes another's injection."""
    return random.Random(":".join(str(p) for p in (seed, *parts)))


def _number_change(text: str, start: int, end: int, rng: random.Random, bad: Callable[[float, str], bool],
                   factors=(1.5, 0.6, 1.8, 0.5, 2.0, 1.3, 0.7)) -> tuple[str, tuple[int, int], str] | None:
    """Change the number written in text[start:end] by one of `factors` (tried in a seeded
    order) until `bad(new value, new token)` says the article now disagrees with itself."""
    found = nt.find_number(text, start, end)
    if not found:
        return None
    s, e, style = found
    token = text[s:e]
    old = nt.value_of(token, style)
    order = list(factors)
    rng.shuffle(order)
    for f in order:
        new_value = old * f
        if style == "word" or ("." not in token and old >= 1):
            new_value = round(new_value)
        if new_value == old or new_value <= 0:
            continue
        new = nt.write_like(new_value, token, style)
        if new is None or new == token:
            continue
        if bad(new_value, new):
            new_text, span = nt.replace(text, s, e, new)
            return new_text, span, f"{token} -> {new}"
    return None


def _claims(report, kind: str):
    return [c for c in report.claims if c.kind == kind]


# --- counts and lists -------------------------------------------------------------------------


def count_candidates(report):
    """A count and an exhaustive list of as many items near it (after it, or before it for
    "the three countries"): the candidates reviewed by hand into data/count-lists.yml."""
    counts = _claims(report, "count")
    lists = [c for c in _claims(report, "enumeration") if c.value.exhaustive]
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
    for site in _data("count-lists.yml")["sites"]:
        if site["article"] != doc.id or not site["related"]:
            continue
        count, lst = _claim_at(report, *site["count"]), _list_at(report, *site["list"])
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
        got = _number_change(doc.text, c.span.start, c.span.end, rng,
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


# --- repeated figures and ages (hand-reviewed sites) -------------------------------------------


@lru_cache(maxsize=None)
def _data(name: str):
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


@slip("repeated_figure", "repeated_figure", "one of two hand-confirmed restatements changed")
def repeated_figure(doc, report, seed):
    out = []
    for p in _data("repeated-figures.yml")["pairs"]:
        if p["article"] != doc.id or not p["same"]:
            continue
        rng = rng_for(seed, doc.id, "repeated", *p["first"], *p["second"])
        target, other = (p["first"], p["second"]) if rng.random() < 0.5 else (p["second"], p["first"])
        claim = _claim_at(report, *target)
        keep = _claim_at(report, *other)
        if claim is None or keep is None:
            continue
        kept = span_of(float(keep.value.value), keep.value.qualifier, keep.value.lower, keep.value.upper)

        def bad(v, token, c=claim, kept=kept):
            scale = v / nt.value_of(*_token(doc.text, c))
            s = span_of(float(c.value.value) * scale, c.value.qualifier,
                        _scaled(c.value.lower, scale), _scaled(c.value.upper, scale))
            return not s.overlaps(kept)

        got = _number_change(doc.text, claim.span.start, claim.span.end, rng, bad)
        if got:
            site = "headline-body" if p["where"] == "HB" else "body-body"
            out.append(Injection("repeated_figure", "repeated_figure", doc.id, *got, site=site))
    return out


def _scaled(x, k):
    return None if x is None else x * k


def _token(text, c):
    s, e, style = nt.find_number(text, c.span.start, c.span.end)
    return text[s:e], style


def _claim_at(report, start: int, end: int):
    """The claim at these offsets, or the one overlapping them most (spans may shift a little
    as extraction rules change)."""
    best, overlap = None, 0
    for c in report.claims:
        o = min(c.span.end, end) - max(c.span.start, start)
        if o > overlap and c.kind not in ("quote", "attribution", "enumeration"):
            best, overlap = c, o
    return best


@slip("age", "same_person_same_age", "one of two hand-confirmed ages of one person changed")
def age(doc, report, seed):
    out = []
    for p in _data("same-person-ages.yml")["pairs"]:
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


# --- conversions and weekdays ------------------------------------------------------------------


_PAREN = regex.compile(r"\s*\(\s*")


@slip("conversion", "unit_conversion", "the converted figure of 'X unit (Y unit)' changed")
def conversion(doc, report, seed):
    out = []
    qs = _claims(report, "quantity")
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

        got = _number_change(doc.text, b.span.start, b.span.end, rng, bad)
        if got:
            out.append(Injection("conversion", "unit_conversion", doc.id, *got))
    return out


_WEEKDAY = regex.compile(r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)")


@slip("weekday", "weekday_matches_date", "the weekday written with a date changed")
def weekday(doc, report, seed):
    out = []
    for c in _claims(report, "date"):
        name = c.value.weekday
        m = _WEEKDAY.match(c.text)
        if not name or not m or "\n" in c.text or not any(ch.isdigit() for ch in c.text):
            continue
        rng = rng_for(seed, doc.id, "weekday", c.span.start)
        days = list(calendar.day_name)
        new = days[(days.index(m.group()) + rng.randrange(1, 7)) % 7]
        text, span = nt.replace(doc.text, c.span.start, c.span.start + len(m.group()), new)
        out.append(Injection("weekday", "weekday_matches_date", doc.id, text, span,
                             f"{m.group()} -> {new}"))
    return out


# --- arithmetic (raw-text patterns of the harness's own) -----------------------------------------

_UP = r"rose|increased|gained|climbed|jumped|grew|advanced|was\s+up|were\s+up"
_DOWN = r"fell|declined|dropped|decreased|slipped|slid|lost|was\s+down|were\s+down"
_AMOUNT = r"\$(?P<{0}>\d[\d,]*(?:\.\d+)?)\s+(?P<{0}s>million|billion)"
_CHANGE = regex.compile(
    r"\b(?P<dir>" + _UP + "|" + _DOWN + r")\s+(?P<pct>\d+(?:\.\d+)?)%\s+to\s+"
    + _AMOUNT.format("to") + r"(?:,\s+or\s+[^,]{1,30},)?,?\s+from\s+" + _AMOUNT.format("from"))
_MARKET = regex.compile(
    r"\b(?P<dir>" + _UP + "|" + _DOWN + r"|lost|losing|gaining|down|up)\s+(?:by\s+)?"
    r"(?:(?P<pct>\d+(?:\.\d+)?)\s*(?:%|percent),?\s+or\s+(?P<pts>\d[\d,]*(?:\.\d+)?)\s+points"
    r"|(?P<pts2>\d[\d,]*(?:\.\d+)?)\s+points,?\s+or\s+(?P<pct2>\d+(?:\.\d+)?)\s*(?:%|percent))"
    r",?\s+(?:to|to\s+close\s+at|closing\s+at|reaching\s+a\s+level\s+of|bringing\s+it\s+to\s+a\s+level\s+of)"
    r"\s+(?P<level>\d[\d,]*(?:\.\d+)?)")
_SCALE = {"million": 1e6, "billion": 1e9}


def _f(s: str) -> float:
    return float(s.replace(",", ""))


@slip("change", "arithmetic", "the percentage of 'rose N% to $X from $Y' changed")
def change(doc, report, seed):
    out = []
    for m in _CHANGE.finditer(doc.text):
        to = span_of(_f(m["to"]) * _SCALE[m["tos"]], text=m["to"] + " " + m["tos"])
        frm = span_of(_f(m["from"]) * _SCALE[m["froms"]], text=m["from"] + " " + m["froms"])
        implied = ((to - frm) / frm).scale(100)
        down = regex.match(_DOWN, m["dir"]) is not None
        if down:
            implied = implied.scale(-1)
        if not span_of(_f(m["pct"]), text=m["pct"]).overlaps(implied):
            continue  # inconsistent as published
        rng = rng_for(seed, doc.id, "change", m.start())
        got = _number_change(doc.text, m.start("pct"), m.end("pct"), rng,
                             lambda v, t, implied=implied: not span_of(v, text=t).overlaps(implied))
        if got:
            out.append(Injection("change", "arithmetic", doc.id, *got))
    return out


@slip("market", "arithmetic", "the percentage of 'fell N%, or P points, to L' changed")
def market(doc, report, seed):
    out = []
    for m in _MARKET.finditer(doc.text):
        pct_group = "pct" if m["pct"] else "pct2"
        pts = m["pts"] or m["pts2"]
        points, level = span_of(_f(pts), text=pts), span_of(_f(m["level"]), text=m["level"])
        if _f(m["level"]) <= 2 * _f(pts):
            continue
        down = regex.match(_DOWN + r"|losing|down", m["dir"]) is not None
        base = level + points if down else level - points
        implied = (points / base).scale(100)
        if not span_of(_f(m[pct_group]), text=m[pct_group]).overlaps(implied):
            continue  # inconsistent as published (see data/real-errors.yml)
        rng = rng_for(seed, doc.id, "market", m.start())
        got = _number_change(doc.text, m.start(pct_group), m.end(pct_group), rng,
                             lambda v, t, implied=implied: not span_of(v, text=t).overlaps(implied))
        if got:
            out.append(Injection("market", "arithmetic", doc.id, *got))
    return out


# --- shares and ranks (from the baseline's own consistent findings) -------------------------------


@slip("share", "shares_of_whole", "a share raised past what its whole leaves for it")
def share(doc, report, seed):
    out = []
    claims = {c.id: c for c in report.claims}
    for f in report.findings:
        if f.verdict != "consistent" or not f.rule.startswith("checks.shares"):
            continue
        shares = [claims[i] for i in f.claims if claims[i].kind == "percent"]
        if len(shares) < 2:
            continue
        smallest = min(shares, key=lambda c: c.value.value)
        others = sum((span_of(float(c.value.value), c.value.qualifier, c.value.lower,
                              c.value.upper).lo for c in shares if c is not smallest), 0.0)
        rng = rng_for(seed, doc.id, "share", smallest.span.start)
        target = round(100 - others + rng.choice((5, 10, 15)))
        got = _number_change(doc.text, smallest.span.start, smallest.span.end, rng,
                             lambda v, t, others=others: others + span_of(v, text=t).lo > 100,
                             factors=(target / smallest.value.value,))
        if got:
            out.append(Injection("share", "shares_of_whole", doc.id, *got))
    return out


@slip("rank", "rank_order", "a ranked subject's share swapped with the leader's")
def rank(doc, report, seed):
    out = []
    claims = {c.id: c for c in report.claims}
    for f in report.findings:
        if f.verdict != "consistent" or not f.rule.startswith("checks.rank"):
            continue
        figures = [claims[i] for i in f.claims if claims[i].kind == "percent"]
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


def all_injections(doc, report, seed: int) -> list[Injection]:
    out = []
    for s in SLIPS.values():
        out.extend(s.sites(doc, report, seed))
    return out


__all__ = ["Injection", "SLIPS", "all_injections", "count_candidates"]
