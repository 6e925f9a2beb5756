"""Is a bare number a figure, or part of a name, a code, a time or a score?

Patterns can see only a few characters around a number; the judgement of whether "787" in
"the 787" counts anything needs the words before it and, sometimes, the rest of the article
("Boeing 787" two paragraphs earlier). The `figure` normalizer reads a bare number like
`number` does and rejects it when it names something instead of counting:

* a designation: after a word from the `designators` lexicon ("Flight 447", "Chapter 11",
  "No. 2", "version 10.4") or after a capitalized name ("Boeing 787", "FTSE 100", "iPhone
  4", "Nikkei 225") -- unless it has a thousands separator or a scale word, which names
  never have ("Airbus Cuts 10,000 Jobs");
* the same plain number used as a designation elsewhere in the article: "Boeing 787" makes
  "the 787" a model, for numbers of three or four digits that are not round;
* a capitalized number word in mid-sentence: "the Big Three", "Ford Five Hundred";
* a piece of a longer token: a clock time or date ("16:08", "7/8/07"), a score or phone
  number ("3-1", "555-0123"), a number glued to letters ("787s", "3G", "150px"), a year
  written "'82", a leading zero ("0800"), a signed offset ("GMT +8"), a URL or an email;
* a number right after a currency symbol or "#": that is money or a rank, claimed by
  other rules.

Only rules for bare figures use it (`number.value`, counts); money, percentages and
quantities carry their own evidence that they are figures.

    >>> from claims.rulebook import builtin_lexicons
    >>> designation_before("the new Boeing ", builtin_lexicons())
    'Boeing'
"""

from __future__ import annotations

from functools import lru_cache

import regex

from claims.normalize.numbers import amount_fields, number_range, parse_amount
from claims.normalize.registry import NormContext, Reject, normalizer
from claims.rulebook.lexicon import lowered_entries

_WORD_BEFORE = regex.compile(r"([\p{L}][\p{L}\p{N}&'\u2019.-]*)[ \t]+$")
_PLAIN = regex.compile(r"^\d+(?:\.\d+)?$")  # no separator, no scale: could be a name
_GLUED_BEFORE = regex.compile(
    r"(?:\d[ \t]*[-\u2013\u2014:/][ \t]*|\d[ \t.]\d+[ \t]+|\)[ \t]*|[+#\p{Sc}][ \t]?|(?:^|\s)['\u2019])$"
)
_GLUED_AFTER = regex.compile(r"^(?:[ \t]*[-\u2013\u2014:/][ \t]*\d|[ \t]+\d+[ \t.-]\d|\)[ \t]*\d|[\p{L}])")
_URL_TOKEN = regex.compile(r"://|www\.|@|\.(?:com|org|net|gov|edu|co|uk|html?)\b", regex.I)
_DESIGNATED = regex.compile(
    r"(?:(?-i:\b\p{Lu}[\p{L}\p{N}&'\u2019-]*|\b\p{Ll}+\p{Lu}[\p{L}]*)[ \t]+(\d{3,4})\b(?![,.]\d)"
    r"|(?<![\w.,])(\d{3,4})(?:s\b|-\d|[A-Z]))"
)
# "218 Harbor Ave.": a house number.
_STREET_AFTER = regex.compile(
    r"^[ \t]+(?:\p{Lu}[\p{L}'\u2019.-]*[ \t]+){1,3}"
    r"(?:Ave|Avenue|Street|St|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Place|Pl|Square|Sq|Terrace|Court|Ct)\b"
)
_SENTENCE_OPENING = regex.compile(r"(?:^|[.!?:;\"\u201c\u2018(\n\u2013\u2014])[ \t]*$")

# Capitalized words that open sentences or clauses and are no names ("Some 400", "Of 300").
_FUNCTION_WORDS = frozenset(
    "of with for by to from at in on as than about after before since until into over under "
    "and or but nor so yet if when while because although though all every each another "
    "only just nearly almost around roughly some many most these those the a an its their "
    "his her our my your this that there here then now also even still up down out off "
    "per via between among against across during within without toward towards".split()
)


def designation_before(before: str, lexicons) -> str | None:
    """The word before a number if it makes the number a name, else None."""
    m = _WORD_BEFORE.search(before)
    if not m:
        return None
    word = m.group(1)
    key = word.lower()
    bare = key.rstrip(".")
    designators = lowered_entries(lexicons["designators"])
    if key in designators or bare in designators:
        return word
    if not any(ch.isupper() for ch in word):
        return None
    if bare in _FUNCTION_WORDS or bare in lowered_entries(lexicons["sentence-starters"]):
        return None
    for name in ("qualifiers", "months", "weekdays"):
        if bare in lowered_entries(lexicons[name]):
            return None
    if key.split("-")[0] in lowered_entries(lexicons["qualifiers"]):
        return None
    return word


def _has_scale(text: str, lexicons) -> bool:
    return any(lexicons["scales"].get(w) is not None for w in text.lower().split())


@lru_cache(maxsize=16)
def designated_numbers(text: str) -> frozenset[str]:
    """Plain three- and four-digit numbers the article uses as names somewhere: after a
    capitalized word ("Boeing 787"), with a plural or letter suffix ("737s", "3GS") or as
    a variant ("737-800"). Round numbers are left out: "FTSE 100" says nothing about "100
    people"."""
    out = set()
    for m in _DESIGNATED.finditer(text):
        n = m.group(1) or m.group(2)
        if int(n) % 10:
            out.add(n)
    return frozenset(out)


def reject_if_not_a_figure(ctx: NormContext, text: str, span: tuple[int, int]) -> None:
    start, end = span
    full = ctx.text
    before = full[max(0, start - 60) : start]
    after = full[end : end + 12]
    stripped = text.strip()
    if not stripped:
        raise Reject("empty")
    if stripped[0].isdigit():
        if len(stripped) > 1 and stripped[0] == "0" and stripped[1].isdigit():
            raise Reject("a leading zero: a time or a code")
        if _GLUED_BEFORE.search(before) or _GLUED_AFTER.match(after):
            raise Reject("part of a time, date, score, code or amount")
        token_start = max(full.rfind(" ", 0, start), full.rfind("\n", 0, start)) + 1
        token_end = min((i for i in (full.find(" ", end), full.find("\n", end)) if i >= 0),
                        default=len(full))
        if _URL_TOKEN.search(full, token_start, token_end):
            raise Reject("part of a URL or an email address")
        if _STREET_AFTER.match(full[end : end + 60]):
            raise Reject("a house number")
        if _PLAIN.match(stripped):
            word = designation_before(before, ctx.lexicons)
            if word:
                raise Reject(f"a designation: {word} {stripped}")
            if stripped.isdigit() and 3 <= len(stripped) <= 4 and stripped in designated_numbers(full):
                raise Reject(f"{stripped} names something elsewhere in the article")
    elif stripped[0].isupper() and not _SENTENCE_OPENING.search(before):
        raise Reject(f"a capitalized number word in mid-sentence is a name: {stripped}")
    elif not _has_scale(stripped, ctx.lexicons):
        # Spelled out, only an acronym or a designator makes it a name ("TWA eight
        # hundred", "chapter eleven"); "Yesterday three people" is a figure.
        word = designation_before(before, ctx.lexicons)
        if word and ((word.isupper() and len(word) > 1)
                     or word.lower().rstrip(".") in lowered_entries(ctx.lexicons["designators"])):
            raise Reject(f"a designation: {word} {stripped}")


@normalizer("figure")
def figure(ctx: NormContext, text: str) -> dict:
    """A bare number that counts something: "300", "twenty-three", "1.5 million". Rejects
    names, codes, times and scores ("Boeing 787", "Chapter 11", "16:08", "3-1")."""
    reject_if_not_a_figure(ctx, text, ctx.spans["text"])
    fields = amount_fields(parse_amount(text, ctx.lexicons))
    return {**fields, "_number_text": " ".join(text.split())}


@normalizer("figure_or_range")
def figure_or_range(ctx: NormContext, text: str, high: str | None = None) -> dict:
    """A bare figure ("300 jobs"), or the low end of a range whose high end follows
    ("200-250 seats", "between 25,000 and 30,000 positions")."""
    if high:
        return number_range(ctx, text, high)
    return figure(ctx, text)
