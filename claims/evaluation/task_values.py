"""`claims eval --task values`: numeric claims against MEANTIME's VALUE annotations.

Measure: typed relaxed span F1 (the TempEval-3 relaxed match, with types). A gold VALUE
and a claim match when their spans overlap and the claim's kind maps to the gold type:

    number, count, quantity, age -> QUANTITY   ("100", "six", "392.50 points", "500km",
                                                 "Barra, 51")
    money                        -> MONEY      ("US$7.2 bn", "26 cents")
    percent                      -> PERCENT    ("8.04%", "between three and seven percent")

MEANTIME annotates an age as a QUANTITY ("51" in "Barra, 51,"), so ages count as one.
Dates, durations, ranks and the attribution layers map to no VALUE type and are not
scored (MEANTIME gives dates and durations TIMEX3 tags, not VALUE tags). Matching is one-to-one and greedy in text order (`match_spans`). Only claims inside
the annotated region of each article count (see `meantime.py`): MEANTIME's annotators
stopped after the first few sentences. A folder without MEANTIME's XML is scored whole.

Two readings of the gold are reported:

* `as annotated`: every VALUE span.
* `figures only`: the product's own convention. It reports each stated figure once and
  never a phrase with no figure in it, so two sorts of gold span are left out: spans that
  state no number at all ("the amount", "substantially less", "many") and spans that
  enclose other VALUE spans of the same type ("$4.1556 per share or $57 million" around
  "$4.1556" and "$57 million"; "AU$52.5 million (US$40.4 million" around both).
"""

from __future__ import annotations

import regex

from claims.evaluation.corpus import Corpus, Doc
from claims.evaluation.meantime import read_meantime, xml_path
from claims.evaluation.scoring import PRF, Score, match_spans, task
from claims.model.article import Article

KIND_TO_TYPE = {
    "number": "QUANTITY",
    "count": "QUANTITY",
    "quantity": "QUANTITY",
    "age": "QUANTITY",
    "money": "MONEY",
    "percent": "PERCENT",
}
TYPES = ("QUANTITY", "MONEY", "PERCENT")
TARGET = 0.90

# A span states a figure when it has a digit or a number word; written here, not taken
# from the rule pack, so the measure does not move when the lexicons do.
_FIGURE = regex.compile(
    r"\d|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|"
    r"trillions?|dozens?|score|half|quarter|third)\b",
    regex.I,
)


def states_figure(text: str) -> bool:
    return bool(_FIGURE.search(text))


def encloses_another(span: dict, others: list[dict]) -> bool:
    return any(
        o is not span and o["type"] == span["type"] and span["start"] <= o["start"]
        and o["end"] <= span["end"] and (o["end"] - o["start"]) < (span["end"] - span["start"])
        for o in others
    )


def region_of(corpus: Corpus, doc: Doc) -> tuple[int, int]:
    path = xml_path(corpus.root, doc.id)
    return read_meantime(path, doc.text).region if path else (0, len(doc.text))


def found_values(engine, doc: Doc, region: tuple[int, int]) -> dict[str, list[tuple[int, int]]]:
    report = engine.check(Article(text=doc.text, published=doc.published))
    found: dict[str, list[tuple[int, int]]] = {t: [] for t in TYPES}
    for c in report.claims:
        kind_type = KIND_TO_TYPE.get(c.kind)
        if kind_type and region[0] <= c.span.start < region[1]:
            found[kind_type].append((c.span.start, c.span.end))
    return found


def score_doc(gold: list[dict], found: dict[str, list[tuple[int, int]]]) -> dict[str, PRF]:
    out = {}
    for t in TYPES:
        spans = sorted((g["start"], g["end"]) for g in gold if g["type"] == t)
        out[t], _ = match_spans(spans, sorted(found[t]), strict=False)
    return out


@task("values", "numbers, money and percentages against MEANTIME VALUE spans (typed relaxed F1)")
def score_values(engine, corpus: Corpus) -> list[Score]:
    docs = [d for d in corpus.docs if "values" in d.gold]
    if not docs:
        return []
    readings = {"as annotated": {t: PRF() for t in TYPES}, "figures only": {t: PRF() for t in TYPES}}
    for doc in docs:
        region = region_of(corpus, doc)
        gold = [g for g in doc.gold["values"] if region[0] <= g["start"] < region[1]]
        product = [g for g in gold if states_figure(g["text"]) and not encloses_another(g, gold)]
        found = found_values(engine, doc, region)
        for reading, spans in (("as annotated", gold), ("figures only", product)):
            for t, prf in score_doc(spans, found).items():
                readings[reading][t] += prf
    name = ",".join(sorted({d.source for d in docs}))
    scores = []
    for reading, by_type in readings.items():
        total = PRF()
        for prf in by_type.values():
            total += prf
        rows = [("all", total)] + [(t, by_type[t]) for t in TYPES]
        for label, prf in rows:
            scores.append(Score(
                task="values", measure=f"VALUE typed relaxed F1, {label}", corpus=name, prf=prf,
                target=TARGET, note=f"{reading}; gold {prf.tp + prf.fn}",
            ))
    return scores
