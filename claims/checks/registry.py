"""Check types: Python functions registered by name, configured by YAML check rules.

    @check_type("count_matches_enumeration", params=Params, variables=("count", ...))
    def count_matches_enumeration(ctx, rule): yield Draft(...)

A check yields `Draft`s (a verdict with its claims, evidence and message variables) or
puts flags on claims through `ctx.flag`; a check type that only flags declares the flags it
puts (`flags=("unsourced",)`), and its rules' examples are judged by those flags.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict


class NoParams(BaseModel):
    model_config = ConfigDict(extra="forbid")


@dataclass(frozen=True, slots=True)
class CheckType:
    name: str
    fn: Callable
    params: type[BaseModel]
    variables: tuple[str, ...]
    kinds: tuple[str, ...]
    doc: str
    flags: tuple[str, ...] = ()


CHECK_TYPES: dict[str, CheckType] = {}


def check_type(
    name: str,
    *,
    params: type[BaseModel] = NoParams,
    variables: tuple[str, ...] = (),
    kinds: tuple[str, ...] = (),
    flags: tuple[str, ...] = (),
):
    def register(fn):
        CHECK_TYPES[name] = CheckType(name, fn, params, variables, kinds, inspect.getdoc(fn) or "",
                                      flags)
        return fn

    return register
