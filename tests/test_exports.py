"""ClaimReview JSON-LD: the fields schema.org and fact-check consumers read, from engine,
command line and HTTP."""

from __future__ import annotations

import datetime as dt
import json

from claims import Article
from claims.exports import claim_review
from tests.conftest import SEED_PUBLISHED
from tests.test_cli import SEED_REL, claims

URL = "https://example.com/2025/12/01/minerals"


def edited(seed_text: str) -> str:
    return seed_text.replace("eight allied nations", "seven allied nations", 1)


def assert_claim_reviews(doc: dict, report: dict, text: str, *, url: str | None,
                         published: str | None, reviewer: str) -> list[dict]:
    """Every field a ClaimReview consumer needs, with the right schema.org types."""
    assert doc["@context"] == "https://schema.org"
    reviews = doc["@graph"]
    with_verdict = [c for c in report["claims"] if c["verdict"] != "unchecked"]
    assert [r["identifier"] for r in reviews] == [c["id"] for c in with_verdict]
    for review, claim in zip(reviews, with_verdict, strict=True):
        assert review["@type"] == "ClaimReview"
        # claimReviewed: the sentence making the claim, as a reader reads it.
        assert claim["text"] in review["claimReviewed"]
        sentence = text[claim["sentence"]["start"] : claim["sentence"]["end"]]
        assert review["claimReviewed"] == " ".join(sentence.split())
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating"
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        expected = "Inconsistent" if claim["verdict"] == "inconsistent" else "Consistent"
        assert rating["alternateName"].startswith(expected)
        assert review["author"] == {"@type": "Organization", "name": reviewer}
        item = review["itemReviewed"]
        assert item["@type"] == "Claim"
        assert item["appearance"]["@type"] == "NewsArticle"
        if url:
            assert item["appearance"]["url"] == url
            assert review["url"] == f"{url}#claim-{claim['id']}"
        else:
            assert "url" not in review and "url" not in item["appearance"]
        if published:
            assert item["datePublished"] == published == item["appearance"]["datePublished"]
        if claim["source"]:
            assert item["author"]["name"] == claim["source"]["name"]
            assert item["author"]["@type"] in ("Person", "Organization")
        assert review["reviewBody"]
    return reviews


def test_claimreview_from_the_engine(engine, seed_text):
    text = edited(seed_text)
    report = engine.check(Article(text=text, published=SEED_PUBLISHED, title="US moves"))
    doc = claim_review(report, text, url=URL, reviewer="The Desk", reviewed=dt.date(2025, 12, 2))
    reviews = assert_claim_reviews(doc, json.loads(report.model_dump_json()), text, url=URL,
                                   published=SEED_PUBLISHED, reviewer="The Desk")
    bad = [r for r in reviews if r["reviewRating"]["ratingValue"] == 1]
    assert len(bad) == 2  # the count and the list it disagrees with
    assert "Says seven nations but lists eight" in bad[0]["reviewBody"]
    assert all(r["datePublished"] == "2025-12-02" for r in reviews)
    assert reviews[0]["itemReviewed"]["appearance"]["headline"] == "US moves"
    json.dumps(doc)  # serializable as is


def test_claimreview_from_the_command_line():
    run = claims("check", SEED_REL, "--published", SEED_PUBLISHED, "--format", "claimreview",
                 "--url", URL, "--reviewer", "Desk", "--reviewed", "2025-12-03")
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)
    assert doc["@graph"] and all(r["datePublished"] == "2025-12-03" for r in doc["@graph"])
    assert {r["reviewRating"]["ratingValue"] for r in doc["@graph"]} == {2}


def test_claimreview_over_http_by_accept_and_by_parameter(http, seed_text):
    text = edited(seed_text)
    body = {"text": text, "published": SEED_PUBLISHED, "url": URL}
    report = http.post("/v1/check", json=body).json()
    by_accept = http.post("/v1/check", json=body, headers={"accept": "application/ld+json"})
    assert by_accept.status_code == 200
    assert by_accept.headers["content-type"].startswith("application/ld+json")
    by_param = http.post("/v1/check?format=claimreview", json=body)
    assert by_param.headers["content-type"].startswith("application/ld+json")
    today = dt.datetime.now(dt.timezone.utc).date().isoformat()
    for doc in (by_accept.json(), by_param.json()):
        reviews = assert_claim_reviews(doc, report, text, url=URL, published=SEED_PUBLISHED,
                                       reviewer="claims")
        assert reviews[0]["datePublished"] == today
    # The parameter wins over the header; JSON stays the default.
    plain = http.post("/v1/check?format=json", json=body, headers={"accept": "application/ld+json"})
    assert plain.headers["content-type"].startswith("application/json") and "engine" in plain.json()
    assert http.post("/v1/check?format=xml", json=body).status_code == 422


def test_claimreview_of_markup_reads_as_text(engine):
    from tests.test_markup import HTML

    report = engine.check(Article(text=HTML, format="html", published=SEED_PUBLISHED))
    doc = claim_review(report, HTML, text_format="html")
    assert doc["@graph"]
    for review in doc["@graph"]:
        assert "<" not in review["claimReviewed"] and "&nbsp;" not in review["claimReviewed"]
    assert doc["@graph"][0]["claimReviewed"].startswith("The US will seek agreements with eight")
