"""Units through pint: one registry for the process, made on first use.

Surface forms ("km", "tonnes", "mph") map to pint expressions in the `units` lexicon;
pint gives the canonical name and the SI value.
"""

from __future__ import annotations

from functools import lru_cache

from claims.normalize.numbers import tidy
from claims.normalize.registry import NormContext, Reject, normalizer


@lru_cache(maxsize=1)
def registry():
    import pint

    ureg = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    ureg.define("barrel_oil = 158.987294928 * liter = bbl_oil")
    return ureg


@lru_cache(maxsize=1024)
def canonical(expr: str) -> str:
    """pint's canonical name of a unit expression: "km" -> "kilometer"."""
    return format(registry().Unit(expr), "D")


@lru_cache(maxsize=4096)
def to_si(value: float, unit: str) -> tuple[float, str]:
    q = registry().Quantity(value, unit).to_base_units()
    return float(q.magnitude), format(q.units, "D")


def convert(value: float, unit: str, target: str) -> float:
    return float(registry().Quantity(value, unit).to(target).magnitude)


@normalizer("unit")
def unit(ctx: NormContext, text: str) -> dict:
    """A unit as written -> pint's canonical name, via the `units` and `unit-symbols` lexicons."""
    expr = ctx.lexicons["units"].get(text) or ctx.lexicons["unit-symbols"].get(text)
    if expr is None:
        raise Reject(f"unknown unit {text!r}")
    return {"unit": canonical(expr)}


def finish_quantity(value: dict) -> None:
    """Adds si_value and si_unit."""
    try:
        si, si_unit = to_si(float(value["value"]), value["unit"])
    except Exception:  # noqa: BLE001 - pint raises many kinds; a unit we can't convert stays raw
        return
    value["si_value"] = tidy(si)
    value["si_unit"] = si_unit
