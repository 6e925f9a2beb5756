"""The engine's working record of a claim, before it becomes a pydantic Claim."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Mention:
    kind: str
    rule: str
    start: int
    end: int
    value: dict
    priority: int = 0
    sentence: int = 0
    id: str = ""
    subject: str | None = None
    measure: str | None = None
    source: tuple[str, int, int] | None = None  # name, start, end
    flags: list[str] = field(default_factory=list)
    verdict: str = "unchecked"

    def get(self, key: str, default=None):
        return self.value.get(key, default)

    def public_value(self) -> dict:
        return {k: v for k, v in self.value.items() if not k.startswith("_")}
