"""`claims eval --task perturb`: inject the slips a reporter makes into the real articles of
the corpus and measure, per check type, the share of injected errors it flags (recall), and
the inconsistent findings it raises on the unmodified articles (false alarms).

An injection counts as flagged when a finding of its check type is inconsistent and one of
the finding's evidence spans touches the edited text. A finding on an unmodified article is
a false alarm unless data/real-errors.yml lists it as a real error in the published text,
reviewed by hand. Deterministic: every site draws from its own generator, seeded with
CLAIMS_PERTURB_SEED (default 4), the article id and the site.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict

from claims.evaluation.corpus import Corpus
from claims.evaluation.slips import SLIPS, all_injections, data
from claims.evaluation.scoring import Score, context, task
from claims.model.article import Article

RECALL_TARGET = 0.90
FALSE_ALARMS_PER_100 = 1.0


def _check_types(engine) -> dict[str, str]:
    return {r.id: r.type.name for r in engine.rulebook.checks}


def _flagged(report, check: str, span, types) -> bool:
    s, e = span
    for f in report.findings:
        if f.verdict != "inconsistent" or types.get(f.rule) != check:
            continue
        if any(ev.start <= e and s <= ev.end for ev in f.evidence):
            return True
    return False


def _known_errors() -> set[tuple[str, str, int]]:
    return {(x["article"], x["rule"], x["at"]) for x in data("real-errors.yml")["errors"]}


def run(engine, corpus: Corpus, seed: int | None = None) -> dict:
    """Everything the scores are made of, for the table and for --format json."""
    seed = int(os.environ.get("CLAIMS_PERTURB_SEED", "4")) if seed is None else seed
    types = _check_types(engine)
    known = _known_errors()
    alarms, real = [], []
    tried: Counter = Counter()
    hit: Counter = Counter()
    by_slip: dict[str, Counter] = defaultdict(Counter)
    misses = []
    for doc in corpus.docs:
        article = Article(text=doc.text, published=doc.published, title=doc.title)
        report = engine.check(article)
        for f in report.findings:
            if f.verdict != "inconsistent":
                continue
            first = min(f.evidence, key=lambda ev: ev.start)
            entry = {"article": doc.id, "rule": f.rule, "message": f.message,
                     "evidence": [[ev.start, ev.end] for ev in f.evidence],
                     "context": context(doc.text, first.start, first.end)}
            if any((doc.id, f.rule, ev.start) in known for ev in f.evidence):
                real.append(entry)
            else:
                alarms.append(entry)
        for inj in all_injections(doc, report, seed):
            modified = engine.check(Article(text=inj.text, published=doc.published, title=doc.title))
            ok = _flagged(modified, inj.check, inj.span, types)
            tried[inj.check] += 1
            name = f"{inj.slip} ({inj.site})" if inj.site else inj.slip
            by_slip[name]["tried"] += 1
            if ok:
                hit[inj.check] += 1
                by_slip[name]["hit"] += 1
            else:
                misses.append({"slip": inj.slip, "site": inj.site, "article": doc.id,
                               "what": inj.what, "at": list(inj.span),
                               "context": context(inj.text, *inj.span)})
    return {"seed": seed, "articles": len(corpus.docs), "tried": tried, "hit": hit,
            "by_slip": by_slip, "misses": misses, "false_alarms": alarms, "real_errors": real}


@task("perturb", "Injected reporter slips: recall per check type; false alarms on the unmodified articles")
def score_perturbations(engine, corpus: Corpus) -> list[Score]:
    r = run(engine, corpus)
    n = r["articles"]
    scores = []
    checks = sorted({s.check for s in SLIPS.values()})
    for check in checks:
        tried, hit = r["tried"][check], r["hit"][check]
        names = sorted(n for n in r["by_slip"] if SLIPS[n.split(" (")[0]].check == check)
        detail = ", ".join(f"{n} {r['by_slip'][n]['hit']}/{r['by_slip'][n]['tried']}" for n in names)
        scores.append(Score(
            task="perturb", measure=f"recall: {check}", corpus=f"{n} articles",
            value=hit / tried if tried else 0.0, target=RECALL_TARGET if tried else None,
            note=f"{hit}/{tried} injections ({detail})" if tried
            else "not measured: no site in the corpus",
            extra={"tried": tried, "flagged": hit,
                   "misses": [m for m in r["misses"] if SLIPS[m["slip"]].check == check]},
            errors=[_located(f"not flagged: {m['slip']}" + (f" ({m['site']})" if m["site"] else ""),
                             m["article"], m["at"], m["context"], what=m["what"])
                    for m in r["misses"] if SLIPS[m["slip"]].check == check],
        ))
    alarms = r["false_alarms"]
    by_rule = Counter(a["rule"] for a in alarms)
    scores.append(Score(
        task="perturb", measure="false alarms per 100 unmodified articles", corpus=f"{n} articles",
        value=100 * len(alarms) / n if n else 0.0, maximum=FALSE_ALARMS_PER_100,
        note=f"{len(alarms)} false alarms" + (f" ({', '.join(f'{k} {v}' for k, v in sorted(by_rule.items()))})"
                                              if alarms else "")
        + f"; {len(r['real_errors'])} real errors in the published text (data/real-errors.yml)",
        extra={"false_alarms": alarms, "real_errors": r["real_errors"]},
        errors=[_located(f"false alarm: {a['rule']}", a["article"], min(a["evidence"]),
                         a["context"], message=a["message"]) for a in alarms],
    ))
    return scores


def _located(category: str, doc: str, span, context: str, **more) -> dict:
    return {"category": category, "doc": doc, "start": span[0], "end": span[1],
            "context": context, **more}
