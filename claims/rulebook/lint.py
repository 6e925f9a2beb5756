"""Warnings `claims rules lint` gives on rules that load cleanly (W201 runaway patterns).

Kept out of loading: they cost time at every start and change nothing a check does.
"""

from __future__ import annotations

from pathlib import Path

from claims.rulebook import Rulebook
from claims.rulebook import yamlsrc
from claims.rulebook.backtracking import backtracking_risks
from claims.rulebook.problems import Problem, ProblemList


def lint(book: Rulebook) -> list[Problem]:
    problems = ProblemList()
    for rule in book.extraction:
        risks = backtracking_risks(rule.regex.pattern, ignorecase=not rule.spec.case_sensitive)
        if not risks:
            continue
        line = _line_of(rule.path, "pattern")
        for risk in risks:
            problems.add(rule.path, line, rule.id, "pattern", "W201", risk)
    return list(problems)


def _line_of(path: str, key: str) -> int | None:
    try:
        return yamlsrc.load(Path(path).read_text(encoding="utf-8")).line_of((key,))
    except (OSError, yamlsrc.YamlSyntaxError):
        return None
