"""What goes in: one article and the options for checking it."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

OffsetUnit = Literal["codepoint", "utf16"]
TextFormat = Literal["text", "html", "markdown"]


class Article(BaseModel):
    """One article. Offsets in the report index `text` exactly as given."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="The article text, title first if it is part of the story.")
    id: str | None = Field(default=None, description="The caller's identifier, echoed back.")
    title: str | None = Field(default=None, description="The headline, if not part of `text`.")
    format: TextFormat = Field(
        default="text",
        description="How `text` is written: plain 'text', 'html' or 'markdown'. Markup is read as "
        "the text a reader sees; every span still indexes `text` exactly as sent.",
    )
    published: dt.date | None = Field(
        default=None,
        description="Publication date (YYYY-MM-DD): the reference for 'Dec 12', 'last week', "
        "weekdays and ages. Without it, years that are not written stay unknown.",
    )

    @field_validator("published", mode="before")
    @classmethod
    def _iso_date(cls, v):
        # Numbers would otherwise be read as Unix timestamps.
        if v is None or isinstance(v, (dt.date, str)):
            return v
        raise ValueError("give the date as a string YYYY-MM-DD")


class CheckOptions(BaseModel):
    """How to check: which rules, which offset unit, how long at most."""

    model_config = ConfigDict(extra="forbid")

    offsets: OffsetUnit = Field(
        default="codepoint",
        description="Unit of every span: Unicode code points (Python) or UTF-16 code units "
        "(JavaScript editors).",
    )
    rules: list[str] | None = Field(
        default=None,
        description="Run only these rules: ids or id prefixes such as 'percent' or "
        "'checks.count-matches-list'.",
    )
    skip_rules: list[str] = Field(default_factory=list, description="Rule ids or prefixes to skip.")
    budget_ms: float | None = Field(
        default=None, gt=0, description="Time budget for this article, in milliseconds."
    )
