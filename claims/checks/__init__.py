"""Built-in check types, registered by name on import."""

from claims.checks import ages, arithmetic, calendar, conversions, counts, repeated, sourcing  # noqa: F401  (register)
from claims.checks.base import CheckContext, Draft
from claims.checks.registry import CHECK_TYPES, check_type

__all__ = ["CHECK_TYPES", "CheckContext", "Draft", "check_type"]
