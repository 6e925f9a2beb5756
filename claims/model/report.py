"""The Report: everything that leaves the service, from one set of models."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from claims.model.claim import Claim
from claims.model.finding import Finding


class EngineInfo(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: str
    ruleset: str = Field(description="sha256 of the loaded rule packs.")


class ArticleInfo(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str | None = None
    title: str | None = None
    published: dt.date | None = None
    length: int = Field(description="Length of the text, in the report's offset unit.")
    reference_date: dt.date | None = Field(
        default=None, description="The date relative expressions were resolved against."
    )
    offsets: str = Field(default="codepoint", description="'codepoint' or 'utf16'.")


class Summary(BaseModel):
    model_config = ConfigDict(extra="forbid")

    claims: int = 0
    consistent: int = 0
    inconsistent: int = 0
    unchecked: int = 0
    unsourced: int = 0


class Report(BaseModel):
    model_config = ConfigDict(extra="forbid")

    engine: EngineInfo
    article: ArticleInfo
    claims: list[Claim]
    findings: list[Finding]
    summary: Summary
