"""The audit as one self-contained HTML page for a desk editor (`--report report.html`).

Totals, two bar charts drawn as inline SVG (inconsistent findings by rule and by month of
publication), the table of flagged articles, and each flagged article's text with the
evidence of its findings highlighted, linked from the table. No script, no external
stylesheet, font or image: the file can be mailed, archived or opened offline.
"""

from __future__ import annotations

import datetime as dt
import html
import os
from pathlib import Path

from claims.audit.tally import UNDATED, Tally

CSS = """
body{font:15px/1.5 Georgia,serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1,h2,h3{font-family:Helvetica,Arial,sans-serif}
.totals{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0}
.totals div{border:1px solid #ccc;border-radius:4px;padding:.5rem 1rem}
.totals b{display:block;font:bold 1.5rem Helvetica,Arial,sans-serif}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem;
text-align:left;vertical-align:top}td.n{text-align:right}td.d{white-space:nowrap}
mark{background:#ffd5d5;border-bottom:2px solid #c00}
article{border-top:2px solid #888;margin-top:2rem}
.text{white-space:pre-wrap;background:#fafafa;padding:1rem;border:1px solid #eee}
.meta{color:#666;font-size:.9rem}svg text{font:12px Helvetica,Arial,sans-serif}
"""


def write_page(path: Path, tally: Tally, *, out: Path, inputs: list[str], ruleset: str,
               version: str) -> Path:
    page = render(tally, out=out, inputs=inputs, ruleset=ruleset, version=version)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, path)
    return path


def render(tally: Tally, *, out: Path, inputs: list[str], ruleset: str, version: str) -> str:
    e = html.escape
    parts = [
        "<!doctype html><html lang=en><meta charset=utf-8>",
        "<meta name=viewport content='width=device-width,initial-scale=1'>",
        f"<title>claims audit: {tally.flagged_articles:,} flagged articles</title>",
        f"<style>{CSS}</style><body><h1 id=top>Claims audit</h1>",
        f"<p class=meta>{e(', '.join(inputs))} &rarr; {e(str(out))} &middot; claims {e(version)}"
        f" &middot; rules {e(ruleset[:12])} &middot; {dt.date.today().isoformat()}</p>",
        "<div class=totals>",
        *(f"<div><b>{n:,}</b>{e(label)}</div>" for n, label in (
            (tally.articles, "articles checked"), (tally.flagged_articles, "flagged articles"),
            (tally.inconsistent, "inconsistent findings"), (tally.consistent,
                                                            "consistent findings"),
            (tally.claims, "claims"), (tally.errors, "records not checked"))),
        "</div>",
        "<h2>Inconsistent findings by rule</h2>",
        hbar_chart(tally.inconsistent_by_rule.most_common()) if tally.inconsistent_by_rule
        else "<p>None.</p>",
        "<h2>Inconsistent findings by month of publication</h2>" if not _spans_years(tally)
        else "<h2>Inconsistent findings by year of publication</h2>",
        month_chart(tally) if tally.inconsistent_by_month else "<p>None.</p>",
    ]
    if tally.errors:
        parts.append("<h2>Records not checked</h2><table><tr><th>code<th>records</tr>")
        parts += [f"<tr><td>{e(c)}<td class=n>{n:,}</tr>"
                  for c, n in sorted(tally.errors_by_code.items())]
        parts.append("</table><p class=meta>The output file has one error line for each, "
                     "with the record's id and the reason.</p>")
    parts.append(_flagged_table(tally))
    parts += [_article(i, entry) for i, entry in enumerate(tally.flagged, 1)]
    parts.append("</body></html>\n")
    return "\n".join(parts)


def hbar_chart(rows: list[tuple[str, int]]) -> str:
    """Horizontal bars, one per label, longest first."""
    label_w, bar_w, row_h = 260, 380, 22
    top = max(n for _, n in rows) or 1
    height = row_h * len(rows) + 4
    out = [f"<svg role=img aria-label='bar chart' width='{label_w + bar_w + 70}' "
           f"height='{height}' xmlns='http://www.w3.org/2000/svg'>"]
    for i, (label, n) in enumerate(rows):
        y = i * row_h + 2
        w = max(1, round(bar_w * n / top))
        out.append(f"<text x='{label_w - 6}' y='{y + 15}' text-anchor='end'>"
                   f"{html.escape(label)}</text>"
                   f"<rect x='{label_w}' y='{y + 3}' width='{w}' height='{row_h - 6}' "
                   f"fill='#c33'><title>{html.escape(label)}: {n:,}</title></rect>"
                   f"<text x='{label_w + w + 6}' y='{y + 15}'>{n:,}</text>")
    out.append("</svg>")
    return "".join(out)


def month_chart(tally: Tally) -> str:
    """Vertical bars for every month from the first to the last dated one (gaps are zero
    bars, so time reads evenly), then the undated articles' bar. An archive that spans more
    than four years is shown by year, so the bars stay wide enough to see."""
    dated = sorted(m for m in tally.articles_by_month if m != UNDATED)
    months = _month_range(dated[0], dated[-1]) if dated else []
    by_year = _spans_years(tally)
    buckets = sorted({m[:4] for m in months}) if by_year else months
    values = [sum(n for m, n in tally.inconsistent_by_month.items() if m.startswith(b))
              for b in buckets]
    articles = [sum(n for m, n in tally.articles_by_month.items() if m.startswith(b))
                for b in buckets]
    if tally.inconsistent_by_month.get(UNDATED):
        buckets.append(UNDATED)
        values.append(tally.inconsistent_by_month[UNDATED])
        articles.append(tally.articles_by_month[UNDATED])
    top = max(values) or 1
    col, chart_h, base = max(6, min(40, 720 // max(len(buckets), 1))), 160, 180
    width = col * len(buckets) + 90
    step = max(1, len(buckets) // 24)  # two dozen labels at most
    out = [f"<p class=meta>{'By year: the archive spans more than four years. ' if by_year else ''}"
           "Hover over a bar for its numbers.</p>",
           f"<svg role=img aria-label='findings by {'year' if by_year else 'month'}' "
           f"width='{width}' height='{base + 70}' xmlns='http://www.w3.org/2000/svg'>",
           f"<line x1='30' y1='{base}' x2='{width}' y2='{base}' stroke='#999'/>",
           f"<text x='0' y='{base - chart_h + 4}'>{top:,}</text>"]
    for i, (b, n, a) in enumerate(zip(buckets, values, articles)):
        x = 30 + i * col
        h = round(chart_h * n / top)
        out.append(f"<rect x='{x + 1}' y='{base - h}' width='{max(col - 2, 1)}' height='{h}' "
                   f"fill='#c33'><title>{b}: {n:,} inconsistent findings in {a:,} "
                   f"articles</title></rect>")
        if i % step == 0 or b == UNDATED:
            cx = x + col / 2
            out.append(f"<text x='{cx}' y='{base + 10}' transform='rotate(60 {cx} {base + 10})'>"
                       f"{b}</text>")
    out.append("</svg>")
    return "".join(out)


def _spans_years(tally: Tally) -> bool:
    dated = sorted(m for m in tally.articles_by_month if m != UNDATED)
    return bool(dated) and len(_month_range(dated[0], dated[-1])) > 48


def _month_range(first: str, last: str) -> list[str]:
    y, m = map(int, first.split("-"))
    ly, lm = map(int, last.split("-"))
    out = []
    while (y, m) <= (ly, lm):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _flagged_table(tally: Tally) -> str:
    e = html.escape
    if not tally.flagged:
        return "<h2>Flagged articles</h2><p>No article disagrees with itself.</p>"
    shown = len(tally.flagged)
    more = tally.flagged_articles - shown
    rows = [f"<h2>Flagged articles</h2><p>The {shown:,} articles with the most inconsistent "
            "findings" + (f" ({more:,} more are in the output file)" if more > 0 else "")
            + ". Open one to see its text with the evidence marked.</p>",
            "<table><tr><th>#<th>article<th>published<th>inconsistent<th>first finding</tr>"]
    for i, entry in enumerate(tally.flagged, 1):
        name = entry.get("title") or entry["id"]
        rows.append(f"<tr><td>{i}<td><a href='#a{i}'>{e(name)}</a><br><span class=meta>"
                    f"{e(entry['id'])}</span><td class=d>{e(entry.get('published') or '')}"
                    f"<td class=n>{entry['inconsistent']}<td>"
                    f"{e(entry['findings'][0]['message'])}</tr>")
    rows.append("</table>")
    return "\n".join(rows)


def _article(i: int, entry: dict) -> str:
    e = html.escape
    findings = "".join(
        f"<li><b>{e(f['rule'])}</b> ({e(f['severity'])}): {e(f['message'])}</li>"
        for f in entry["findings"])
    return (f"<article id='a{i}'><h3>{i}. {e(entry.get('title') or entry['id'])}</h3>"
            f"<p class=meta>{e(entry['id'])} &middot; {e(entry.get('published') or 'undated')}"
            f" &middot; <a href='#top'>back to the list</a></p><ul>{findings}</ul>"
            f"<div class=text>{highlight(entry.get('text') or '', entry['findings'])}</div>"
            "</article>")


def highlight(text: str, findings: list[dict]) -> str:
    """The text, escaped, with every evidence span of the findings in a <mark>. Overlapping
    spans are merged; a mark's tooltip gives the findings it belongs to."""
    spans = sorted((s, t, f["message"]) for f in findings for s, t in f["evidence"]
                   if 0 <= s < t <= len(text))
    merged: list[list] = []
    for s, t, msg in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], t)
            if msg not in merged[-1][2]:
                merged[-1][2].append(msg)
        else:
            merged.append([s, t, [msg]])
    out, pos = [], 0
    for s, t, msgs in merged:
        out.append(html.escape(text[pos:s]))
        out.append(f"<mark title='{html.escape(' | '.join(msgs), quote=True)}'>"
                   f"{html.escape(text[s:t])}</mark>")
        pos = t
    out.append(html.escape(text[pos:]))
    return "".join(out)
