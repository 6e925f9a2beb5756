"""claims: rule-based checking of quantitative and attributional claims in news articles.

    from claims import Engine, Article
    report = Engine.default().check(Article(text=..., published="2025-12-01"))
"""

from claims.engine import Engine
from claims.errors import ClaimsError, InputError, RulebookError
from claims.model import Article, CheckOptions, Report
from claims.version import __version__

__all__ = [
    "Article",
    "CheckOptions",
    "ClaimsError",
    "Engine",
    "InputError",
    "Report",
    "RulebookError",
    "__version__",
]
