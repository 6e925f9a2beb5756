"""Building models the engine already knows to be valid, without validating them again.

pydantic's `model_construct` still walks every field for defaults; the engine always
supplies every field, so it can set them directly. tests/test_models.py checks that what
this builds is exactly what validation would build.
"""

from __future__ import annotations

from pydantic import BaseModel

_new = object.__new__
_set = object.__setattr__


def build(cls: type[BaseModel], values: dict) -> BaseModel:
    """An instance of `cls` holding `values`, which must name every field."""
    m = _new(cls)
    _set(m, "__dict__", values)
    _set(m, "__pydantic_fields_set__", set(values))
    _set(m, "__pydantic_extra__", None)
    _set(m, "__pydantic_private__", None)
    return m


def defaults(cls: type[BaseModel]) -> dict:
    """The default of every optional field of `cls`."""
    return {
        name: f.get_default(call_default_factory=True)
        for name, f in cls.model_fields.items()
        if not f.is_required()
    }
