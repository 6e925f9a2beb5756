"""Currencies: "$", "US$", "€", "euros", "USD" -> ISO 4217, with "$" marked ambiguous.

A lexicon value is the ISO code, with a trailing `?` when the form does not say which
currency it is: "$" (US, Australian, Canadian ... dollar), "¥" (yen or yuan), "dollars".
Such an amount gets `ambiguous: true` unless the amount itself names the country:
"US$5", "$5 (US dollars)", "$249 USD".
"""

from __future__ import annotations

from claims.normalize.numbers import parse_amount, tidy
from claims.normalize.registry import NormContext, Reject, normalizer


def _code(ctx: NormContext, text: str | None) -> tuple[str, bool] | None:
    if not text:
        return None
    code = ctx.lexicons["currency-symbols"].get(text) or ctx.lexicons["currency-words"].get(text)
    if code is None:
        return None
    return code.rstrip("?"), code.endswith("?")


@normalizer("currency")
def currency(ctx: NormContext, text: str | None = None, word: str | None = None) -> dict:
    """The currency of a symbol or word (`currency-symbols`, `currency-words` lexicons). A
    word after a symbol settles an ambiguous one: "$249 USD" is USD, not ambiguous."""
    first, second = _code(ctx, text), _code(ctx, word)
    if first is None and second is None:
        raise Reject(f"unknown currency {text or word!r}")
    if first is None:
        first, second = second, None
    code, ambiguous = first
    if ambiguous and second is not None and not second[1] and _same_family(code, second[0]):
        code, ambiguous = second
    return {"currency": code, "ambiguous": ambiguous}


def _same_family(a: str, b: str) -> bool:
    """Whether a word can settle a symbol: "$" with "Australian dollars", "¥" with "yuan"."""
    dollars = {"USD", "AUD", "CAD", "NZD", "HKD", "SGD", "TWD", "MXN"}
    yen_yuan = {"JPY", "CNY"}
    return a == b or (a in dollars and b in dollars) or (a in yen_yuan and b in yen_yuan)


@normalizer("minor_currency")
def minor_currency(ctx: NormContext, number: str, unit: str) -> dict:
    """An amount in a minor unit, in units of the currency: "26 cents" -> 0.26 USD
    (ambiguous: which dollar?), "20 pence" -> 0.2 GBP."""
    # "50p": a bare "p" is pence only when glued to digits, which the rule makes sure of.
    entry = ctx.lexicons["currency-minor-units"].get("pence" if unit == "p" else unit)
    if entry is None:
        raise Reject(f"unknown minor unit {unit!r}")
    code, _, per = entry.partition(" /")
    amount = parse_amount(number, ctx.lexicons)
    divisor = float(per or 100)
    out = {"value": tidy(amount.value / divisor), "currency": code.rstrip("?"),
           "ambiguous": code.endswith("?")}
    if amount.lower is not None:
        out.update(lower=tidy(amount.lower / divisor), upper=tidy(amount.upper / divisor),
                   qualifier="range")
    return out
