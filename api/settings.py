"""Service settings, from the environment, with defaults that run with nothing configured."""

from __future__ import annotations

import os

from pydantic import BaseModel, Field


def _env(name: str, default: str) -> str:
    return os.environ.get(name, default)


class Settings(BaseModel):
    max_body_bytes: int = Field(default=2_000_000, description="Largest request body (413 above).")
    max_article_chars: int = Field(default=200_000, description="Longest article (422 above).")
    budget_ms: float = Field(default=2_000.0, description="Time budget per article.")
    cors_origins: list[str] = Field(default_factory=list, description="Origins allowed by CORS.")
    reviewer: str = Field(default="claims", description="Author of ClaimReview exports.")

    @classmethod
    def from_env(cls) -> "Settings":
        origins = _env("CLAIMS_CORS_ORIGINS", "")
        return cls(
            max_body_bytes=int(_env("CLAIMS_MAX_BODY_BYTES", "2000000")),
            max_article_chars=int(_env("CLAIMS_MAX_ARTICLE_CHARS", "200000")),
            budget_ms=float(_env("CLAIMS_BUDGET_MS", "2000")),
            cors_origins=[o.strip() for o in origins.split(",") if o.strip()],
            reviewer=_env("CLAIMS_REVIEWER", "claims"),
        )
