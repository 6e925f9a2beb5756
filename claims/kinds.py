"""What every claim kind adds once its normalizers have run: intervals, SI values, defaults."""

from __future__ import annotations

from claims.normalize.numbers import tidy
from claims.normalize.units import finish_quantity

NUMERIC = frozenset({"number", "count", "percent", "money", "quantity"})
STATISTIC = NUMERIC  # the kinds that want a source
# Claims in one layer never overlap; claims in different layers may ("8" inside a quote).
LAYER = {"enumeration": "list", "quote": "quote", "attribution": "attribution"}


def layer(kind: str) -> str:
    return LAYER.get(kind, "value")


def interval(value: float, qualifier: str, tolerance: float) -> tuple[float | None, float | None]:
    """The values the words allow: "more than 90" -> (90, None), "about 70" -> (63, 77)."""
    if qualifier in ("more_than", "at_least"):
        return value, None
    if qualifier in ("less_than", "at_most", "up_to"):
        return None, value
    if qualifier == "about":
        return tidy(value * (1 - tolerance)), tidy(value * (1 + tolerance))
    if qualifier == "nearly":
        return tidy(value * (1 - tolerance)), value
    return value, value


def finish(kind: str, value: dict, tolerance: float) -> None:
    if kind in NUMERIC:
        value.setdefault("qualifier", "exact")
        if "lower" not in value and "upper" not in value:
            value["lower"], value["upper"] = interval(value["value"], value["qualifier"], tolerance)
        if kind == "quantity":
            finish_quantity(value)
    elif kind == "enumeration":
        value["size"] = len(value.get("items", ()))
    elif kind == "date":
        value.setdefault("mod", None)
