"""A finding: one check's verdict on one or more claims, with the evidence for it."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["info", "warning", "error"]


class Evidence(BaseModel):
    model_config = ConfigDict(extra="forbid")

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    role: str | None = Field(
        default=None, description="What this span is to the finding: 'count', 'item', ..."
    )


class Finding(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    rule: str = Field(description="Id of the check rule that made the finding.")
    verdict: Literal["consistent", "inconsistent"]
    severity: Severity
    message: str = Field(description="One sentence a person reads.")
    claims: list[str] = Field(description="Ids of the claims the finding rests on.")
    evidence: list[Evidence]
    expected: Any = None
    observed: Any = None
    suggestion: str | None = Field(default=None, description="A correction, where one follows.")
