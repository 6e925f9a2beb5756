"""Readable text for a terminal: the claims table and the findings."""

from __future__ import annotations

import shutil

from claims.model.report import Report

MARK = {"consistent": "ok", "inconsistent": "WRONG", "unchecked": "-"}


def describe_value(kind: str, value) -> str:
    """A short reading of a claim's value: '>90 %', '2025-12-12', '8 nations'."""
    v = value.model_dump()
    if "qualifier" in v:
        n = _num(v["value"])
        q = {"more_than": ">", "at_least": ">=", "less_than": "<", "at_most": "<=",
             "about": "~", "nearly": "~<", "up_to": "<="}.get(v["qualifier"], "")
        if v["qualifier"] == "range":
            n = f"{_num(v['lower'])}-{_num(v['upper'])}"
        unit = {"percent": "%", "count": v.get("noun", ""), "money": v.get("currency", ""),
                "quantity": v.get("unit", "")}.get(kind, "")
        if kind == "percent" and v.get("unit") == "percentage_point":
            unit = "pp"
        return f"{q}{n} {unit}".strip()
    if kind == "date":
        return v["timex"] + (f" ({v['mod']})" if v.get("mod") else "")
    if kind == "duration":
        return v["timex"] + (" (every)" if v.get("set") else "")
    if kind == "age":
        return f"{v['years']} ({v['person']})" if v.get("person") else str(v["years"])
    if kind == "rank":
        return f"#{v['rank']}" + (f" {v['subject']}" if v.get("subject") else "")
    if kind == "enumeration":
        return f"{v['size']} items" + ("" if v["exhaustive"] else " (sample)")
    if kind == "quote":
        return f"speaker: {v['speaker'] or '?'}"
    if kind == "attribution":
        return f"source: {v['source']}"
    return ""


def _num(x) -> str:
    if isinstance(x, float):
        return f"{x:,.6g}" if abs(x) < 1e6 else f"{x:,.0f}"
    return f"{x:,}"


def _clip(s: str, width: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= width else s[: max(width - 1, 0)] + "…"


def render_report(report: Report, name: str) -> str:
    s = report.summary
    width = max(shutil.get_terminal_size((120, 20)).columns, 100)
    lines = [
        f"{name}: {s.claims} claims, {s.consistent} consistent, {s.inconsistent} inconsistent, "
        f"{s.unchecked} unchecked, {s.unsourced} unsourced",
        "",
    ]
    text_w = max(width - 72, 24)
    header = f"{'span':>11}  {'kind':<11}  {'verdict':<7}  {'claim':<{text_w}}  value"
    lines += [header, "-" * min(len(header) + 20, width)]
    for c in report.claims:
        span = f"{c.span.start}-{c.span.end}"
        extra = []
        if c.source:
            extra.append(f"src: {c.source.name}")
        if c.flags:
            extra.append(",".join(c.flags))
        value = describe_value(c.kind, c.value) + (f"  [{'; '.join(extra)}]" if extra else "")
        lines.append(
            f"{span:>11}  {c.kind:<11}  {MARK[c.verdict]:<7}  {_clip(c.text, text_w):<{text_w}}  "
            f"{_clip(value, 40)}"
        )
    lines += ["", f"Findings ({len(report.findings)})"]
    if not report.findings:
        lines.append("  none")
    for f in report.findings:
        mark = "WRONG" if f.verdict == "inconsistent" else "ok"
        lines.append(f"  {mark:<5} [{f.severity}] {f.rule}: {f.message}")
        if f.suggestion:
            lines.append(f"        suggestion: {f.suggestion}")
    return "\n".join(lines)
