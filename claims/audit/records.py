"""One input record turned into an Article, or into the reason it cannot be one.

Every reader yields `Item`s: a record's id, plus either the Article to check or a
`RecordError` that becomes an error line in the output. A bad record never stops an audit.

    >>> fields = Fields()
    >>> item = to_item({"id": 7, "text": "Sales rose 5%.", "published": "2024-05-01T09:00Z"},
    ...                fields, fallback_id="a.jsonl:1")
    >>> item.id, str(item.article.published)
    ('7', '2024-05-01')
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from claims.errors import InputError
from claims.model.article import Article


class RecordError(InputError):
    """A record the audit cannot check; written to the output as an error line."""

    code = "A100"

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


# Stable codes, so a data team can count and grep error lines.
BAD_RECORD = "A101"    # a line that is not a JSON object
NO_TEXT = "A102"       # the text field is missing, empty or not a string
BAD_DATE = "A103"      # the date field is not a date
UNREADABLE = "A104"    # a file that cannot be opened or parsed at all
NO_HTML_TEXT = "A105"  # an HTML page with no article text in it
NOT_UTF8 = "A106"      # bytes that are not UTF-8


@dataclass(frozen=True)
class Fields:
    """Which field of a record holds what. `None` means the defaults below."""

    id: str | None = None
    text: str | None = None
    title: str | None = None
    date: str | None = None

    def candidates(self, what: str) -> tuple[str, ...]:
        chosen = getattr(self, what)
        return (chosen,) if chosen else DEFAULT_FIELDS[what]


DEFAULT_FIELDS = {
    "id": ("id",),
    "text": ("text",),
    "title": ("title",),
    "date": ("published", "date"),
}


@dataclass
class Item:
    id: str
    article: Article | None = None
    error: RecordError | None = None


def to_item(record: dict, fields: Fields, fallback_id: str, text_format: str = "text") -> Item:
    """Map one record (a JSON object, a CSV row, a Parquet row) to an Item."""
    raw_id = _first(record, fields.candidates("id"))
    rid = fallback_id if _missing(raw_id) else str(raw_id)
    try:
        text_field, text = _first_named(record, fields.candidates("text"))
        if _missing(text):
            raise RecordError(NO_TEXT, f"no text: the record has no field {_names(fields, 'text')}"
                              if text_field is None else f"the field {text_field!r} is empty")
        if not isinstance(text, str):
            raise RecordError(NO_TEXT, f"the field {text_field!r} is a {type(text).__name__}, "
                              "not a string")
        if not text.strip():
            raise RecordError(NO_TEXT, f"the field {text_field!r} is empty")
        title = _first(record, fields.candidates("title"))
        date_field, date = _first_named(record, fields.candidates("date"))
        article = Article(
            text=text, id=rid, format=text_format,
            title=None if _missing(title) else str(title),
            published=parse_date(date, date_field),
        )
    except RecordError as exc:
        return Item(rid, error=exc)
    except ValueError as exc:  # pydantic's ValidationError: a field the Article refuses
        return Item(rid, error=RecordError(BAD_RECORD, f"the record is not an article: {exc}"))
    return Item(rid, article=article)


def parse_date(value, field: str | None) -> dt.date | None:
    """'2024-05-01', '2024-05-01T09:00:00Z', a date or a datetime -> a date; empty -> None."""
    if _missing(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise RecordError(BAD_DATE, f"the field {field!r} is {value!r}, not a date (YYYY-MM-DD)")


def _first(record: dict, names: tuple[str, ...]):
    return _first_named(record, names)[1]


def _first_named(record: dict, names: tuple[str, ...]):
    for name in names:
        if name in record:
            return name, record[name]
    return None, None


def _missing(value) -> bool:
    # pandas-written CSV/Parquet use NaN for an empty cell.
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))


def _names(fields: Fields, what: str) -> str:
    return " or ".join(repr(n) for n in fields.candidates(what))
