"""Named normalizers: the Python that turns a matched group into value fields.

A rule's `parse:` maps a normalizer to the group(s) it reads. A normalizer is a function
`fn(ctx, **inputs) -> dict` registered under a name; its keyword parameters are its inputs
(those without a default are required). It returns value fields; keys starting with `_`
are kept for linking and checks but never reported. It raises `Reject` to drop the match.
"""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any


class Reject(Exception):
    """The match is not a claim after all (e.g. "36" in "Helberg, 36" is not an age of 360)."""


@dataclass(frozen=True, slots=True)
class NormalizerInfo:
    name: str
    fn: Callable[..., dict]
    inputs: tuple[str, ...]
    required: tuple[str, ...]
    doc: str


NORMALIZERS: dict[str, NormalizerInfo] = {}


def normalizer(name: str):
    def register(fn):
        params = list(inspect.signature(fn).parameters.values())[1:]
        inputs = tuple(p.name for p in params)
        required = tuple(p.name for p in params if p.default is inspect.Parameter.empty)
        NORMALIZERS[name] = NormalizerInfo(name, fn, inputs, required, inspect.getdoc(fn) or "")
        return fn

    return register


@dataclass(slots=True)
class NormContext:
    """What a normalizer may consult: lexicons, the reference date, the rule's settings,
    and the value fields the rule's earlier `parse` steps produced."""

    lexicons: Mapping[str, Any]
    reference: dt.date | None
    tolerance: float
    text: str = ""
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    value: dict[str, Any] = field(default_factory=dict)  # the fields earlier steps produced

    def lexicon(self, name: str):
        return self.lexicons[name]
