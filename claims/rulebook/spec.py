"""The rule-file format, as pydantic models. `claims rules schema` prints their JSON Schema.

Two sorts of rule share a header (`summary`, optional `description` and `link`):

* extraction rules (any folder named after a claim kind) find claims with a pattern;
* check rules (folder `checks/`) configure one built-in check type.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from claims.model.values import KINDS

Kind = Literal[KINDS]  # type: ignore[valid-type]
Level = Literal["info", "warning", "error"]


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class MatchExample(_Spec):
    text: str = Field(
        description="Text with the claim marked: 'talks with [[eight allied nations]]'."
    )
    value: dict[str, Any] | None = Field(
        default=None, description="Expected value fields (only those given are compared)."
    )
    published: dt.date | None = Field(
        default=None, description="Reference date for this example (default: the pack's)."
    )
    subject: str | None = Field(default=None, description="Expected linked subject.")
    source: str | None = Field(default=None, description="Expected linked source name.")


class TodoExample(MatchExample):
    reason: str = Field(description="Why this is a known miss.")


class NoMatchExample(_Spec):
    text: str
    published: dt.date | None = None


class ExtractionExamples(_Spec):
    match: list[MatchExample] = Field(description="Texts that must give this claim.")
    no_match: list[NoMatchExample | str] = Field(description="Texts that must not.")
    todo: list[TodoExample] = Field(
        default_factory=list, description="Known misses, run as expected failures."
    )


class ExtractionRule(_Spec):
    """Finds one form of claim with a pattern and turns its groups into a value."""

    summary: str = Field(description="One line: what the rule finds.")
    description: str | None = None
    link: str | None = None
    kind: Kind | None = Field(default=None, description="The claim kind (default: the folder).")
    pattern: str = Field(
        description="A regular expression (regex package, verbose mode) with fragments "
        "({number}, {number:group}, {@lexicon})."
    )
    case_sensitive: bool = Field(default=False, description="Match letter case exactly.")
    span: str | list[str] | None = Field(
        default=None,
        description="Named group that is the claim's span (default: the match), or a list of "
        "groups: the span runs from the first that matched to the end of the last. A group "
        "may sit in a lookbehind, so a pattern can start at its most specific word.",
    )
    parse: dict[str, str | dict[str, str]] = Field(
        default_factory=dict,
        description="Normalizer name -> the group it reads, or a mapping of its inputs to groups.",
    )
    value: dict[str, Any] = Field(default_factory=dict, description="Constant value fields.")
    tolerance: float | None = Field(
        default=None, ge=0, lt=1, description="Relative slack of 'about'/'nearly' (0.1 = 10%)."
    )
    priority: int = Field(
        default=0, description="Wins ties between overlapping claims of the same length."
    )
    examples: ExtractionExamples


class CheckExample(_Spec):
    text: str = Field(description="Text; [[...]] marks spans the finding's evidence must have.")
    published: dt.date | None = None
    message: str | None = Field(
        default=None, description="A substring the finding's message must contain."
    )


class CheckTodo(CheckExample):
    reason: str
    should: Literal["flag", "pass"] = "flag"


class CheckExamples(_Spec):
    flag: list[CheckExample] = Field(description="Texts this rule must flag.")
    pass_: list[CheckExample | str] = Field(alias="pass", description="Texts it must not flag.")
    todo: list[CheckTodo] = Field(default_factory=list)


class CheckRule(_Spec):
    """Configures one built-in check type: what it applies to, its parameters, its message."""

    summary: str
    description: str | None = None
    link: str | None = None
    check: str = Field(description="The built-in check type this rule configures.")
    level: Level = Field(default="warning", description="Severity of an inconsistent finding.")
    applies_to: list[Kind] | None = Field(
        default=None, description="Claim kinds the check looks at (default: the check type's)."
    )
    params: dict[str, Any] = Field(default_factory=dict, description="The check type's parameters.")
    message: str = Field(description="Template of the message of an inconsistent finding.")
    consistent_message: str | None = Field(
        default=None, description="Template of the message when the claims agree."
    )
    examples: CheckExamples


class PackInfo(_Spec):
    """`_pack.yml`: optional metadata and defaults of a rule pack."""

    name: str | None = None
    language: str = "en"
    summary: str | None = None
    examples_published: dt.date = Field(
        default=dt.date(2025, 12, 1), description="Reference date of examples that give none."
    )
    tolerance: float = Field(default=0.1, ge=0, lt=1)


def json_schema() -> dict:
    """JSON Schema of a rule file (either sort), for editors."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "claims rule file",
        "oneOf": [{"$ref": "#/$defs/ExtractionRule"}, {"$ref": "#/$defs/CheckRule"}],
        "$defs": {},
    }
    for model in (ExtractionRule, CheckRule):
        sub = model.model_json_schema(ref_template="#/$defs/{model}", by_alias=True)
        schema["$defs"].update(sub.pop("$defs", {}))
        schema["$defs"][model.__name__] = sub
    return schema
