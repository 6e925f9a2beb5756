"""Normalizers, registered by name on import."""

from claims.normalize import (  # noqa: F401  (register)
    dates, durations, figures, lists, money, numbers, people, periods, relative, units,
)
from claims.normalize.registry import NORMALIZERS, NormContext, Reject, normalizer

__all__ = ["NORMALIZERS", "NormContext", "Reject", "normalizer"]
