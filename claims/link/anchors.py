"""Temporal anchors: dates that lean on the date the article gave before them.

News counts some dates from the publication date ("last week", "two years ago") and some
from the date it has just named: "In 1992 the plant opened; two years later it closed"
(1994), "Profit rose in the third quarter ... from $5 million a year earlier" (the third
quarter a year before), "that day", "the same period". Extraction gives each such date its
publication-date reading and an `_anchor`; here, in text order, it is re-resolved against
the last date before it whose period is fine enough to carry it. A shifted date never
becomes an anchor itself: in "net rose to $5 from $4 a year earlier; sales rose to $9 from
$8 a year earlier" both compare with the same quarter. The end date of a period named by
it ("the quarter ended Sept. 30") does not replace that period as the anchor. A comparison
with the reported period ("the year-ago quarter", "the 1988 period") leans on the first
quarter the article named, the one the report is about.

`_anchor` fields: `unit` and `n` (the shift: year, -1), `mode` and, optionally, `want`
(the granularity, or list of granularities, the anchor must have), `near` (per
granularity, how many sentences back the anchor may be) and `required` (drop the claim without an anchor):

* `any`   ("a year earlier", "three days later", "year-ago"): the anchor shifted, at the
          anchor's granularity if at least as fine as the unit;
* `ago`   ("a year ago"): counted from the publication date, except that in an earnings
          report ("profit ... a year ago") it is the reported quarter or half a year back;
* `step`  ("the following year", "the previous month"): the anchor's period of that unit,
          shifted;
* `same`  ("that year", "the same day", "the quarter", "the same period"): the anchor's
          period of that unit (or the anchor itself for "period");
* `weekday` ("the previous Friday", "the following Monday"): that weekday before or after
          the anchor day;
* `in_year` ("the 1988 quarter", "last year's period"): the anchor's period in that year.
"""

from __future__ import annotations

import datetime as dt

from claims.mention import Mention
from claims.normalize import timex
from claims.text.document import Document

# From finest to coarsest; a season sits with the quarter it overlaps.
_RANK = {"day": 0, "week": 1, "weekend": 1, "month": 2, "quarter": 3, "season": 3, "half": 4,
         "year": 5, "decade": 6, "century": 7}
# How far back (in sentences) a date can anchor a "year ago" in an earnings report, and
# how old (in days before the publication date) the reported period may be.
_AGO_WINDOW = 3
# The rule that names a period by its end date, and how far after it the date may start.
_PERIOD_ENDING = "date.period-ending"
_END_DATE_GAP = 24
_REPORTED_PERIOD_AGE = 400


def anchor_dates(doc: Document, mentions: list[Mention]) -> None:
    last: tuple[str, object, Mention] | None = None  # granularity, first day, mention
    first_quarter = None  # the first quarter named: the one an earnings report is about
    drop = []
    for m in mentions:  # in text order
        if m.kind != "date":
            continue
        hint = m.value.get("_anchor")
        if hint:
            resolved = _resolve(hint, _reported(hint, last, first_quarter), m, doc.published)
            if resolved is not None:
                m.value["timex"], gran = resolved
                m.value["granularity"] = "week" if gran == "weekend" else gran
                m.value.pop("_date", None)
            elif hint.get("required"):
                drop.append(m)
                continue
            if hint.get("mode") != "same":
                continue  # "a year earlier" twice in a row compares with the same date
        if last is not None and _ends(last[2], m):
            continue  # "the quarter ended Sept. 30": the quarter stays the anchor, not its end
        period = timex.read(m.value.get("timex", ""))
        if period is not None:
            last = (period[0], period[1], m)
            if first_quarter is None and period[0] == "quarter":
                first_quarter = last
    if drop:
        mentions[:] = [m for m in mentions if m not in drop]


def _reported(hint: dict, last, first_quarter):
    """The anchor of a comparison with the reported period ("the year-ago quarter", "the
    1988 period"): an earnings report names its quarter first, and the quarters it names
    later are often other comparisons ("despite a weak second quarter"), so the first
    quarter named; for every other date, the last date named."""
    want = hint.get("want") or ()
    if first_quarter is not None and "quarter" in want and (
            hint.get("reported") or hint.get("mode") == "in_year"):
        return first_quarter
    return last


def _ends(period: Mention, m: Mention) -> bool:
    """Whether `m` is the end date that names `period` ("the quarter ended Sept. 30")."""
    return period.rule == _PERIOD_ENDING and 0 <= m.start - period.end <= _END_DATE_GAP


def _time_of_day(value: str) -> str:
    """"T20:00" or "TNI" of a date-time value, else ""."""
    return value[10:] if len(value) > 10 and value[10] == "T" else ""


def _resolve(hint: dict, last, m: Mention, reference) -> tuple[str, str] | None:
    if last is None:
        return None
    gran, start, anchor = last
    unit = hint.get("unit")
    want = hint.get("want")
    if want and gran not in ([want] if isinstance(want, str) else want):
        return None
    near = (hint.get("near") or {}).get(gran)
    if near is not None and m.sentence - anchor.sentence > near:
        return None
    mode = hint.get("mode")
    if hint.get("reported"):
        # "year-ago", "a year ago": a year before the period the report is about, which
        # is recent; an older period is already the comparison ("the 1988 period")
        if reference is not None and not 0 <= (reference - start).days <= _REPORTED_PERIOD_AGE:
            return None
    if mode == "in_year":  # "the 1988 quarter": the reported quarter, in 1988
        return timex.write(gran, start.replace(year=hint["year"])), gran
    if mode == "weekday":  # "the previous Friday", "the following Monday"
        if hint["n"] > 0:
            day = start + dt.timedelta(days=(hint["weekday"] - start.weekday()) % 7 or 7)
        else:
            day = start - dt.timedelta(days=(start.weekday() - hint["weekday"]) % 7 or 7)
        return day.isoformat() + _time_of_day(m.value.get("timex", "")), "day"
    if mode == "ago":
        if gran not in ("quarter", "half") or m.sentence - anchor.sentence > _AGO_WINDOW:
            return None
        mode = "any"
    if unit is not None and _RANK[gran] > _RANK.get(unit, 5):
        return None  # "In 1992 ... two days later": 1992 cannot say which day
    if mode == "any":
        return timex.write(gran, timex.shift(start, unit, hint["n"])), gran
    if mode == "step":
        return timex.write(unit, timex.shift(start, unit, hint["n"])), unit
    if mode == "same":
        target = unit or gran
        return timex.write(target, start), target
    return None
