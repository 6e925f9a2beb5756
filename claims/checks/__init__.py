"""Built-in check types, registered by name on import."""

from claims.checks import (  # noqa: F401  (register)
    ages, arithmetic, calendar, conversions, counts, ranks, repeated, shares, sourcing,
)
from claims.checks.base import CheckContext, Draft
from claims.checks.registry import CHECK_TYPES, check_type

__all__ = ["CHECK_TYPES", "CheckContext", "Draft", "check_type"]
