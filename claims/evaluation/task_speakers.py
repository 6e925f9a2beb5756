"""`claims eval --task speakers`: who said it, against MEANTIME and GUM gold.

Measures (all are accuracies over gold items; an item the engine misses counts as wrong):

* **MEANTIME speech/cognitive events with an Arg0** (inside the annotated region). The
  engine's answer for an event is the source of the attribution claim whose span holds the
  event ("Gallois ... said", "according to the IEA"), else the speaker of a quote claim in
  the event's sentence whose reporting verb is the event's word ('"...," said Joe Leonard').
  It is right when it names the Arg0's entity (`same_entity`, below). Two readings:
  - `all`: every such event. MEANTIME's class mixes speech with cognition and plans
    ("expects", "intends", "wants", "negotiated"), which the product deliberately does not
    treat as attribution;
  - `reporting`: only events whose word TimeBank and AQUAINT annotators marked as a
    REPORTING event somewhere ("said", "announced", "according", "told" ...) -- a list
    taken from that gold, not from our rules. Needs the timebank or aquaint folder.
* **GUM direct quotes** (`quote`, not scare quotes `q`) whose speaker GUM's gold syntax
  and coreference give (see `gum.py`). The engine's answer is the speaker of the quote
  claim that overlaps the gold quote most.

A predicted name matches a gold entity when, ignoring case, articles and possessive 's,
its words are all among the words of one mention of the entity (or its descriptor or
Wikipedia identity), or it holds all the words of a capitalized mention: "Helberg" and
"Labour's Shadow Home Secretary Yvette Cooper" both match an entity mentioned as "Jacob
Helberg" / "Yvette Cooper". A pronoun matches only an entity the article never names.
"""

from __future__ import annotations

import regex

from claims.evaluation.corpus import Corpus, Doc
from claims.evaluation.gum import conllu_path, quote_speakers, read_gum
from claims.evaluation.meantime import chain_texts, read_meantime, xml_path
from claims.evaluation.scoring import Score, task
from claims.model.article import Article

TARGET = 0.85
_WORD = regex.compile(r"[\p{L}\p{N}]+")
_DROP = frozenset({"the", "a", "an", "s", "of"})
PRONOUNS = frozenset(
    "he she it they him her them his its their we i you us our my me".split()
)


def words(name: str) -> set[str]:
    return {w for w in _WORD.findall(name.lower().replace("\u2019", "'")) if w not in _DROP}


def same_entity(predicted: str | None, chain: list[str]) -> bool:
    """Whether a predicted speaker names the entity whose mentions are `chain`."""
    if not predicted:
        return False
    mine = words(predicted)
    if not mine:
        return False
    named = [c for c in chain if words(c) - PRONOUNS]
    candidates = named or chain
    if mine <= PRONOUNS and named:
        return False
    if any(mine <= words(c) for c in candidates):
        return True
    # "Labour's Shadow Home Secretary Yvette Cooper" holds the mention "Yvette Cooper".
    return any(words(c) <= mine for c in named if regex.search(r"\p{Lu}", c))


def _reporting_words(corpus: Corpus) -> frozenset[str] | None:
    docs = [d for d in corpus.docs if "reporting_events" in d.gold]
    if not docs:
        return None
    return frozenset(e["text"].lower() for d in docs for e in d.gold["reporting_events"])


def _sentence_of(report, offset: int):
    for c in report.claims:
        if c.sentence.start <= offset < c.sentence.end:
            return c.sentence
    return None


def predicted_for_event(report, event: dict) -> tuple[bool, str | None]:
    """(a cue was found, the speaker it names) for one gold event."""
    s, e = event["start"], event["end"]
    for c in report.claims:
        if c.kind == "attribution" and c.span.start <= s and e <= c.span.end:
            return True, c.value.source
    word = event["text"].lower()
    best = None
    for c in report.claims:
        if c.kind != "quote" or (c.value.verb or "") != word:
            continue
        if not (c.sentence.start <= s < c.sentence.end) or c.span.start <= s < c.span.end:
            continue
        gap = min(abs(s - c.span.end), abs(c.span.start - e))
        if gap <= 120 and (best is None or gap < best[0]):
            best = (gap, c.value.speaker)
    if best:
        return True, best[1]
    return False, None


def _meantime(engine, corpus: Corpus, docs: list[Doc], reporting: frozenset[str] | None):
    rows = {"all": [0, 0, 0], "reporting": [0, 0, 0]}  # items, cue found, right
    for doc in docs:
        path = xml_path(corpus.root, doc.id)
        if path is None:
            continue
        mt = read_meantime(path, doc.text)
        texts = {m["m_id"]: m["text"] for m in doc.gold.get("entity_mentions", [])}
        report = engine.check(Article(text=doc.text, published=doc.published))
        for event in doc.gold.get("speech_cognitive_events", []):
            arg0 = [p for p in event["participants"] if p["role"] == "Arg0"]
            if not arg0 or event["start"] >= mt.region[1]:
                continue
            chain = chain_texts(mt, arg0[0]["m_id"], texts) or [arg0[0]["text"]]
            found, speaker = predicted_for_event(report, event)
            right = same_entity(speaker, chain)
            readings = ["all"]
            if reporting is not None and event["text"].lower() in reporting:
                readings.append("reporting")
            for r in readings:
                rows[r][0] += 1
                rows[r][1] += found
                rows[r][2] += right
    return rows


def _gum(engine, corpus: Corpus, docs: list[Doc]):
    items = found = right = 0
    for doc in docs:
        path = conllu_path(corpus.root, doc.id)
        if path is None:
            continue
        gum = read_gum(path, doc.text)
        quotes = [q for q in doc.gold.get("quotes", []) if q["tag"] == "quote"]
        report = engine.check(Article(text=doc.text, published=doc.published))
        claims = [c for c in report.claims if c.kind == "quote"]
        for q, entity in quote_speakers(gum, quotes):
            if entity is None:
                continue
            items += 1
            overlap = [(min(q["end"], c.span.end) - max(q["start"], c.span.start), c) for c in claims]
            overlap = [(n, c) for n, c in overlap if n > 0]
            if not overlap:
                continue
            claim = max(overlap, key=lambda x: x[0])[1]
            found += claim.value.speaker is not None
            right += same_entity(claim.value.speaker, gum.chain(entity, doc.text))
    return items, found, right


def _score(measure: str, corpus: str, items: int, found: int, right: int, note: str) -> Score:
    acc = right / items if items else 0.0
    on_found = f"{right / found:.3f}" if found else "-"
    return Score(task="speakers", measure=measure, corpus=corpus, value=acc, target=TARGET,
                 note=f"{note}; {items} items, cue found {found}, right where found {on_found}",
                 extra={"items": items, "found": found, "right": right})


@task("speakers", "speakers of MEANTIME speech events (Arg0) and GUM direct quotes (accuracy)")
def score_speakers(engine, corpus: Corpus) -> list[Score]:
    scores = []
    meantime = [d for d in corpus.docs if "speech_cognitive_events" in d.gold]
    if meantime:
        reporting = _reporting_words(corpus)
        rows = _meantime(engine, corpus, meantime, reporting)
        scores.append(_score("speaker accuracy, speech/cognitive events with Arg0",
                             "meantime_wikinews", *rows["all"], "all events"))
        if reporting is not None:
            scores.append(_score("speaker accuracy, reporting events with Arg0",
                                 "meantime_wikinews", *rows["reporting"],
                                 "words TimeBank/AQUAINT mark REPORTING"))
    gum = [d for d in corpus.docs if "quotes" in d.gold]
    if gum:
        scores.append(_score("speaker accuracy, direct quotes", "gum_wikinews",
                             *_gum(engine, corpus, gum), "GUM `quote` with a gold speaker"))
    return scores
