"""Numbers as news writes them: "1,234.5", "2bn", "twenty-three", "a dozen", "two-thirds".

    >>> from claims.rulebook import builtin_lexicons
    >>> parse_number("1.5 million", builtin_lexicons())
    1500000
"""

from __future__ import annotations

import math

import regex

from claims.normalize.registry import NormContext, Reject, normalizer

_DIGITS = regex.compile(r"(\d[\d,]*(?:\.\d+)?|\.\d+)")
_WORDS = regex.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?|\d[\d,]*(?:\.\d+)?")


def tidy(x: float) -> int | float:
    """Integral floats become ints (90, not 90.0); others keep 6 significant digits."""
    if isinstance(x, int):
        return x
    if math.isfinite(x) and x == int(x) and abs(x) < 1e18:
        return int(x)
    return float(f"{x:.6g}")


def parse_number(text: str, lexicons) -> int | float:
    """The value of a number phrase. Raises Reject when it is not one."""
    words = lexicons["number-words"]
    scales = lexicons["scales"]
    fractions = lexicons["fractions"]
    tokens = _WORDS.findall(text.lower().replace("-", " "))
    if not tokens:
        raise Reject(f"not a number: {text!r}")
    total = 0.0
    current: float | None = None
    fraction_of = False
    for tok in tokens:
        if tok[0].isdigit():
            current = (current or 0) + float(tok.replace(",", ""))
            continue
        if tok in ("a", "an"):
            current = current if current is not None else 1.0
            continue
        if tok in ("and", "of"):
            fraction_of = fraction_of or tok == "of"
            continue
        v = words.get(tok)
        if v is not None:
            n = float(v)
            if n == 100:
                current = (current if current is not None else 1.0) * 100
            elif n == 12 and tok.startswith("dozen"):
                current = (current if current is not None else 1.0) * 12
            else:
                current = (current or 0) + n
            continue
        s = scales.get(tok)
        if s is not None:
            total += (current if current is not None else 1.0) * float(s)
            current = None
            continue
        f = fractions.get(tok)
        if f is not None:
            num, _, den = f.partition("/")
            share = float(num) / float(den)
            # "two-thirds" = 2 x 1/3; "half a million" = 0.5 x what follows.
            current = (current if current is not None else 1.0) * share
            continue
        raise Reject(f"not a number word: {tok!r}")
    if current is not None:
        total += current
    return tidy(total)


@normalizer("number")
def number(ctx: NormContext, text: str) -> dict:
    """The number as stated: "1.5 million" -> 1500000, "a dozen" -> 12."""
    return {"value": parse_number(text, ctx.lexicons), "_number_text": " ".join(text.split())}


@normalizer("number_range")
def number_range(ctx: NormContext, low: str, high: str) -> dict:
    """Two ends of a range: "between 5 and 10", "5-10 million" (the scale applies to both)."""
    lo = parse_number(low, ctx.lexicons)
    hi = parse_number(high, ctx.lexicons)
    if not _has_scale(low, ctx) and _has_scale(high, ctx):
        base = parse_number(_DIGITS.search(high).group(1), ctx.lexicons) if _DIGITS.search(high) else None
        if base:
            lo = tidy(lo * hi / base)
    if lo > hi:
        raise Reject("range ends are reversed")
    return {"value": lo, "lower": lo, "upper": hi, "qualifier": "range"}


def _has_scale(text: str, ctx: NormContext) -> bool:
    scales = ctx.lexicons["scales"]
    return any(scales.get(t) is not None for t in _WORDS.findall(text.lower()))


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


@normalizer("count_noun")
def count_noun(ctx: NormContext, text: str) -> dict:
    """What is counted, as written, with its class for checks (`_class`: country, person ...)."""
    noun = " ".join(text.split())
    head = noun.split()[-1].lower()
    return {"noun": noun, "_class": ctx.lexicons["noun-classes"].get(head)}


@normalizer("ordinal")
def ordinal(ctx: NormContext, text: str) -> dict:
    """"second" -> 2, "3rd" -> 3, "No. 2" -> 2."""
    t = text.lower().strip()
    digits = _DIGITS.search(t)
    if digits:
        return {"rank": int(float(digits.group(1).replace(",", "")))}
    v = ctx.lexicons["ordinals"].get(t)
    if v is None:
        raise Reject(f"not an ordinal: {text!r}")
    return {"rank": int(v)}
