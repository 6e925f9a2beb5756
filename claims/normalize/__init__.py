"""Normalizers, registered by name on import."""

from claims.normalize import dates, lists, money, numbers, people, units  # noqa: F401  (register)
from claims.normalize.registry import NORMALIZERS, NormContext, Reject, normalizer

__all__ = ["NORMALIZERS", "NormContext", "Reject", "normalizer"]
