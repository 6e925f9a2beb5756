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
    change          "rose 12% to $1.68 billion from $1.5 billion": the 12% changed
    market          "fell 3.2%, or 347.80 points, to 10,520": the 3.2% changed
    share           the smaller of two shares of one whole raised past the 100% left for it
    rank            a ranked subject's figure (a share, or an amount ranked "after" those
                    it names) swapped with the leader's
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from claims.evaluation import numbers_in_text as nt

DATA = Path(__file__).parent.parent / "data"


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


def number_change(text: str, start: int, end: int, rng: random.Random, bad: Callable[[float, str], bool],
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


def claims_of(report, kind: str):
    return [c for c in report.claims if c.kind == kind]


def consistent_findings(report, rule_prefix: str):
    """Each consistent finding of the rules under `rule_prefix`, with its claims: the
    published agreements a slip can break."""
    claims = {c.id: c for c in report.claims}
    for f in report.findings:
        if f.verdict == "consistent" and f.rule.startswith(rule_prefix):
            yield f, [claims[i] for i in f.claims]


@lru_cache(maxsize=None)
def data(name: str):
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def claim_at(report, start: int, end: int):
    """The claim at these offsets, or the one overlapping them most (spans may shift a little
    as extraction rules change)."""
    best, overlap = None, 0
    for c in report.claims:
        o = min(c.span.end, end) - max(c.span.start, start)
        if o > overlap and c.kind not in ("quote", "attribution", "enumeration"):
            best, overlap = c, o
    return best


def all_injections(doc, report, seed: int) -> list[Injection]:
    out = []
    for s in SLIPS.values():
        out.extend(s.sites(doc, report, seed))
    return out


# The slip types register themselves on import, in this order.
from claims.evaluation.slips import arithmetic, dates, figures, lists  # noqa: E402,F401

__all__ = ["DATA", "Injection", "SLIPS", "Slip", "all_injections", "data", "slip"]
