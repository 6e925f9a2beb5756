"""The running totals of an audit: small, mergeable, and saved with each partition.

Workers tally their own partition; the writer merges tallies in plan order. A tally is
plain JSON, so the ledger keeps one per finished partition and a resumed audit rebuilds
its summary without reading the output again.

Flagged articles (at least one inconsistent finding) are ranked by how many inconsistent
findings they have, then by input order; the `keep` first of them are kept with their text
and findings for the HTML report.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from claims.model.report import Report

UNDATED = "undated"


@dataclass
class Tally:
    keep: int = 100
    articles: int = 0
    errors: int = 0
    claims: int = 0
    inconsistent: int = 0          # inconsistent findings
    consistent: int = 0            # consistent findings
    flagged_articles: int = 0
    errors_by_code: Counter = field(default_factory=Counter)
    inconsistent_by_rule: Counter = field(default_factory=Counter)
    consistent_by_rule: Counter = field(default_factory=Counter)
    articles_by_month: Counter = field(default_factory=Counter)
    inconsistent_by_month: Counter = field(default_factory=Counter)
    flagged: list[dict] = field(default_factory=list)  # ranked, at most `keep`

    def add_report(self, report: Report, text: str, order: tuple[int, int]) -> None:
        self.articles += 1
        self.claims += len(report.claims)
        month = report.article.published.strftime("%Y-%m") if report.article.published \
            else UNDATED
        self.articles_by_month[month] += 1
        wrong = [f for f in report.findings if f.verdict == "inconsistent"]
        for f in report.findings:
            if f.verdict == "inconsistent":
                self.inconsistent_by_rule[f.rule] += 1
            else:
                self.consistent_by_rule[f.rule] += 1
        self.inconsistent += len(wrong)
        self.consistent += len(report.findings) - len(wrong)
        if wrong:
            self.flagged_articles += 1
            self.inconsistent_by_month[month] += len(wrong)
            self._rank([_flagged(report, wrong, text, order)])

    def add_error(self, code: str) -> None:
        self.errors += 1
        self.errors_by_code[code] += 1

    def merge(self, other: "Tally") -> None:
        for name in ("articles", "errors", "claims", "inconsistent", "consistent",
                     "flagged_articles"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in COUNTERS:
            getattr(self, name).update(getattr(other, name))
        self._rank(other.flagged)

    def _rank(self, entries: list[dict]) -> None:
        self.flagged = sorted(self.flagged + entries,
                              key=lambda e: (-e["inconsistent"], e["order"]))[: self.keep]

    def to_json(self) -> dict:
        out = {k: getattr(self, k) for k in ("articles", "errors", "claims", "inconsistent",
                                             "consistent", "flagged_articles", "flagged")}
        out.update({name: dict(getattr(self, name)) for name in COUNTERS})
        return out

    @classmethod
    def from_json(cls, data: dict, keep: int) -> "Tally":
        t = cls(keep=keep, **{k: data[k] for k in ("articles", "errors", "claims",
                                                    "inconsistent", "consistent",
                                                    "flagged_articles")})
        for name in COUNTERS:
            getattr(t, name).update(data.get(name, {}))
        t._rank([{**e, "order": tuple(e["order"])} for e in data.get("flagged", [])])
        return t


COUNTERS = ("errors_by_code", "inconsistent_by_rule", "consistent_by_rule",
            "articles_by_month", "inconsistent_by_month")


def _flagged(report: Report, wrong, text: str, order: tuple[int, int]) -> dict:
    """What the HTML page shows of a flagged article: its text and the evidence to mark."""
    return {
        "order": order,
        "id": report.article.id,
        "title": report.article.title,
        "published": report.article.published.isoformat() if report.article.published else None,
        "inconsistent": len(wrong),
        "findings": [
            {"rule": f.rule, "severity": f.severity, "message": f.message,
             "evidence": [[e.start, e.end] for e in f.evidence]}
            for f in wrong
        ],
        "text": text,
    }
