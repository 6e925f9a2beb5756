"""From mentions and drafts to the Report: ids, messages, verdicts, summary, offsets."""

from __future__ import annotations

import hashlib
import string

from claims.checks.base import Draft
from claims.kinds import STATISTIC
from claims.markup import PlainText
from claims.mention import Mention
from claims.model.article import Article
from claims.model.claim import CLAIM_MODELS, Source, Span
from claims.model.finding import Evidence, Finding
from claims.model.report import ArticleInfo, EngineInfo, Report, Summary
from claims.model.fast import build, defaults
from claims.model.values import VALUE_MODELS
from claims.rulebook.compiled import CompiledCheck
from claims.text.document import Document


def _digest(*parts: object) -> str:
    h = hashlib.blake2b(digest_size=6)
    for p in parts:
        h.update(str(p).encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()


def assign_ids(doc: Document, mentions: list[Mention]) -> None:
    """Ids depend only on the claim and its own sentence, so editing another paragraph
    leaves them unchanged. A sentence repeated word for word gets suffixes in order."""
    seen: dict[str, int] = {}
    sentence_keys: dict[int, str] = {}
    for m in mentions:
        s = doc.sentences[m.sentence]
        key = sentence_keys.get(s.index)
        if key is None:  # hashed once per sentence: a claim-dense sentence stays linear
            key = sentence_keys[s.index] = _digest(doc.text[s.start : s.end])
        base = "c" + _digest(m.kind, m.rule, key, m.start - s.start, m.end - s.start)
        n = seen.get(base, 0)
        seen[base] = n + 1
        m.id = base if n == 0 else f"{base}-{n + 1}"


class _Template(string.Formatter):
    def get_value(self, key, args, kwargs):
        return kwargs.get(key, "?")


_FORMATTER = _Template()


def render(template: str, variables: dict) -> str:
    try:
        return _FORMATTER.vformat(template, (), variables)
    except (ValueError, AttributeError, IndexError, KeyError):
        return template


class OffsetMap:
    """Offsets into the text the engine read, to offsets into the source as sent.

    For markup the engine reads the text a reader sees; `source()` maps a span back into
    the HTML or Markdown, so `source[start:end]` is what the client highlights. Then the
    unit: code points, or UTF-16 code units for JavaScript editors.
    """

    def __init__(self, text: str, unit: str, markup: PlainText | None = None):
        self.unit = unit
        self.markup = markup
        self.text = markup.source if markup is not None else text
        self._table = None
        if unit == "utf16" and any(ord(c) > 0xFFFF for c in self.text):
            table = [0] * (len(self.text) + 1)
            acc = 0
            for i, c in enumerate(self.text):
                table[i] = acc
                acc += 2 if ord(c) > 0xFFFF else 1
            table[len(self.text)] = acc
            self._table = table

    def source(self, start: int, end: int) -> tuple[int, int]:
        """The code-point span in the source that the engine's text[start:end] came from."""
        return (start, end) if self.markup is None else self.markup.source_span(start, end)

    def __call__(self, offset: int) -> int:
        """A code-point offset into the source, in the caller's unit."""
        return offset if self._table is None else self._table[offset]


def build_report(
    article: Article,
    doc: Document,
    mentions: list[Mention],
    drafts: list[tuple[CompiledCheck, Draft]],
    *,
    version: str,
    ruleset: str,
    offsets: str = "codepoint",
    markup: PlainText | None = None,
) -> Report:
    om = OffsetMap(doc.text, offsets, markup)
    text = om.text  # the source as sent: every span and surface text indexes it
    assign_ids(doc, mentions)

    findings: list[Finding] = []
    for rule, d in drafts:
        ids = [m.id for m in d.claims]
        template = rule.message if d.verdict == "inconsistent" else (
            rule.consistent_message or rule.message)
        evidence = []
        for s, e, role in sorted(d.evidence):
            s, e = om.source(s, e)
            evidence.append(build(Evidence, {"start": om(s), "end": om(e), "text": text[s:e],
                                             "role": role}))
        findings.append(build(Finding, {
            "id": "f" + _digest(rule.id, d.verdict, *ids),
            "rule": rule.id,
            "verdict": d.verdict,
            "severity": rule.level if d.verdict == "inconsistent" else "info",
            "message": render(template, d.variables),
            "claims": ids,
            "evidence": evidence,
            "expected": d.expected,
            "observed": d.observed,
            "suggestion": d.suggestion,
        }))
        for m in d.claims:
            if d.verdict == "inconsistent":
                m.verdict = "inconsistent"
            elif m.verdict == "unchecked":
                m.verdict = "consistent"
    findings.sort(key=lambda f: (f.evidence[0].start if f.evidence else 0, f.rule, f.id))

    claims = []
    counts = {"consistent": 0, "inconsistent": 0, "unchecked": 0}
    unsourced = 0
    sentences = doc.sentences
    for m in mentions:
        s = sentences[m.sentence]
        sentence_end = s.end if m.end <= s.end else doc.sentence_for_span(m.end - 1, m.end).end
        source = None
        if m.source:
            name, ss, se = m.source
            ss, se = om.source(ss, se)
            source = build(Source, {"name": name, "span": build(Span, {"start": om(ss), "end": om(se)})})
        value_model, value_defaults, fields = _VALUE_INFO[m.kind]
        value = dict(value_defaults)
        for k, v in m.value.items():
            if k in fields:
                value[k] = v
        start, end = om.source(m.start, m.end)
        s_start, s_end = om.source(s.start, max(s.end, sentence_end))
        claims.append(build(CLAIM_MODELS[m.kind], {
            "id": m.id,
            "text": text[start:end],
            "span": build(Span, {"start": om(start), "end": om(end)}),
            "sentence": build(Span, {"start": om(s_start), "end": om(s_end)}),
            "subject": m.subject,
            "measure": m.measure,
            "source": source,
            "rule": m.rule,
            "verdict": m.verdict,
            "flags": list(m.flags),
            "kind": m.kind,
            "value": build(value_model, value),
        }))
        counts[m.verdict] += 1
        if "unsourced" in m.flags:
            unsourced += 1

    info = build(ArticleInfo, {
        "id": article.id, "title": article.title, "published": article.published,
        "length": om(len(text)), "reference_date": doc.published, "offsets": offsets,
    })
    summary = build(Summary, {"claims": len(claims), **counts, "unsourced": unsourced})
    return build(Report, {
        "engine": build(EngineInfo, {"version": version, "ruleset": ruleset}),
        "article": info, "claims": claims, "findings": findings, "summary": summary,
    })


_VALUE_INFO = {
    kind: (model, defaults(model), frozenset(model.model_fields))
    for kind, model in VALUE_MODELS.items()
}
