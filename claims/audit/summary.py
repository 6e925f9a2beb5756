"""The summary printed at the end of an audit: totals, findings by rule, the worst articles."""

from __future__ import annotations

from claims.audit.tally import Tally


def render_summary(tally: Tally, top: int = 10) -> str:
    lines = [
        f"{tally.articles:,} articles checked, {tally.errors:,} records not checked, "
        f"{tally.claims:,} claims",
        f"{tally.inconsistent:,} inconsistent findings in {tally.flagged_articles:,} articles; "
        f"{tally.consistent:,} consistent findings",
    ]
    rules = sorted(set(tally.inconsistent_by_rule) | set(tally.consistent_by_rule),
                   key=lambda r: (-tally.inconsistent_by_rule[r], -tally.consistent_by_rule[r], r))
    if rules:
        width = max(len(r) for r in rules)
        lines += ["", f"{'findings by rule':<{width}}  inconsistent  consistent"]
        lines += [f"{r:<{width}}  {tally.inconsistent_by_rule[r]:>12,}  "
                  f"{tally.consistent_by_rule[r]:>10,}" for r in rules]
    if tally.errors:
        lines += ["", "records not checked, by reason: " + ", ".join(
            f"{code} x{n:,}" for code, n in sorted(tally.errors_by_code.items()))]
    if tally.flagged:
        lines += ["", "most inconsistencies"]
        for entry in tally.flagged[:top]:
            title = f"  {entry['title']}" if entry.get("title") else ""
            first = entry["findings"][0]["message"]
            lines.append(f"{entry['inconsistent']:>4}  {entry['id']}{title}")
            lines.append(f"      {first}")
    return "\n".join(lines)
