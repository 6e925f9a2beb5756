"""Request and response models of the HTTP API. The Report itself comes from the engine."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from claims.model.article import Article, CheckOptions, OffsetUnit

SEED_EXAMPLE = {
    "text": "The US will seek agreements with eight allied nations. It will begin with a "
    "meeting on Dec 12 with Japan, South Korea, Singapore, the Netherlands, the UK, Israel, "
    "the United Arab Emirates and Australia.",
    "published": "2025-12-01",
}


class CheckRequest(Article):
    """One article and how to check it."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [SEED_EXAMPLE]})

    text: Annotated[str, StringConstraints(pattern=r"\S")] = Field(
        description="The article text, title first if it is part of the story. Not blank.",
    )

    offsets: OffsetUnit = Field(
        default="codepoint",
        description="Unit of every span: 'codepoint' (Python) or 'utf16' (JavaScript).",
    )
    rules: list[str] | None = Field(
        default=None, description="Run only these rules: ids or prefixes ('percent', 'checks')."
    )
    skip_rules: list[str] = Field(default_factory=list, description="Rule ids or prefixes to skip.")
    url: str | None = Field(
        default=None, max_length=2048,
        description="Where the article is published; used in ClaimReview exports.",
        examples=["https://example.com/2025/12/01/minerals"],
    )

    # The fields were validated with this request: build the engine's inputs without
    # validating them again.
    def article(self) -> Article:
        return Article.model_construct(**{f: getattr(self, f) for f in ARTICLE_FIELDS})

    def options(self) -> CheckOptions:
        return CheckOptions.model_construct(offsets=self.offsets, rules=self.rules,
                                            skip_rules=self.skip_rules, budget_ms=None)


ARTICLE_FIELDS = frozenset(Article.model_fields)

ExportFormat = Literal["auto", "json", "claimreview"]


# Request bodies that refuse unknown fields; the OpenAPI schema says so (see api/openapi.py).
CLOSED_REQUESTS = (CheckRequest,)


class RuleSummary(BaseModel):
    id: str = Field(examples=["percent.value"])
    sort: Literal["extraction", "check"]
    kind: str | None = Field(default=None, description="Claim kind an extraction rule finds.")
    check: str | None = Field(default=None, description="Check type a check rule configures.")
    level: str | None = Field(default=None, description="Severity of a check's findings.")
    summary: str
    pack: str


class RuleDetail(RuleSummary):
    description: str | None = None
    pattern: str | None = None
    parse: dict[str, Any] | None = None
    params: dict[str, Any] | None = None
    message: str | None = None
    consistent_message: str | None = None
    examples: dict[str, Any]


class Health(BaseModel):
    status: Literal["ok"] = "ok"


class Ready(BaseModel):
    status: Literal["ready"] = "ready"
    version: str
    ruleset: str
    rules: int
