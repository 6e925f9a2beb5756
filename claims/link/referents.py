"""Who "he", "it" and "the company" can stand for: the people and organizations an article
names, in order, each with a guess at its sort.

    Jacob Helberg ... said.   -> person        (a given name: Jacob)
    Rodaba Noori ... Noori    -> person        (the surname is used alone elsewhere; an
                                               acronym is no surname: "New GM ... GM")
    Mr. Tedeschi              -> person        (a title)
    Singapore Airlines said   -> organization  (an organization word: Airlines)
    the IEA, KCNA             -> organization  (an acronym)
    Airbus announced          -> organization  (a single name that is no one's surname)
    Best Buy, Apple Computer  -> organization  (several words, neither of the above)
    New York, U.S., China     -> place         (place and country lexicons)

Only names that act -- a named source or speaker, or a name followed by a verb somewhere
in the article -- become referents of "it" and "the company"; a lone capitalized word
that only opens a sentence ("Sales rose") is none. The guesses are cheap and sometimes
wrong; they only decide which earlier name a pronoun may stand for.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import regex

from claims.rulebook.lexicon import lowered_entries as keys

# A period stays with an initial, a dotted acronym or an abbreviation, never with the
# last word of a sentence.
_WORD = (r"(?:(?:\p{Lu}\.){2,}|\p{Lu}\.|(?:Inc|Corp|Co|Ltd|Jr|Sr|Mr|Mrs|Ms|Dr|St|Gen|Sen|Gov)\."
         r"|\p{Lu}[\p{L}\p{M}'\u2019&-]*(?![\p{N}]))")  # "A320" is no name word
_NAME = regex.compile(
    r"(?<![\p{L}\p{N}])" + _WORD +
    r"(?:[ \t]+(?:(?:of|de|van|von|al|bin|da|del|la|le|the|for)[ \t]+)?" + _WORD + r"){0,5}"
)
# A name that acts: followed by a verb ("Airbus announced", "Boeing has unveiled").
_ACTS = regex.compile(
    r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:,[^,\n]{1,80},[ \t]*)?(?:has|have|had|is|was|were|"
    r"will|would|said|says|also|(?-i:[a-z]+(?:ed|es|s)))\b"
)
# Where a sentence opens: the start, a line break, end punctuation or an opening quote.
_OPENS = regex.compile(r"(?:^|[\n.!?:\"\u201c\u2018][ \t]*)$")
_ROLE_BEFORE = regex.compile(r"\b(\p{Ll}+)[ \t]+$")
_PLACE_BEFORE = regex.compile(r"\b(?:in|at|from|near|across|throughout|outside)[ \t]+(?:the[ \t]+)?$")


# Capitalized words that occur after a lower-case word, a digit or a comma: inside a
# sentence, so not capitalized just for opening one.
_MID = regex.compile(r"(?<=[\p{Ll}\d,;][ \t]+)\p{Lu}[\p{L}\p{M}'\u2019&-]*")

class _Spans:
    """Whether an offset falls in any of a set of spans (quotations), in log time: a long
    article has thousands of names and hundreds of quotations."""

    def __init__(self, spans):
        self.starts: list[int] = []
        self.ends: list[int] = []  # the furthest end reached by the spans up to each start
        reach = -1
        for s, e in sorted(spans):
            reach = max(reach, e)
            self.starts.append(s)
            self.ends.append(reach)

    def holds(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]


@dataclass(frozen=True, slots=True)
class Referent:
    name: str
    start: int
    end: int
    sort: str  # person | organization | place


def _strip_possessive(name: str) -> str:
    if name[-1:] not in ("s", "'", "\u2019"):
        return name  # the common case, and called for every name of the article
    for tail in ("'s", "\u2019s"):
        if name.endswith(tail):
            return name[: -len(tail)]
    return name.rstrip("'\u2019")


class Referents:
    """Named people and organizations of one article, found once, looked up by offset."""

    def __init__(self, text: str, lexicons, named: list[tuple[str, int, int]],
                 quoted: list[tuple[int, int]] = ()):
        self.lexicons = lexicons
        self.text = text
        self.lex = {name: keys(lexicons[name]) for name in (
            "sentence-starters", "person-titles", "months", "weekdays", "country-names",
            "place-names", "organization-words", "given-names")}
        self._mid: set[str] | None = None  # made on first need: few names ask
        self._names: dict[str, tuple | None] = {}
        inside = _Spans(quoted)
        matches = [m for m in _NAME.finditer(text) if not inside.holds(m.start())]
        names = [_strip_possessive(m.group()) for m in matches]
        # Words used as a whole name on their own somewhere: "Noori" makes "Rodaba Noori"
        # a person; a name that acts somewhere counts at each of its mentions.
        self.alone = {name for m, name in zip(matches, names) if " " not in m.group()}
        acting = {name for name, _, _ in named}
        for m, name in zip(matches, names):
            if name not in acting and _ACTS.match(text, m.end()):
                acting.add(name)
        found: dict[int, Referent] = {}
        for name, start, end in named:  # sources and speakers the rules found
            r = self._referent(name, start, end, acts=True, source=True)
            if r:
                found[start] = r
        for m, name in zip(matches, names):  # a name inside a quotation is not a speaker's antecedent
            start = m.start()
            if start in found:
                continue
            r = self._referent(name, start, m.end(), acts=name in acting)
            if r:
                found[start] = r
        self.items = sorted(found.values(), key=lambda r: r.start)
        self._starts = [r.start for r in self.items]
        self.surnames = {r.name.split()[-1] for r in self.items
                         if r.sort == "person" and " " in r.name}
        self.items = [self._resort(r) for r in self.items]

    def _referent(self, name: str, start: int, end: int, acts: bool,
                  source: bool = False) -> Referent | None:
        named = self._named(name)
        if named is None:
            return None
        name, words, sort = named
        if sort == "place":
            return Referent(name, start, end, "place")
        lex = self.lex
        if not source and sort != "person" and _PLACE_BEFORE.search(self.text, max(0, start - 20), start):
            return Referent(name, start, end, "place")
        if sort == "organization" and len(words) > 1 and not self._org_word(words):
            role = _ROLE_BEFORE.search(self.text, max(0, start - 30), start)
            if role and role.group(1) in lex["person-titles"]:
                sort = "person"  # "spokeswoman Sujata Raisinghani"
        if sort == "organization" and len(words) == 1 and not name.isupper():
            if not acts:
                return None  # a lone capitalized word that does nothing is no referent
            if (not source and _OPENS.search(self.text, max(0, start - 3), start)
                    and not self._named_mid_sentence(name)):
                return None  # "Sales rose": capitalized only because it opens a sentence
        return Referent(name, start, end, sort)

    def _named(self, written: str) -> tuple[str, list[str], str] | None:
        """What a name says wherever it stands: (the name without leading sentence
        starters, its words, its sort from the lexicons alone: "place" for a country or
        place name); None for no name (a month, a weekday). Kept per name as written: an
        article names the same people and places again and again."""
        got = self._names.get(written, False)
        if got is not False:
            return got
        name = _strip_possessive(" ".join(written.split()).strip(" ,"))
        words = name.split()
        lex = self.lex
        starters, titles = lex["sentence-starters"], lex["person-titles"]
        while words and words[0].lower() in starters and words[0].lower() not in titles:
            words.pop(0)
        got = None
        if words:
            name = " ".join(words)
            low = name.lower()
            if low in lex["months"] or low in lex["weekdays"]:
                got = None
            elif low in lex["country-names"] or low in lex["place-names"]:
                got = (name, words, "place")
            else:
                got = (name, words, self.sort_of(words))
        self._names[written] = got
        return got

    def _named_mid_sentence(self, word: str) -> bool:
        if self._mid is None:
            self._mid = {_strip_possessive(m.group()) for m in _MID.finditer(self.text)}
        return word in self._mid

    def _org_word(self, words: list[str]) -> bool:
        return any(w.lower() in self.lex["organization-words"] for w in words)

    def sort_of(self, words: list[str]) -> str:
        lex = self.lex
        lowered = [w.lower() for w in words]
        if any(w in lex["organization-words"] for w in lowered):
            return "organization"
        if any(w in lex["person-titles"] for w in lowered):
            return "person"
        if all(w.replace(".", "").isupper() for w in words):
            return "organization"
        if len(words) == 1:
            return "organization"
        if lowered[0] in lex["given-names"] or (
                words[-1] in self.alone and not words[-1].replace(".", "").isupper()):
            return "person"  # "Rodaba Noori" when "Noori" stands alone; not "New GM"
        return "organization"

    def _resort(self, r: Referent) -> Referent:
        if r.sort == "organization" and " " not in r.name and r.name in self.surnames:
            return Referent(r.name, r.start, r.end, "person")
        return r

    def within(self, start: int, end: int) -> list[Referent]:
        """The referents that start in [start, end), in order."""
        return self.items[bisect_left(self._starts, start) : bisect_left(self._starts, end)]

    def before(self, offset: int, sort: str, sentence_start=None) -> Referent | None:
        """The referent of a fitting sort a pronoun at `offset` stands for: in the nearest
        sentence before it that names one, the first such name -- the subject, usually
        ("Harry Kane won the Man of the Match award. He said"). `sentence_start(offset)`
        gives where the sentence holding an offset begins."""
        i = bisect_left(self._starts, offset) - 1
        while i >= 0:
            r = self.items[i]
            if r.end <= offset and self._fits(r, sort):
                break
            i -= 1
        else:
            return None
        if sentence_start is None:
            return r
        opening = sentence_start(r.start)
        first = r
        j = i - 1
        while j >= 0 and self.items[j].start >= opening:
            if self._fits(self.items[j], sort):
                first = self.items[j]
            j -= 1
        return first

    @staticmethod
    def _fits(r: Referent, sort: str) -> bool:
        return r.sort != "place" and (sort == "any" or r.sort == sort)
