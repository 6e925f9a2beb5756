"""Exports of a Report for publishing: schema.org ClaimReview as JSON-LD.

One ClaimReview per claim that a check gave a verdict (unchecked claims are not
reviews). The rating is the article against itself, not the world: 1 "Inconsistent
with the article", 2 "Consistent with the article".

    >>> doc = claim_review(report, text, url="https://example.com/story", reviewer="Desk")
    >>> doc["@graph"][0]["reviewRating"]["alternateName"]
    'Inconsistent with the article'
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from claims.markup import plain_slice
from claims.model.report import Report

CONTEXT = "https://schema.org"
RATINGS = {
    "inconsistent": (1, "Inconsistent with the article"),
    "consistent": (2, "Consistent with the article"),
}


def _slice(text: str, start: int, end: int, unit: str) -> str:
    if unit == "utf16":
        units = text.encode("utf-16-le", "surrogatepass")
        return units[2 * start : 2 * end].decode("utf-16-le", "surrogatepass")
    return text[start:end]


def claim_review(
    report: Report,
    text: str,
    *,
    url: str | None = None,
    reviewer: str = "claims",
    reviewed: dt.date | None = None,
    text_format: str = "text",
) -> dict[str, Any]:
    """A JSON-LD document with one ClaimReview per claim that has a verdict.

    `text` is the article as sent (the report's spans index it); `url` is where the
    article is published, `reviewer` the organization publishing the reviews, `reviewed`
    the review date; each is left out when not known.
    """
    article = report.article
    findings = {f.id: f for f in report.findings}
    by_claim: dict[str, list] = {}
    for f in findings.values():
        for cid in f.claims:
            by_claim.setdefault(cid, []).append(f)
    appearance: dict[str, Any] = {"@type": "NewsArticle"}
    if url:
        appearance["url"] = url
    if article.title:
        appearance["headline"] = article.title
    if article.published:
        appearance["datePublished"] = article.published.isoformat()

    # Who is quoted is a person; a source that is not also quoted is taken as an organization.
    speakers = {getattr(c.value, "speaker", None) for c in report.claims if c.kind == "quote"}
    reviews = []
    for claim in report.claims:
        if claim.verdict == "unchecked":
            continue
        rating_value, rating_name = RATINGS[claim.verdict]
        sentence = _slice(text, claim.sentence.start, claim.sentence.end, article.offsets)
        sentence = " ".join(plain_slice(sentence, text_format).split())
        item: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
        said_by = claim.source.name if claim.source else getattr(claim.value, "speaker", None)
        if said_by:
            person = said_by in speakers
            item["author"] = {"@type": "Person" if person else "Organization", "name": said_by}
        if article.published:
            item["datePublished"] = article.published.isoformat()
        notes = [f.message for f in by_claim.get(claim.id, []) if f.verdict == claim.verdict]
        review: dict[str, Any] = {
            "@type": "ClaimReview",
            "claimReviewed": sentence,
            "author": {"@type": "Organization", "name": reviewer},
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": rating_value,
                "bestRating": 2,
                "worstRating": 1,
                "alternateName": rating_name,
            },
            "itemReviewed": item,
            "reviewBody": " ".join(notes) or rating_name,
            "identifier": claim.id,
        }
        if url:
            review["url"] = f"{url}#claim-{claim.id}"
        if reviewed:
            review["datePublished"] = reviewed.isoformat()
        reviews.append(review)
    return {"@context": CONTEXT, "@graph": reviews}
