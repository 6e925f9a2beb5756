"""Rewriting one number in a text the way a reporter's slip would: in place, in the same
style ("eight" -> "nine", "1,234.5" -> "1,851.8", "$2.4bn" -> "$3.6bn")."""

from __future__ import annotations

import regex

_NUMBER = regex.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")
WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen", "twenty"]
_WORD = regex.compile(r"\b(?:" + "|".join(sorted(WORDS, key=len, reverse=True)) + r")\b", regex.I)


def find_number(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """The first number written in text[start:end], as digits or a small number word."""
    m = _NUMBER.search(text, start, end)
    w = _WORD.search(text, start, end)
    if m and (not w or m.start() <= w.start()):
        return m.start(), m.end(), "digits"
    if w:
        return w.start(), w.end(), "word"
    return None


def value_of(token: str, style: str) -> float:
    if style == "word":
        return float(WORDS.index(token.lower()))
    return float(token.replace(",", ""))


def write_like(x: float, token: str, style: str) -> str | None:
    """x written like `token`: the same decimals, thousands commas, word or capital."""
    if style == "word":
        n = int(round(x))
        if not 0 <= n < len(WORDS) or n != x:
            return None
        word = WORDS[n]
        return word.capitalize() if token[:1].isupper() else word
    decimals = len(token.split(".")[1]) if "." in token else 0
    if decimals == 0 and x != int(round(x)):
        x = round(x)
    body = f"{x:,.{decimals}f}" if "," in token else f"{x:.{decimals}f}"
    return body


def replace(text: str, start: int, end: int, new: str) -> tuple[str, tuple[int, int]]:
    """text with [start, end) replaced by `new`, and the span of `new` in the result."""
    return text[:start] + new + text[end:], (start, start + len(new))
