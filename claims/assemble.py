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
    for m in mentions:
        s = doc.sentences[m.sentence]
        base = "c" + _digest(m.kind, m.rule, doc.text[s.start : s.end], m.start - s.start,
                             m.end - s.start)
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
            evidence.append(Evidence.model_construct(start=om(s), end=om(e), text=text[s:e],
                                                     role=role))
        findings.append(Finding.model_construct(
            id="f" + _digest(rule.id, d.verdict, *ids),
            rule=rule.id,
            verdict=d.verdict,
            severity=rule.level if d.verdict == "inconsistent" else "info",
            message=render(template, d.variables),
            claims=ids,
            evidence=evidence,
            expected=d.expected,
            observed=d.observed,
            suggestion=d.suggestion,
        ))
        for m in d.claims:
            if d.verdict == "inconsistent":
                m.verdict = "inconsistent"
            elif m.verdict == "unchecked":
                m.verdict = "consistent"
    findings.sort(key=lambda f: (f.evidence[0].start if f.evidence else 0, f.rule, f.id))

    claims = []
    summary = Summary.model_construct(claims=0, consistent=0, inconsistent=0, unchecked=0,
                                      unsourced=0)
    for m in mentions:
        s = doc.sentences[m.sentence]
        last = doc.sentence_for_span(max(m.end - 1, m.start), m.end)
        source = None
        if m.source:
            name, ss, se = m.source
            ss, se = om.source(ss, se)
            source = Source.model_construct(name=name, span=Span.model_construct(start=om(ss), end=om(se)))
        value_model = VALUE_MODELS[m.kind]
        start, end = om.source(m.start, m.end)
        s_start, s_end = om.source(s.start, max(s.end, last.end))
        claims.append(CLAIM_MODELS[m.kind].model_construct(
            id=m.id, kind=m.kind, text=text[start:end],
            span=Span.model_construct(start=om(start), end=om(end)),
            sentence=Span.model_construct(start=om(s_start), end=om(s_end)),
            value=value_model.model_construct(**_defaults(value_model, m.public_value())),
            subject=m.subject, measure=m.measure, source=source, rule=m.rule,
            verdict=m.verdict, flags=list(m.flags),
        ))
        summary.claims += 1
        setattr(summary, m.verdict, getattr(summary, m.verdict) + 1)
        if "unsourced" in m.flags:
            summary.unsourced += 1

    info = ArticleInfo.model_construct(
        id=article.id, title=article.title, published=article.published,
        length=om(len(text)), reference_date=doc.published, offsets=offsets,
    )
    return Report.model_construct(
        engine=EngineInfo.model_construct(version=version, ruleset=ruleset),
        article=info, claims=claims, findings=findings, summary=summary,
    )


def _defaults(model, value: dict) -> dict:
    out = {}
    for name, field in model.model_fields.items():
        if name in value:
            out[name] = value[name]
        elif not field.is_required():
            out[name] = field.get_default(call_default_factory=True)
    return out


__all__ = ["build_report", "STATISTIC"]
