"""Currencies: "$", "US$", "€", "euros", "USD" -> ISO 4217, with "$" marked ambiguous."""

from __future__ import annotations

from claims.normalize.registry import NormContext, Reject, normalizer


@normalizer("currency")
def currency(ctx: NormContext, text: str) -> dict:
    """The `currency-symbols` and `currency-words` lexicons map a form to its code; a trailing `?` marks it ambiguous."""
    code = ctx.lexicons["currency-symbols"].get(text) or ctx.lexicons["currency-words"].get(text)
    if code is None:
        raise Reject(f"unknown currency {text!r}")
    return {"currency": code.rstrip("?"), "ambiguous": code.endswith("?")}
