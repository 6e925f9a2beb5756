"""Numbers as news writes them: "1,234.5", "2bn", "twenty-three", "a dozen", "two-thirds",
"one and a half million", "tens of thousands".

    >>> from claims.rulebook import builtin_lexicons
    >>> parse_number("1.5 million", builtin_lexicons())
    1500000
    >>> parse_amount("tens of thousands", builtin_lexicons())
    Amount(value=20000, lower=20000, upper=99999)
"""

from __future__ import annotations

import math
from typing import NamedTuple

import regex

from claims.normalize.registry import NormContext, Reject, normalizer

_DIGITS = regex.compile(r"(\d[\d,]*(?:\.\d+)?|\.\d+)")
_WORDS = regex.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?|\d[\d,]*(?:\.\d+)?")
_NEGATIVE = regex.compile(r"^\s*[-\u2212]\s*\d")
_SLASHED = regex.compile(r"(\d+)/(\d+)")
_VULGAR = {"\u00bd": "1/2", "\u00bc": "1/4", "\u00be": "3/4", "\u2153": "1/3", "\u2154": "2/3",
           "\u215b": "1/8", "\u215c": "3/8", "\u215d": "5/8", "\u215e": "7/8"}


class Amount(NamedTuple):
    """A stated amount: exact (lower and upper None) or a vague plural ("hundreds of")."""

    value: int | float
    lower: int | float | None = None
    upper: int | float | None = None


def tidy(x: float) -> int | float:
    """Integral floats become ints (90, not 90.0); others keep 6 significant digits."""
    if isinstance(x, int):
        return x
    if math.isfinite(x) and x == int(x) and abs(x) < 1e18:
        return int(x)
    return float(f"{x:.6g}")


def parse_number(text: str, lexicons) -> int | float:
    """The value of a number phrase (the least value of a vague one). Raises Reject."""
    return parse_amount(text, lexicons).value


def parse_amount(text: str, lexicons) -> Amount:
    """The value of a number phrase, read word by word:

    * digits add: "1,234.5"; number words add, "hundred" and "dozen" multiply: "a hundred
      and five" = 105, "twenty-three" = 23;
    * a scale closes a group: "two million five hundred thousand" = 2,500,000;
    * a fraction multiplies ("two-thirds" = 2 x 1/3, "half a million"), or adds after
      "and" ("two and a half" = 2.5);
    * a plural scale makes a vague amount: "hundreds" is at least 200 and under 1,000;
      "tens of thousands" at least 20,000 and under 100,000.
    """
    words = lexicons["number-words"]
    scales = lexicons["scales"]
    fractions = lexicons["fractions"]
    plurals = lexicons["plural-scales"]
    vague_words = lexicons["vague-amounts"]
    text_l = text.lower()
    slashed = 0.0  # "9 1/2", "6\u215c": a mixed fraction adds its part
    for ch, frac in _VULGAR.items():
        text_l = text_l.replace(ch, f" {frac}")
    for m in _SLASHED.finditer(text_l):
        slashed += int(m.group(1)) / int(m.group(2)) if int(m.group(2)) else 0
    text_l = _SLASHED.sub(" ", text_l)
    tokens = _WORDS.findall(text_l.replace("-", " ").replace("\u2212", " "))
    if not tokens and not slashed:
        raise Reject(f"not a number: {text!r}")
    total = slashed
    current: float | None = None
    adding = False  # after "and": "two and a half", "a hundred and five"
    vague: list[float] | None = None  # [low, high) multipliers of a plural scale
    for tok in tokens:
        if tok[0].isdigit():
            current = (current or 0) + float(tok.replace(",", ""))
            adding = False
            continue
        if tok in ("a", "an"):
            if current is None and not adding:
                current = 1.0
            continue
        if tok == "and":
            adding = True
            continue
        if tok == "of":
            continue
        v = words.get(tok)
        if v is not None:
            n = float(v)
            if n == 100 or (n == 12 and tok.startswith("dozen")):
                current = (current if current is not None else 1.0) * n
            else:
                current = (current or 0) + n
            adding = False
            continue
        s = scales.get(tok)
        if s is not None:
            if vague is not None:
                vague = [vague[0] * float(s), vague[1] * float(s)]
            else:
                total += (current if current is not None else 1.0) * float(s)
                current = None
            continue
        interval = vague_words.get(tok)
        if interval is not None:  # "a handful of": an interval from the lexicon
            low, _, high = interval.partition("..")
            if current not in (None, 1.0) or total or vague is not None:
                raise Reject(f"a vague amount mixed with a figure: {text!r}")
            current = None
            vague = [float(low), float(high) + 1]
            continue
        p = plurals.get(tok)
        if p is not None:
            unit = float(p)
            if vague is None:
                # "dozens" runs to a dozen dozen; decimal plurals to the next power of ten.
                vague = [2 * unit, unit * (12 if unit == 12 else 10)]
            else:
                vague = [vague[0] * unit, vague[1] * unit]
            continue
        f = fractions.get(tok)
        if f is not None:
            num, _, den = f.partition("/")
            share = float(num) / float(den)
            if adding:
                current = (current or 0) + share
            else:
                current = (current if current is not None else 1.0) * share
            adding = False
            continue
        raise Reject(f"not a number word: {tok!r}")
    if vague is not None:
        if current is not None or total:
            raise Reject(f"a vague plural mixed with a figure: {text!r}")
        low, high = tidy(vague[0]), tidy(vague[1] - 1)
        return Amount(low, low, high)
    if current is not None:
        total += current
    if _NEGATIVE.match(text):
        total = -total
    return Amount(tidy(total))


def amount_fields(amount: Amount) -> dict:
    if amount.lower is None and amount.upper is None:
        return {"value": amount.value}
    return {"value": amount.value, "lower": amount.lower, "upper": amount.upper,
            "qualifier": "range"}


@normalizer("number")
def number(ctx: NormContext, text: str) -> dict:
    """The number as stated: "1.5 million" -> 1500000, "a dozen" -> 12, "hundreds of" ->
    200 with lower 200, upper 999 (qualifier `range`)."""
    return {**amount_fields(parse_amount(text, ctx.lexicons)),
            "_number_text": " ".join(text.split())}


@normalizer("number_range")
def number_range(ctx: NormContext, low: str, high: str) -> dict:
    """Two ends of a range: "between 5 and 10", "5-10 million", "two to three million" (a
    scale on the high end only applies to both)."""
    lo = parse_number(low, ctx.lexicons)
    hi = parse_number(high, ctx.lexicons)
    if not _has_scale(low, ctx) and _has_scale(high, ctx):
        scales = ctx.lexicons["scales"]
        bare = " ".join(t for t in _WORDS.findall(high.lower()) if scales.get(t) is None)
        base = parse_number(bare, ctx.lexicons) if bare else 1
        if base:
            lo = tidy(lo * hi / base)
    if lo >= hi:
        raise Reject("range ends are reversed or equal (a score or a code, not a range)")
    return {"value": lo, "lower": lo, "upper": hi, "qualifier": "range"}


def _has_scale(text: str, ctx: NormContext) -> bool:
    scales = ctx.lexicons["scales"]
    return any(scales.get(t) is not None for t in _WORDS.findall(text.lower()))


_IN = regex.compile(r"\s+(?:in|out\s+of)\s+", regex.I)


@normalizer("share")
def share(ctx: NormContext, text: str) -> dict:
    """A part of a whole: "two-thirds" -> 0.666667, "half" -> 0.5, "one in five" -> 0.2
    (`ratio: share`)."""
    parts = _IN.split(text)
    if len(parts) == 2:
        value = parse_number(parts[0], ctx.lexicons) / parse_number(parts[1], ctx.lexicons)
    else:
        value = parse_number(text, ctx.lexicons)
    if not 0 < value < 1:
        raise Reject(f"{text!r} is not a part of a whole")
    return {"value": tidy(value), "ratio": "share"}


@normalizer("multiple")
def multiple(ctx: NormContext, text: str) -> dict:
    """A change stated as a multiple: "doubled" -> 2, "tripled" -> 3, "halved" -> 0.5,
    "three times" -> 3 (`ratio: factor`)."""
    key = " ".join(text.lower().split())
    factor = ctx.lexicons["multiples"].get(key)
    if factor is None:
        head = key.split()[0] if key.split() else key
        factor = parse_number(head, ctx.lexicons) if head not in ("times",) else None
    if factor is None:
        raise Reject(f"not a multiple: {text!r}")
    return {"value": tidy(float(factor)), "ratio": "factor"}


@normalizer("qualifier")
def qualifier(ctx: NormContext, text: str | None = None) -> dict:
    """"more than" -> more_than, "about" -> about, per the `qualifiers` lexicon."""
    if not text:
        return {"qualifier": "exact"}
    q = ctx.lexicons["qualifiers"].get(text)
    if q is None:
        raise Reject(f"unknown qualifier {text!r}")
    return {"qualifier": q}


@normalizer("percent_unit")
def percent_unit(ctx: NormContext, text: str) -> dict:
    """"%", "per cent" -> percent; "percentage points" -> percentage_point."""
    unit = ctx.lexicons["percent-units"].get(text)
    if unit is None:
        raise Reject(f"unknown percent unit {text!r}")
    return {"unit": unit}


@normalizer("basis_points")
def basis_points(ctx: NormContext, text: str) -> dict:
    """Basis points as percentage points: "25 basis points" -> 0.25 percentage_point."""
    amount = parse_amount(text, ctx.lexicons)
    out = {"value": tidy(amount.value / 100), "unit": "percentage_point"}
    if amount.lower is not None:
        out.update(lower=tidy(amount.lower / 100), upper=tidy(amount.upper / 100),
                   qualifier="range")
    return out


@normalizer("count_noun")
def count_noun(ctx: NormContext, text: str) -> dict:
    """What is counted, as written, with its class for checks (`_class`: country, person ...)."""
    noun = " ".join(text.split())
    head = noun.split()[-1].lower()
    return {"noun": noun, "_class": ctx.lexicons["noun-classes"].get(head)}


@normalizer("ordinal")
def ordinal(ctx: NormContext, text: str) -> dict:
    """"second" -> 2, "3rd" -> 3, "No. 2" -> 2, "twenty-first" -> 21."""
    t = text.lower().strip()
    digits = _DIGITS.search(t)
    if digits:
        return {"rank": int(float(digits.group(1).replace(",", "")))}
    ordinals = ctx.lexicons["ordinals"]
    v = ordinals.get(t)
    if v is None:
        # "twenty-first": the tens as a number word, the last part as an ordinal.
        parts = t.replace("-", " ").split()
        if len(parts) == 2 and ordinals.get(parts[1]) and ctx.lexicons["number-words"].get(parts[0]):
            v = int(ctx.lexicons["number-words"].get(parts[0])) + int(ordinals.get(parts[1]))
        elif len(parts) == 1 and ctx.lexicons["number-words"].get(parts[0]):
            v = int(ctx.lexicons["number-words"].get(parts[0]))  # "number one"
    if v is None:
        raise Reject(f"not an ordinal: {text!r}")
    return {"rank": int(v)}
