"""A claim found in the article: a discriminated union on `kind`."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

from claims.model import values as v

Verdict = Literal["consistent", "inconsistent", "unchecked"]


class Span(BaseModel):
    """`[start, end)` offsets into the text as sent."""

    model_config = ConfigDict(extra="forbid")

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Source(BaseModel):
    """Who the article says a claim comes from."""

    model_config = ConfigDict(extra="forbid")

    name: str
    span: Span


class _Claim(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Stable for the same claim in the same sentence.")
    text: str = Field(description="The claim's surface text: text[span.start:span.end].")
    span: Span
    sentence: Span
    subject: str | None = Field(default=None, description="What the claim is about: 'China'.")
    measure: str | None = Field(
        default=None, description="The measured thing: 'global rare earths ... capacity'."
    )
    source: Source | None = None
    rule: str = Field(description="Id of the extraction rule that found it.")
    verdict: Verdict = "unchecked"
    flags: list[str] = Field(default_factory=list, description="For example 'unsourced'.")


def _claim_model(kind: str, value_model: type) -> type[_Claim]:
    name = "".join(part.title() for part in kind.split("_")) + "Claim"
    return type(
        name,
        (_Claim,),
        {
            "__annotations__": {"kind": Literal[kind], "value": value_model},  # type: ignore[valid-type]
            "__module__": __name__,
            "__doc__": f"A `{kind}` claim.",
        },
    )


CLAIM_MODELS: dict[str, type[_Claim]] = {
    kind: _claim_model(kind, model) for kind, model in v.VALUE_MODELS.items()
}
globals().update({m.__name__: m for m in CLAIM_MODELS.values()})

Claim = Annotated[Union[tuple(CLAIM_MODELS.values())], Field(discriminator="kind")]  # type: ignore[valid-type]
