"""What a figure measures: its frame. Two figures are "the same measure of the same subject"
only when their frames match; two percentages about two different things never conflict.

    China is home to more than 90 per cent of global rare earths refining capacity
    -> Frame(kind=percent, unit=percent, role=level, subject="china",
             measure="global rare earths refining capacity", head="capacity")

    Ford Motor Company cutting 30,000 jobs by 2012
    -> Frame(kind=count, noun="job", role=change?, subject="ford motor", head="job")

* role: "change" when a change word stands beside the figure ("rose 12%", "a 45% drop",
  "down 11%"), else "level".
* head: the noun the figure measures: a count's noun, the noun right after the figure
  ("a 25 percent share", "a $25,000 vehicle voucher"), else the head of its "of" phrase.
* subject: the linked subject as an entity key ("General Motors Corp.'s" -> "general motors"),
  or None when the "subject" is a common word that opens a sentence ("Sales", "Previously").
* period: the dates and period words of its sentence ("third quarter", "nine months").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import regex

from claims.mention import Mention
from claims.text.document import Document

_WORDS_BEFORE = regex.compile(r"(?r)(?:[\p{L}'\u2019-]+[ \t]+){0,3}$")
_WORD = regex.compile(r"[\p{L}][\p{L}'\u2019-]*")
# "$1.65 a share", "$0.67 per share", "a $42-a-share offer"
_PER = regex.compile(r"(?:[ \t]+|-)(?:per|a|an)(?:[ \t]+|-)([a-z]+)\b")
# "a 45% drop in United States vehicle sales"
_CHANGE_IN = regex.compile(
    r"[ \t]+(?P<change>[a-z]+)[ \t]+(?:in|of)[ \t]+(?:[\p{L}-]+[ \t]+){0,3}?(?P<noun>[a-z]+s)\b")
# "automobile sales plunge by 45%", "sales rose 12%"
_CHANGED_NOUN = regex.compile(
    r"(?r)\b(?P<noun>[A-Za-z][a-z]+)[ \t]+(?P<verb>[a-z]+)(?:[ \t]+(?:by|of))?[ \t]+"
    r"(?:(?:more|less)[ \t]+than[ \t]+|nearly[ \t]+|almost[ \t]+|about[ \t]+)?$")
_WORDS_AFTER = regex.compile(r"(?:[ \t-]+[a-z][a-z-]*\b){1,2}")
_CORPORATE = frozenset({
    "inc", "corp", "corporation", "co", "company", "ltd", "plc", "group", "llc", "ag", "sa",
    "nv", "n.v", "holdings", "the",
})
_FUNCTION = frozenset({
    "the", "a", "an", "of", "in", "on", "at", "for", "to", "from", "by", "with", "and", "or",
    "its", "their", "his", "her", "this", "that", "these", "those", "all", "some", "per",
    "each", "than", "as", "is", "was", "be", "been", "are", "were", "which", "who",
    "before", "after", "since", "until", "over", "under", "into", "about", "although", "while",
    "because", "but", "if", "when", "where", "apiece", "respectively", "more", "less", "not",
    "it", "he", "she", "they", "we", "will", "would", "has", "had", "have", "said", "says",
    "a", "cent", "percent", "up", "down", "higher", "lower", "so", "yet", "also", "then",
    "there", "here", "just", "only", "still", "even", "now", "than", "being", "make", "made",
    "last", "next", "this", "year", "years", "month", "months", "week", "weeks", "day", "days",
    "overall", "annually", "him", "her", "them", "through", "worth", "each", "apiece", "said",
    "say", "says", "per", "cents", "previously", "yesterday", "today",
})


@dataclass(eq=False)
class Frame:
    kind: str
    unit: str | None
    role: str  # change | level
    head: str | None
    measure: str | None
    subject: str | None
    headline: bool
    place: str | None  # "13,000 jobs in North America"
    modifiers: tuple[str, ...]  # "production" in "9,000 production jobs"
    doc: Document = field(repr=False)
    mention: Mention = field(repr=False)
    periods: Periods = field(repr=False)
    past_words: frozenset[str] = field(repr=False)

    # The costliest parts, made only when a comparison gets that far: a figure alone of
    # its measure is never asked its period.
    @cached_property
    def period(self) -> frozenset[str]:
        """The dates and period words of its sentence."""
        return self.periods.get(self.mention.sentence, frozenset())

    @cached_property
    def past(self) -> bool:
        """A comparison figure: "a year earlier", "last year's"."""
        return bool(self.period & self.past_words)

    @cached_property
    def verb(self) -> str | None:
        """The content word before the figure: "cut" in "will cut 30,000 jobs"."""
        return _word_before(self.doc.text, self.mention.start)

    @cached_property
    def context(self) -> frozenset[str]:
        """Content words around the figure, in its sentence."""
        return _context(self.doc, self.mention)

    @cached_property
    def sentence_words(self) -> frozenset[str]:
        """Content words of its whole sentence, stemmed as `context` is."""
        s = self.doc.sentences[self.mention.sentence]
        return _content_stems(w.lower() for w in _TOKEN.findall(self.doc.text, s.start, s.end))


def frame_of(doc: Document, m: Mention, lexicons, common, periods,
             past: frozenset[str] = frozenset()) -> Frame:
    """`common`: words the article writes in lower case (CommonWords); `periods`: Periods."""
    v = m.value
    text = doc.text
    unit = v.get("unit") or v.get("currency")
    role = _role(doc, m, lexicons)
    head = _head(doc, m, lexicons)
    measure = _measure_key(m.measure) if m.measure and m.kind != "count" else None
    return Frame(
        kind=m.kind, unit=unit, role=role, head=head, measure=measure,
        subject=entity_key(m.subject, common),
        headline=is_headline(doc, m.sentence),
        place=entity_key(v.get("_place"), frozenset()),
        modifiers=_modifiers(doc, m),
        doc=doc,
        mention=m,
        periods=periods,
        past_words=past,
    )


_TOKEN = regex.compile(r"[\p{L}][\p{L}'\u2019-]*|\d[\d,.]*")


def _modifiers(doc: Document, m: Mention) -> tuple[str, ...]:
    """The words of a count's noun phrase besides its noun: "9,000 production jobs" ->
    ("production",). A count of production jobs is part of a count of jobs, not a restatement."""
    if m.kind != "count":
        return ()
    number = (m.value.get("_number_text") or "").lower()
    words = [w.lower() for w in _TOKEN.findall(doc.text[m.start : m.end])]
    skip = set(_TOKEN.findall(number)) | set(_QUALIFYING) | {"more", "than", "less", "fewer",
                                                             "about", "up", "to", "as", "many"}
    noun = (m.value.get("noun") or "").lower().split()
    return tuple(lemma(w) for w in words if w not in skip and w not in noun and not w[0].isdigit())


def _context(doc: Document, m: Mention, before: int = 8, after: int = 4) -> frozenset[str]:
    """Content words near a figure in its sentence: "a deal worth US$7.2 bn" -> {deal, worth}."""
    sent = doc.sentences[m.sentence]
    left = [w.lower() for w in _TOKEN.findall(doc.text, sent.start, m.start)][-before:]
    aside = _ASIDE.match(doc.text, m.end, sent.end)  # "AU$52.5 million (US$40.4 million) ..."
    right = [w.lower() for w in _TOKEN.findall(doc.text, aside.end() if aside else m.end,
                                               sent.end)][:after]
    return _content_stems(left + right, keep=_CONTEXT_WORDS)


# Words too weak to be a figure's measured thing but telling as its context ("worth $15bn").
_CONTEXT_WORDS = frozenset({"worth", "per", "each", "annually", "overall"})


def _content_stems(words, keep: frozenset[str] = frozenset()) -> frozenset[str]:
    """The stems of lower-cased words that carry content: no function word (unless kept),
    number, scale word or word of two letters."""
    return frozenset(stem(w) for w in words
                     if (w not in _FUNCTION or w in keep) and not w[0].isdigit()
                     and w not in _SCALES and len(w) > 2)


def stem(word: str) -> str:
    """A crude stem, the same for both sides: "cutting" and "cut", "defeated" and "defeat"."""
    w = lemma(word)
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            if len(w) > 3 and w[-1] == w[-2]:
                w = w[:-1]
            break
    return w


_ASIDE = regex.compile(r"\s*\([^()]{0,40}\)")
_SCALES = frozenset({"bn", "billion", "million", "mln", "m", "trillion", "thousand", "usd"})


def _words_after(text: str, end: int) -> list[str]:
    """The lower-case words right after a figure, up to the first function word:
    "a 25 percent share in" -> ["share"], "a $25,000 vehicle voucher" -> ["vehicle", "voucher"]."""
    hit = _WORDS_AFTER.match(text, end, min(len(text), end + 40))
    out = []
    for w in (hit.group().replace("-", " ").split() if hit else ()):
        if w in _FUNCTION:
            break
        out.append(w)
    return out


def _word_before(text: str, start: int) -> str | None:
    """The content word that governs a figure: "will cut 30,000 jobs" -> "cut"."""
    before = _WORDS_BEFORE.search(text, max(0, start - 40), start)
    for w in reversed(before.group().split() if before else ()):
        w = w.lower()
        if w not in _FUNCTION and w not in _QUALIFYING:
            return lemma(w)
    return None


_QUALIFYING = frozenset({"nearly", "almost", "around", "approximately", "roughly", "some",
                         "just", "only", "least", "most", "than", "estimated", "over"})


def _role(doc: Document, m: Mention, lexicons) -> str:
    """A percentage beside a change word is a change ("rose 12%", "a 45% drop"); an amount
    is one only after "by" ("rose by $5 million"): "lost $6 billion" is a loss, an amount."""
    changes = lexicons.get("change-verbs")
    if changes is None:
        return "level"
    text = doc.text
    before = _WORDS_BEFORE.search(text, max(0, m.start - 40), m.start)
    words = before.group().split() if before else []
    if words and words[-1].lower() == "by" and any(w.lower() in changes for w in words):
        return "change"
    if m.kind != "percent":
        return "level"
    if any(w.lower() in changes for w in words if w.lower() not in ("up", "down")) or (
            words and words[-1].lower() in ("up", "down")):
        return "change"
    after = _words_after(text, m.end)
    if after and after[0] in changes:
        return "change"
    return "level"


def _head(doc: Document, m: Mention, lexicons) -> str | None:
    """The measured noun: a count's noun; "per share" for a rate ("$0.67 per share", "$1.65
    a share"); the noun after the figure; the noun a change is of ("sales plunge by 45%",
    "a 45% drop in vehicle sales"); the head of the "of" phrase; the noun the figure is
    "of" ("Orion's share of 12%", "a turnout rate of 61%")."""
    text = doc.text
    if m.kind == "count":
        return lemma(m.value.get("noun", "").split()[-1]) if m.value.get("noun") else None
    per = _PER.match(text, m.end)
    if per:
        return "per " + lemma(per.group(1))
    changes = lexicons.get("change-verbs")
    after = [w for w in _words_after(text, m.end) if w not in _SCALES]
    if after and (changes is None or after[-1] not in changes):
        return lemma(after[-1])
    if changes is not None:
        of_change = _CHANGE_IN.match(text, m.end)
        if of_change and of_change.group("change").lower() in changes:
            return lemma(of_change.group("noun"))
        before = _CHANGED_NOUN.search(text, max(0, m.start - 60), m.start) \
            if m.kind == "percent" else None
        if before and before.group("verb").lower() in changes:
            return lemma(before.group("noun"))
    if m.measure:
        words = [w for w in _WORD.findall(m.measure.lower()) if w not in _FUNCTION]
        if words:
            return lemma(words[-1])
    named = _NOUN_OF.search(text, max(0, m.start - 40), m.start)
    if named and named.group("noun").lower() not in _FUNCTION:
        return lemma(named.group("noun"))
    # "a 9% drop" names no thing that dropped: the change noun is all it measures, as in
    # "a drop of 9%" (the "of" phrase above).
    if m.kind == "percent" and len(after) == 1 and changes is not None and after[0] in changes:
        return lemma(after[0])
    return None


# "Orion's share of [12%]", "a turnout rate of [61%]": the noun the figure is the value of.
_NOUN_OF = regex.compile(r"(?r)\b(?P<noun>[a-z][a-z-]+)[ \t]+of[ \t]+(?:(?:about|nearly|almost|"
                         r"around|some|roughly|approximately|just|only)[ \t]+)?$")


def _measure_key(measure: str) -> str | None:
    words = [w for w in _WORD.findall(measure.lower()) if w not in _FUNCTION]
    return " ".join(lemma(w) for w in words) or None


def lemma(word: str) -> str:
    """Plural to singular, crudely but the same way for both sides: "jobs" -> "job"."""
    w = word.lower()
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def entity_key(subject: str | None, common=frozenset()) -> str | None:
    """"General Motors Corp.'s" -> "general motors"; "Sales" (a common word opening a
    sentence) -> None."""
    if not subject:
        return None
    subject = _POSSESSIVE.sub("", subject.strip())  # "General Motors Corp.'s"
    words = [w for w in _WORD.findall(subject)]
    for i, w in enumerate(words):  # "Orion's North American" (workforce) is Orion's
        if w.lower().endswith(("'s", "\u2019s")):
            words = words[:i] + [w[:-2]]
            break
    words = [w for w in words if w.lower().rstrip(".") not in _CORPORATE]
    if not words:
        return None
    if len(words) == 1 and (words[0].lower() in common or words[0].lower() in _CALENDAR):
        return None
    return " ".join(w.lower() for w in words)


_POSSESSIVE = regex.compile(r"['\u2019]s?$")
_CALENDAR = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec",
})


def same_entity(a: str | None, b: str | None) -> bool:
    """"ford motor" ~ "ford"; "gm" ~ "general motors" (initials); "dow" ~ "dow jones"."""
    if a is None or b is None:
        return False
    if a == b:
        return True
    ta, tb = [lemma(w) for w in a.split()], [lemma(w) for w in b.split()]  # "Dreamliners"
    if ta == tb:
        return True
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if long_[: len(short)] == short:
        return True
    if len(short) == 1 and len(long_) > 1:
        initials = "".join(w[0] for w in long_)
        if short[0] == initials or short[0] == initials[: len(short[0])] and len(short[0]) >= 2:
            return True
    return False


def is_headline(doc: Document, index: int) -> bool:
    """The headline and standfirst: the opening paragraphs that are one short sentence
    each, with no full stop (news text often starts with them)."""
    s = doc.sentences[index]
    if s.paragraph > 1:
        return False
    for p in range(s.paragraph + 1):
        # The opening paragraphs are the first sentences: no need to scan the article.
        sents = [x for x in doc.sentences[: s.index + 3] if x.paragraph == p]
        if len(sents) != 1 or sents[0].end - sents[0].start > 200:
            return False
        # A headline has no full stop; a one-sentence lead paragraph has.
        if doc.text[sents[0].start : sents[0].end].rstrip().endswith("."):
            return False
    return True


_LETTERS = regex.compile(r"\p{L}+")


class CommonWords:
    """Words the article also writes in lower case: "Sales ..." opening a sentence is the
    common noun "sales", not a company. Looked up word by word, only when asked."""

    def __init__(self, text: str):
        self.text = text
        self._seen: dict[str, bool] = {}
        self._words: frozenset[str] | None = None
        # A few words are cheaper to find with str.find than by cutting the whole text into
        # words; but searching the text once per word asked made a long article quadratic,
        # so past the cost of one pass (in str.find characters) the text is cut once.
        self._budget = _FIND_SPEEDUP * len(text)

    def __contains__(self, word: str) -> bool:
        got = self._seen.get(word)
        if got is not None:
            return got
        if _LETTERS.fullmatch(word):
            if self._words is None and self._budget > 0:
                got = self._standalone(word)
            else:
                if self._words is None:
                    self._words = frozenset(_LETTERS.findall(self.text))
                got = word in self._words
        else:
            got = False
            text, n = self.text, len(word)
            i = text.find(word)
            while i >= 0 and not got:
                got = not (i and text[i - 1].isalpha()) and not (
                    i + n < len(text) and text[i + n].isalpha())
                i = text.find(word, i + 1)
        self._seen[word] = got
        return got

    def _standalone(self, word: str) -> bool:
        """Whether a word of letters stands in the text as a whole run of letters, as
        _LETTERS.findall would cut it; its cost is taken from the budget."""
        text, n = self.text, len(word)
        i = text.find(word)
        while i >= 0:
            self._budget -= _OCCURRENCE
            if not (i and _LETTERS.fullmatch(text[i - 1])) and not (
                    i + n < len(text) and _LETTERS.fullmatch(text[i + n])):
                self._budget -= i
                return True
            i = text.find(word, i + 1)
        self._budget -= len(text)
        return False


# str.find scans text about this many times faster than _LETTERS.findall cuts it (measured
# over the corpus: ~70x); an occurrence examined in Python costs about this many characters
# of str.find.
_FIND_SPEEDUP = 32
_OCCURRENCE = 512


class Periods:
    """Per sentence, the times it speaks of: date values and period words; computed for a
    sentence when a figure in it asks."""

    def __init__(self, doc: Document, mentions: list[Mention], lexicons):
        self.doc = doc
        self.dates: dict[int, set[str]] = {}
        for m in mentions:
            if m.kind in ("date", "duration"):
                self.dates.setdefault(m.sentence, set()).add(m.value.get("timex", ""))
        words = lexicons.get("period-words")
        self.pattern = _period_pattern(words) if words is not None else None
        self._cache: dict[int, frozenset[str]] = {}

    def get(self, index: int, default=frozenset()) -> frozenset[str]:
        got = self._cache.get(index)
        if got is None:
            found = set(self.dates.get(index, ()))
            if self.pattern is not None:
                s = self.doc.sentences[index]
                found.update(" ".join(h.group().lower().split())
                             for h in self.pattern.finditer(self.doc.text, s.start, s.end))
            got = self._cache[index] = frozenset(found)
        return got


def past_periods(lexicons) -> frozenset[str]:
    """The period words that mark a figure for comparison ("a year earlier" = past)."""
    words = lexicons.get("period-words")
    if words is None:
        return frozenset()
    return frozenset(e.text.lower() for e in words.entries if e.value == "past")


_PERIOD_CACHE: dict[int, regex.Pattern] = {}


def _period_pattern(lexicon) -> regex.Pattern:
    got = _PERIOD_CACHE.get(id(lexicon))
    if got is None:
        got = regex.compile(r"\b(?:" + lexicon.pattern() + r")\b", regex.I)
        _PERIOD_CACHE[id(lexicon)] = got  # one entry per lexicon: a handful in a process
    return got
