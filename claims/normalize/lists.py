"""Enumerations: "Japan, South Korea, ... and Australia" -> items with their spans."""

from __future__ import annotations

import regex

from claims.normalize.registry import NormContext, Reject, normalizer

_SEPARATOR = regex.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+|\s*;\s*")


@normalizer("enumeration")
def enumeration(ctx: NormContext, items: str, marker: str | None = None,
                trailer: str | None = None) -> dict:
    """Splits a list on commas and the final and/or. After "including" or "such as", or
    trailing off ("and others", "etc."), a list is not exhaustive and is never counted."""
    base = ctx.spans["items"][0]
    spans = []
    pos = 0
    for sep in _SEPARATOR.finditer(items):
        if sep.start() > pos:
            spans.append((pos, sep.start()))
        pos = sep.end()
    if pos < len(items):
        spans.append((pos, len(items)))
    if len(spans) < 2:
        raise Reject("a list needs two items")
    words = [items[s:e] for s, e in spans]
    non_exhaustive = ctx.lexicons["non-exhaustive"]
    return {
        "items": words,
        "size": len(words),
        "exhaustive": not (marker and marker in non_exhaustive) and not trailer,
        "_item_spans": [(base + s, base + e) for s, e in spans],
    }
