"""Which body figure restates which: the evidence that two figures of one sort, in two
sentences of the body, are the same measure of the same thing, strong enough to hold when
their numbers differ (a slip changes the number, not the words around it).

Three cues, each a pattern of the text, never the two numbers themselves:

* **points back**: a determiner before the figure makes it a re-mention ("detained 23
  migrants ... The 23 migrants were ...", "reserves to $410 million ... the $410 million
  reserve", "bid $42 a share ... the $42-a-share price"). Its antecedent is an earlier
  figure of its sort that agrees with it, else the nearest earlier one its words describe:
  the same counted noun, the noun after the figure among the words around the other
  ("reserve"), both a rate "a share", or a change noun ("the 12% growth rate") for a
  change ("to grow by 12%").
* **same phrase**: the words right around the figure are repeated ("its holding in Vela
  Holdings to 40.5%" ... "its holding in Vela Holdings to 40.5%"): at least three words,
  two of them telling, next to the figure.
* **same measure**: one named owner and one measured noun ("Orion's 12% share" ...
  "Orion's share of 12%").
* **restated sentence**: two sentences that share one figure (the same sort and value) and
  each hold exactly one other figure of a second sort ("about 3 million voters ... a
  turnout rate of 61%" twice): the second pair is restated with the first.

Whatever the cue, nothing may tell the two apart: a change against a level, a comparison
figure ("a year earlier") against a current one, two places, two measured things, two
named subjects (for the last two cues), or two reporting periods in force. The period in
force is the last reporting period the article named ("For the six months, net was ...
Sales rose 6%" is six-month sales even though its sentence names no period): financial
reports repeat one template for the quarter and for the half or the nine months.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from claims.link.frames import Frame, lemma, same_entity, stem
from claims.mention import Mention
from claims.rulebook.lexicon import lowered_entries
from claims.text.document import Document

# Tokens of a figure's phrase: words, numbers (masked), currency and percent signs.
_TOKEN = regex.compile(r"[\p{L}][\p{L}'\u2019-]*|\d(?:[\d,.]*\d)?|[$%\u20ac\u00a3#]")
_STOP = (r"(?:that|which|who|it|they|of|in|on|at|for|to|from|by|with|and|or|is|was|are|were|"
         r"will|would|has|had|have|be|can|could|may|might|must|should|any|all|some|each|every|"
         r"no|the|a|an|this|these|those|its|their|his|her|more|most|less|than|as)")
# "the [$42]-a-share price", "the [$410 million] reserve", "the [12%] growth rate": the
# noun phrase after the figure, up to three words (its last is the noun).
_NOUN_AFTER = regex.compile(
    r"(?:-(?:a|per)-(?P<rate>[a-z]+))?[\"\u201d'\u2019]?[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?"
    r"(?P<noun>[a-z][a-z-]+(?:[ \t]+(?![a-z]+(?:ed|ing)\b)(?!" + _STOP + r"\b)[a-z][a-z-]+){0,2})")
# After a definite's noun: a relative clause, a participle or an "of" with a name make it
# identify its thing by itself.
_RESTRICTIVE = regex.compile(
    r"[ \t]+(?:(?:that|which|who|whom|whose|it|they|he|she|we|you)\b|of[ \t]+(?:the[ \t]+)?\p{Lu}"
    r"|[a-z]+(?:ed|ing)\b)")
_SPACE = regex.compile(r"\s+")
_ASIDE = regex.compile(r"\s*\(\s*")
# Words right around a figure that say nothing of what it measures.
_WEAK = frozenset({
    "the", "a", "an", "of", "in", "on", "at", "for", "to", "from", "by", "with", "and", "or",
    "its", "their", "his", "her", "this", "that", "these", "those", "is", "was", "be", "are",
    "were", "has", "had", "have", "it", "as", "than", "about", "some", "nearly", "almost",
    "more", "less", "over", "under", "up", "down", "around", "roughly", "approximately",
    "cents", "cent", "share", "per", "each", "million", "billion", "trillion", "#", "$", "%",
    "\u20ac", "\u00a3", "percent", "which", "who", "while", "compared", "said", "says",
    "rose", "fell", "rise", "fall", "rising", "falling", "up", "down", "also", "total",
    "net", "sales", "revenue", "income", "profit", "earnings", "loss", "year", "quarter",
    "period", "months", "month", "earlier", "ago", "last", "latest", "been", "being", "will",
    "would", "could", "should", "may", "might", "can", "do", "does", "did", "not", "so",
})


@dataclass(frozen=True, slots=True)
class Restatement:
    first: Mention
    second: Mention
    cue: str  # points back | same phrase | same measure | restated sentence


class Periods:
    """The reporting period in force at each sentence: the classes of the reporting-period
    words (lexicon `reporting-periods`: "third quarter" = Q3, "nine months" = 9M) of the
    last sentence, up to it, that names one. A comparison period ("In the year-earlier
    period", value `past`) holds for its own sentence only. Sentences are read on demand,
    up to the one asked: what is in force depends on none after it."""

    def __init__(self, doc: Document, lexicons):
        self.doc = doc
        lex = lexicons.get("reporting-periods")
        self.lexicon = lex
        self.pattern = _periods_pattern(lex) if lex is not None else None
        self._in_force: list[frozenset[str]] = []  # per sentence, for those read so far
        self._current: frozenset[str] = frozenset()  # the period named last so far

    def in_force(self, sentence: int) -> frozenset[str]:
        if self.pattern is None:
            return frozenset()
        text, sentences = self.doc.text, self.doc.sentences
        while len(self._in_force) <= sentence:
            s = sentences[len(self._in_force)]
            found = frozenset(self.lexicon.get(_SPACE.sub(" ", h.group())) or ""
                              for h in self.pattern.finditer(text, s.start, s.end))
            if found - {PAST}:
                self._current = found - {PAST}
            self._in_force.append(self._current | (found & {PAST}))
        return self._in_force[sentence]


PAST = "past"


def periods_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two periods in force agree when both or neither are comparison periods, and either is
    unknown or one of each may be the same period: "Q" (a quarter) fits "Q3"; "Q3" does not
    fit "9M"."""
    if (PAST in a) != (PAST in b):
        return False
    a, b = a - {PAST}, b - {PAST}
    if not a or not b:
        return True
    return any(x == y or x.startswith(y) or y.startswith(x) for x in a for y in b)


_WEAK_WORDS: dict[int, tuple[object, frozenset[str]]] = {}


def _weak_words(changes) -> frozenset[str]:
    """Words that tell nothing of what a figure measures: function words and change verbs
    ("lost 2.21%, or 410.5 points" is every index's template). Made once per lexicon, not
    once per article."""
    if changes is None:
        return _WEAK
    hit = _WEAK_WORDS.get(id(changes))
    if hit is None or hit[0] is not changes:
        hit = _WEAK_WORDS[id(changes)] = (changes, _WEAK | lowered_entries(changes))
    return hit[1]


_PERIODS: dict[int, regex.Pattern] = {}


def _periods_pattern(lexicon) -> regex.Pattern:
    got = _PERIODS.get(id(lexicon))
    if got is None:
        _PERIODS.clear()
        got = _PERIODS[id(lexicon)] = regex.compile(
            r"(?i)(?<![\p{L}-])(?:" + lexicon.pattern() + r")(?![\p{L}-])")
    return got


def phrase(doc: Document, m: Mention, width: int = 4) -> tuple[list[str], list[str]]:
    """The words of its sentence right before and right after a figure, lower case, numbers
    masked as "#": "its holding in Vela Holdings to [40.5%]" -> (["in", "vela", "holdings",
    "to"], [...]), four words a side at most."""
    s = doc.sentences[m.sentence]
    left = _TOKEN.findall(doc.text, max(s.start, m.start - 12 * width), m.start)[-width:]
    right = _TOKEN.findall(doc.text, m.end, min(s.end, m.end + 12 * width))[:width]
    return [_mask(w) for w in left], [_mask(w) for w in right]


def _mask(w: str) -> str:
    return "#" if w[0].isdigit() else w.lower()


def shared_phrase(a: tuple[list[str], list[str]], b: tuple[list[str], list[str]]) -> list[str]:
    """The words two phrases share next to their figures, on both sides."""
    (la, ra), (lb, rb) = a, b
    n = 0
    while n < min(len(la), len(lb)) and la[-1 - n] == lb[-1 - n]:
        n += 1
    k = 0
    while k < min(len(ra), len(rb)) and ra[k] == rb[k]:
        k += 1
    return la[len(la) - n:] + ra[:k]


def points_back(doc: Document, m: Mention) -> tuple[tuple[str, ...], bool] | None:
    """The words (lemmas) of what a re-mentioned figure is, when a determiner points back to
    it: "The [23 migrants]" -> ("migrant",), "the [$410 million] reserve" -> ("reserve",),
    "the [12%] growth rate" -> ("growth", "rate"), "the [$42]-a-share price" -> ("per
    share",); and whether the pointer is strong: a demonstrative or a word of re-mention
    ("at that 30% level", "the original $250 million"), not a bare "the". None when nothing
    points back: "said that 15% of ..." ("that" after a verb is a conjunction), and a "the"
    whose noun a restrictive phrase identifies by itself ("the $300 billion rescue plan
    approved for the banks", "the 12% it already holds", "the 3.9% return of the Westbrook
    index"): such definites mostly introduce a new thing (Vieira and Poesio 2000)."""
    text = doc.text
    s = doc.sentences[m.sentence]
    before = _BEFORE.search(text, max(s.start, m.start - 40), m.start)
    if not before:
        return None
    determiner = before.group("d").lower()
    if determiner == "that" and not _PREPOSITION.search(
            text, max(s.start, before.start() - 12), before.start()):
        return None
    strong = determiner != "the" or before.group("adj") is not None
    if m.kind == "count":
        noun = m.value.get("noun")
        end = m.end
        if not noun:
            return None
        noun = (lemma(noun.split()[-1]),)
    else:
        after = _NOUN_AFTER.match(text, m.end, min(s.end, m.end + 60))
        words = after.group("noun").lower().split() if after else []
        if after is not None and after.group("rate"):
            noun, end = ("per " + lemma(after.group("rate")),), after.end()
        elif words and words[0] not in _NOT_NOUNS:
            noun, end = tuple(lemma(w) for w in words), after.end()
        elif strong:  # "the original $250 million, ..."
            noun, end = (), m.end
        else:
            return None
    if not strong and _RESTRICTIVE.match(text, end, min(s.end, end + 40)):
        return None
    return noun, strong


# "the [$410 million] reserve", "this [9,000 jobs]", "the original [$250 million]":
# a determiner, at most one adjective of re-mention, then the figure.
_BEFORE = regex.compile(
    r"(?ri)\b(?P<d>the|this|that|these|those)\s+(?:(?P<adj>original|same|initial|"
    r"proposed|planned|announced|promised|agreed|earlier|previous)\s+)?$")
_PREPOSITION = regex.compile(
    r"(?ri)\b(?:to|at|of|for|from|with|on|in|by|beyond|above|below|under|over|than|near)\s+$")
# Words after a figure that are no noun it measures ("the 1990s", "the $5 to $10 range").
_NOT_NOUNS = frozenset({
    "to", "and", "or", "of", "in", "on", "at", "for", "from", "by", "with", "is", "was",
    "are", "were", "be", "that", "which", "who", "a", "an", "the", "than", "as", "more",
    "less", "million", "billion", "trillion", "a-share", "it", "they", "he", "she", "we",
    "you", "i", "its", "their", "his", "her",
})


class Restatements:
    """Finds the restatements among body figures grouped by sort (kind, unit, counted noun,
    rate). `frame`: mention -> Frame; `periods`: Periods; `lexicons`: the rule pack's."""

    def __init__(self, doc: Document, frame, periods: Periods, lexicons):
        self.doc = doc
        self.frame = frame
        self.periods = periods
        self.weak = _weak_words(lexicons.get("change-verbs"))
        self._phrases: dict[int, tuple[list[str], list[str]]] = {}

    def compatible(self, a: Mention, b: Mention, subjects: bool = True) -> bool:
        """Nothing tells a and b apart. `subjects`: whether two named subjects part them
        (not for a figure that points back: in "Orion says the $42-a-share price is
        generous" the name is who spoke, not whose price)."""
        fa, fb = self.frame(a), self.frame(b)
        if fa.role != fb.role or fa.past != fb.past or fa.headline or fb.headline:
            return False
        if fa.place and fb.place and not same_entity(fa.place, fb.place):
            return False
        if fa.measure and fb.measure and not _share_word(fa.measure, fb.measure):
            return False
        if subjects and fa.subject and fb.subject and not same_entity(fa.subject, fb.subject):
            return False
        return periods_agree(self.periods.in_force(a.sentence),
                             self.periods.in_force(b.sentence))

    def find(self, groups: dict[tuple, list[Mention]], agree) -> list[Restatement]:
        """`groups`: figures by sort, each in text order; `agree(a, b)`: the values may be
        one. Every restatement once, the earlier figure first."""
        out: list[Restatement] = []
        seen: set[tuple[int, int]] = set()

        def add(a: Mention, b: Mention, cue: str) -> None:
            a, b = (a, b) if a.start <= b.start else (b, a)
            if (id(a), id(b)) not in seen:
                seen.add((id(a), id(b)))
                out.append(Restatement(a, b, cue))

        for group in groups.values():
            for i, b in enumerate(group):
                a = self._antecedent(group[:i], b, agree)
                if a is not None:
                    add(a, b, "points back")
            for a, b in self._same_phrase(group):
                add(a, b, "same phrase")
            for a, b in self._same_measure(group):
                add(a, b, "same measure")
        for a, b in self._restated_sentences(groups):
            add(a, b, "restated sentence")
        return out

    def _antecedent(self, earlier: list[Mention], b: Mention, agree) -> Mention | None:
        """The nearest earlier figure the re-mention's words describe; after a strong
        pointer ("at that 30% level", "the original $250 million") the nearest earlier
        figure of its sort when none is described. One further back that agrees is taken
        instead (the writer may point past the nearest), within the last _LOOK_BACK figures
        of the sort. A bounded figure ("the 64 funds") restates no figure open upwards
        ("more than a dozen funds")."""
        found = points_back(self.doc, b)
        if found is None:
            return None
        noun, strong = found
        bounded = _bounded(b)
        candidates = [a for a in earlier[-_LOOK_BACK:] if a.sentence != b.sentence
                      and (_bounded(a) or not bounded) and self.compatible(a, b, subjects=False)]
        described = [a for a in candidates if self._described(a, b, noun)]
        if not described and strong:
            described = candidates
        if not described:
            return None
        return next((a for a in reversed(described) if agree(a, b)), described[-1])

    def _described(self, a: Mention, b: Mention, noun: tuple[str, ...]) -> bool:
        """The words of a re-mention describe an earlier figure: the same counted noun or
        rate, a change noun for a change ("the 12% growth rate", "to grow by 12%"), or its
        noun (the last word) beside the earlier figure or in what it measures ("the $9
        billion bottled water market" is not "a $2 billion water bottling plant")."""
        fa = self.frame(a)
        if not noun:
            return False
        if b.kind == "count" or noun[0].startswith("per "):
            return fa.head == noun[-1]
        if (fa.head or "").startswith("per "):
            return False
        if fa.head in noun or (fa.role == "change" and _CHANGE_NOUNS & set(noun)):
            return True
        left, right = self._phrase(a)
        near = {stem(w) for w in left + right} | {stem(w) for w in (fa.measure or "").split()}
        return stem(noun[-1]) in near

    def _restated_sentences(self, groups: dict[tuple, list[Mention]]):
        """Two sentences that share a figure (the anchor: one sort, one value, the only
        figure of its sort in each) and hold exactly one figure each of another sort: that
        pair is restated with the anchor ("about 3 million voters ... a turnout rate of 61%"
        twice), when the pair is also described alike (a counted noun, one measured noun,
        or a telling word beside both: "lost about $4 billion" and "hold assets of about $21
        billion" with the same 64 funds are two measures) or the shared figure is too
        precise to be stated twice by chance ("a 38.6 percent stake"). Anchors are found by
        their value, so the work is linear in the figures."""
        by_sentence: dict[int, dict[tuple, list[Mention]]] = {}
        anchors: dict[tuple, list[Mention]] = {}
        keyed = sorted(((m, key) for key, group in groups.items() for m in group),
                       key=lambda x: x[0].start)
        previous = None
        for m, key in keyed:
            aside = (previous is not None and previous.kind == m.kind
                     and _ASIDE.fullmatch(self.doc.text, previous.end, m.start) is not None)
            previous = m
            if aside:  # "€50 million (US$68 million)": one amount in two currencies
                continue
            by_sentence.setdefault(m.sentence, {}).setdefault(key, []).append(m)
            anchors.setdefault((key, m.value.get("value")), []).append(m)
        for (key, _), same in anchors.items():
            for j, b in enumerate(same[:_MAX_ANCHORS]):
                for a in same[:j]:
                    sa, sb = by_sentence[a.sentence], by_sentence[b.sentence]
                    if (a.sentence == b.sentence or len(sa[key]) != 1 or len(sb[key]) != 1
                            or not self.compatible(a, b)):
                        continue
                    for other in sa.keys() & sb.keys():
                        if other == key or len(sa[other]) != 1 or len(sb[other]) != 1:
                            continue
                        x, y = sa[other][0], sb[other][0]
                        if self.compatible(x, y) and (_distinctive(a) or self._alike(x, y, a, b)):
                            yield x, y

    def _same_measure(self, group: list[Mention]):
        """Pairs with one named subject and one measured noun ("Orion's 12% share" and
        "Orion's share of 12%"), indexed by the noun; not rates ("a share"), which every
        earnings template repeats."""
        by_head: dict[str, list[Mention]] = {}
        for m in group:
            f = self.frame(m)
            if f.subject and f.head and m.kind != "count" and not f.head.startswith("per "):
                by_head.setdefault(f.head, []).append(m)
        for members in by_head.values():
            if len(members) > _MAX_PHRASE:
                continue  # one owner's measure stated this often is a series (by year, by unit)
            for j, b in enumerate(members):
                for a in members[:j]:
                    if (a.sentence != b.sentence and self.compatible(a, b)
                            and same_entity(self.frame(a).subject, self.frame(b).subject)):
                        yield a, b

    def _alike(self, a: Mention, b: Mention, *anchors: Mention) -> bool:
        """Described alike: a counted noun, one measured noun, or a telling word beside both
        that is not one of the anchors' own ("the 64 funds")."""
        fa, fb = self.frame(a), self.frame(b)
        if a.kind == "count" or (fa.head and fa.head == fb.head):
            return True
        theirs = {_mask(w) for m in anchors
                  for w in _TOKEN.findall(self.doc.text, m.start, m.end)}
        weak = self.weak | theirs
        (la, ra), (lb, rb) = self._phrase(a), self._phrase(b)
        return bool({w for w in la + ra if w not in weak} & {w for w in lb + rb if w not in weak})

    def _phrase(self, m: Mention):
        got = self._phrases.get(id(m))
        if got is None:
            got = self._phrases[id(m)] = phrase(self.doc, m)
        return got

    def _same_phrase(self, group: list[Mention]):
        """Pairs whose figures sit in the same words: at least three shared, two of them
        telling. Indexed by the two words on either side, so only pairs that share them
        are compared."""
        index: dict[tuple, list[Mention]] = {}
        for m in group:
            left, right = self._phrase(m)
            keys = set()
            if len(left) >= 2:
                keys.add(("L", *left[-2:]))
            if len(right) >= 2:
                keys.add(("R", *right[:2]))
            if left and right:
                keys.add(("LR", left[-1], right[0]))
            for k in keys:
                if any(w not in self.weak for w in k[1:]):
                    index.setdefault(k, []).append(m)
        done: set[tuple[int, int]] = set()
        for members in index.values():
            if len(members) > _MAX_PHRASE:
                continue  # a phrase the article repeats for many figures is a template
            for j, b in enumerate(members):
                for a in members[:j]:
                    key = (id(a), id(b))
                    if key in done or a.sentence == b.sentence:
                        continue
                    done.add(key)
                    words = shared_phrase(self._phrase(a), self._phrase(b))
                    telling = [w for w in words if w not in self.weak]
                    if len(words) >= 3 and len(telling) >= 2 and self.compatible(a, b):
                        yield a, b


# A re-mention looks back over at most this many figures of its sort: linear in the
# figures, however long the article.
_LOOK_BACK = 24
# A phrase around more figures than this is the article's template ("Revenue rose # to").
_MAX_PHRASE = 6
# A value stated more often than this is a round figure of the trade, not an anchor.
_MAX_ANCHORS = 4

_CHANGE_NOUNS = frozenset({
    "growth", "increase", "rise", "gain", "jump", "drop", "decline", "fall", "decrease",
    "cut", "reduction", "loss", "slide", "surge", "advance",
})


def _distinctive(m: Mention) -> bool:
    """A figure written with three significant digits or more ("38.6 percent", "$3.12",
    "1,204,512") is seldom stated twice by chance; a round one ("64", "$5 billion") is."""
    text = m.value.get("_number_text") or ""
    digits = "".join(ch for ch in text if ch.isdigit()).strip("0")
    return len(digits) >= 3


def _bounded(m: Mention) -> bool:
    """Not open upwards: "more than a dozen funds" is no antecedent for "the 64 funds"
    ("as many as 900 workers" is, for "the 900 eligible workers")."""
    return m.value.get("qualifier") not in ("more_than", "at_least")


def _share_word(a: str, b: str) -> bool:
    return bool({lemma(w) for w in a.split()} & {lemma(w) for w in b.split()})
