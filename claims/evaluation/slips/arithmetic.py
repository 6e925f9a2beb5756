"""Changes and market moves, found by the harness's own raw-text patterns."""

from __future__ import annotations

import regex

from claims.checks.figures import span_of
from claims.evaluation.slips import Injection, number_change, rng_for, slip


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
        got = number_change(doc.text, m.start("pct"), m.end("pct"), rng,
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
        got = number_change(doc.text, m.start(pct_group), m.end(pct_group), rng,
                             lambda v, t, implied=implied: not span_of(v, text=t).overlaps(implied))
        if got:
            out.append(Injection("market", "arithmetic", doc.id, *got))
    return out
