"""Who a participle or a second verb reports for: the subject of the clause it hangs on.

    Chrysler ... has asked the US government for aid, saying that ...   -> Chrysler
    Ford has said that it posted a profit, and predicted that ...       -> Ford (its clause)
    When the Air Force chose Northrop, Boeing protested, claiming ...   -> Boeing
    Citing a precaution, Airbus announced ...                           -> Airbus

The rules (`attribution.participle`) find the verb and mark the attribution
`_source_of: clause`; this module names its source, in order:

1. a participle that opens its sentence reports for a reporting clause that follows a
   comma ("Responding to ..., he stated"), else for the subject of the clause after the
   first comma ("Citing a precaution, Airbus announced");
2. else the nearest reporting clause before it in the sentence ("Ford has said ...,
   and predicted");
3. else the subject of the sentence's main clause: past a phrase set before it ("When
   ..., ", "In 2009, "; the `clause-openers` lexicon), a word that stands for a name
   ("he", "the company"; resolved like any pronoun), else the first name within a few
   words that no preposition or comma comes before ("The United States auto manufacturer
   Chrysler"), else a described source ("Congressional lawmakers").

No subject, no source: the attribution is dropped rather than guessed.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from claims.link.referents import Referents
from claims.mention import Mention
from claims.text.document import Document

_PREPOSITION = regex.compile(
    r"\b(?:at|of|in|on|for|from|by|with|to|about|over|under|into|than|between|among|against|"
    r"after|before|during|like)\b", regex.I)
_POSSESSIVE = regex.compile(r"['\u2019]s?\b")
_SPACE = regex.compile(r"[\s\"'\u201c\u201d\u2018\u2019(\[]*")
_WORD = regex.compile(r"[\p{L}][\p{L}'\u2019.-]*")
_NEAR = 80  # a subject starts within this many characters of its clause
_MODIFIERS = 5  # words allowed before the name ("The United States auto manufacturer")


_COMPILED: dict[tuple[int, int], tuple] = {}


def _patterns(pronouns, nouns) -> tuple:
    """The pronoun and described-source patterns, compiled once per pair of lexicons."""
    key = (id(pronouns), id(nouns))
    hit = _COMPILED.get(key)
    if hit is None or hit[0] is not pronouns or hit[1] is not nouns:
        pronoun = regex.compile(r"(?:" + pronouns.pattern() + r")\b", regex.I)
        described = regex.compile(
            r"(?:(?:the|a|an|some|several|many|most|other|both|all)\s+)?"
            r"(?:(?!(?:that|which|who|but|or|when|while|if|so|with|from|in|on|at|by|for|to|"
            r"is|was|were|are|has|have|had|not|than)\b)[\p{L}][\p{L}.'\u2019-]*\s+){0,3}?"
            r"(?:" + nouns.pattern() + r")\b", regex.I)
        hit = _COMPILED[key] = (pronouns, nouns, pronoun, described)
    return hit[2], hit[3]


class ClauseSubjects:
    def __init__(self, doc: Document, lexicons, referents: Callable[[], Referents]):
        self.doc = doc
        self.text = doc.text
        self._referents = referents  # made on first need: most clauses name their source
        self.openers = lexicons["clause-openers"]
        self.days = {e.text.lower() for e in lexicons["weekdays"].entries}
        self.pronoun, self.described = _patterns(lexicons["speaker-pronouns"], lexicons["source-nouns"])

    def source(self, m: Mention, attributions) -> tuple[str, int, int, Mention | None] | None:
        """(name as written, start, end, the attribution it was taken from) for the
        participle or second verb `m`; `attributions` are those of its sentence."""
        sent = self.doc.sentences[m.sentence]
        text = self.text
        here = [a for a in attributions if a is not m and a.sentence == m.sentence
                and a.value.get("source") and a.value.get("verb") and "_source_span" in a.value]
        opening = _SPACE.match(text, sent.start, m.start).end()
        if opening >= m.start:  # "Citing a precaution, Airbus announced ..."
            comma = text.find(",", m.end, sent.end)
            if comma < 0:
                return None
            for a in here:  # a reporting clause that opens a clause: "..., he stated"
                start = a.value["_source_span"][0]
                if start > m.end and text[sent.start:start].rstrip().endswith(","):
                    return self._from(a)
            return self.subject(comma + 1, sent.end)
        before = [a for a in here if a.end <= m.start and a.rule != "attribution.according-to"]
        if before:
            return self._from(before[-1])
        return self.subject(sent.start, m.start)

    @staticmethod
    def _from(a: Mention):
        s, e = a.value["_source_span"]
        return a.value["source"], s, e, a

    def subject(self, start: int, end: int) -> tuple[str, int, int, None] | None:
        """The subject of the clause that starts at `start` (before `end`)."""
        text = self.text
        for _ in range(4):  # "But in 2009, when ..., Ford ...": skip what comes before
            start = _SPACE.match(text, start, end).end()
            word = self._opener(start, end)
            if word is None:
                break
            kind, stop = word
            if kind == "skip":
                start = stop
                continue
            comma = text.find(",", stop, end)
            if comma < 0:
                return None
            start = comma + 1
        start = _SPACE.match(text, start, end).end()
        stop = min(end, start + _NEAR)
        p = self.pronoun.match(text, start, stop)
        if p:
            return p.group().lower(), p.start(), p.end(), None
        d = self.described.match(text, start, stop)
        place = None
        for r in self._referents().within(start, stop):
            between = text[start:r.start]
            if ("," in between or _PREPOSITION.search(between)
                    or len(_WORD.findall(between)) > _MODIFIERS):
                break
            if d is not None and d.end() >= r.end:
                break  # "A Ford spokesman": the description holds the name
            if _POSSESSIVE.match(text, r.end):
                continue  # "Norway's Prime Minister", "Ann's brother": not the subject
            if r.sort != "place":
                return self._tidy(r), r.start, r.end, None
            if place is None and between.strip().lower() in ("", "the"):
                place = r
        if d is not None:
            return " ".join(d.group().split()), d.start(), d.end(), None
        if place is not None:  # "Japan, citing ...": a country that acts
            return place.name, place.start, place.end, None
        return None

    def _tidy(self, r) -> str:
        """"Senator Maria Lopez Thursday" is Senator Maria Lopez; "Norway's Prime Minister
        Erna Lund" is Prime Minister Erna Lund."""
        words = r.name.split()
        owner = [i for i, w in enumerate(words[:-1]) if _POSSESSIVE.search(w)]
        if owner:
            words = words[owner[-1] + 1 :]
        while len(words) > 1 and words[-1].lower() in self.days:
            words.pop()
        return " ".join(words)

    def _opener(self, start: int, end: int) -> tuple[str, int] | None:
        """("skip" | "phrase", where the word ends) when an opener starts at `start`."""
        words = list(_WORD.finditer(self.text, start, min(end, start + 40)))[:2]
        for n in (2, 1):
            if len(words) < n or (words[0].start() != start):
                continue
            phrase = " ".join(w.group() for w in words[:n])
            if phrase in self.openers:
                value = self.openers.get(phrase)
                return ("skip" if value == "skip" else "phrase"), words[n - 1].end()
        return None
