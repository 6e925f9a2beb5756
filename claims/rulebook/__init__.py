"""The rulebook: every loaded rule pack, compiled once per process."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from claims.errors import RulebookError, UnknownRule
from claims.rulebook.compiled import CompiledCheck, CompiledExtraction
from claims.rulebook.lexicon import Lexicon
from claims.rulebook.problems import Problem, ProblemList

RULES_PATH_ENV = "CLAIMS_RULES_PATH"


def builtin_root() -> Path:
    import rules

    return rules.BUILTIN


def user_roots() -> list[Path]:
    """Extra packs from CLAIMS_RULES_PATH (os.pathsep-separated folders)."""
    raw = os.environ.get(RULES_PATH_ENV, "")
    return [Path(p) for p in raw.split(os.pathsep) if p.strip()]


@dataclass
class Rulebook:
    roots: list[Path]
    extraction: list[CompiledExtraction]
    checks: list[CompiledCheck]
    lexicons: dict[str, Lexicon]
    ruleset: str
    warnings: list[Problem]

    def __post_init__(self) -> None:
        self.by_id = {r.id: r for r in (*self.extraction, *self.checks)}

    @property
    def rules(self) -> list[CompiledExtraction | CompiledCheck]:
        return sorted((*self.extraction, *self.checks), key=lambda r: r.id)

    def get(self, rule_id: str) -> CompiledExtraction | CompiledCheck:
        try:
            return self.by_id[rule_id]
        except KeyError:
            raise UnknownRule(f"no rule {rule_id!r}") from None

    def select(self, include: list[str] | None, exclude: list[str] | None) -> set[str]:
        """Ids of the rules to run: prefixes like 'percent' or 'checks.count' select groups."""

        def hit(rule_id: str, patterns: list[str]) -> bool:
            return any(rule_id == p or rule_id.startswith(p.rstrip(".") + ".") for p in patterns)

        ids = set(self.by_id)
        if include:
            ids = {i for i in ids if hit(i, include)}
        if exclude:
            ids = {i for i in ids if not hit(i, exclude)}
        return ids


def load_rulebook(paths: list[Path] | None = None, *, builtin: bool = True) -> Rulebook:
    """Loads the built-in pack (unless told not to) and the packs at `paths`.

    Raises RulebookError listing every problem, never a partial rulebook.
    """
    from claims.rulebook.loader import load_packs

    roots = ([builtin_root()] if builtin else []) + [Path(p) for p in paths or []]
    problems = ProblemList()
    _, lexicons, _, ruleset, extraction, checks = load_packs(roots, problems)
    if problems.errors:
        raise RulebookError(sorted(problems, key=lambda p: (p.path, p.line or 0, p.code)))
    return Rulebook(roots, extraction, checks, lexicons, ruleset, problems.warnings)


@lru_cache(maxsize=1)
def builtin_lexicons() -> dict[str, Lexicon]:
    from claims.rulebook.lexicon import read_lexicon

    out: dict[str, Lexicon] = {}
    problems = ProblemList()
    for path in sorted((builtin_root() / "lexicons").glob("*.txt")):
        out.setdefault(path.stem, Lexicon(path.stem)).extend(read_lexicon(path, problems))
    return out


__all__ = ["Rulebook", "RulebookError", "builtin_lexicons", "load_rulebook", "user_roots"]
