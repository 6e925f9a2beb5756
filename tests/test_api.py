"""The real app over real HTTP: the same Report as the engine, problems for bad input."""

from __future__ import annotations

import json

from tests.conftest import SEED_PUBLISHED


def test_check_returns_the_same_report_as_the_engine(http, seed_text, seed_report):
    r = http.post("/v1/check", json={"text": seed_text, "published": SEED_PUBLISHED})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/json")
    assert r.json() == json.loads(seed_report.model_dump_json())


def test_a_body_without_content_type_still_works(http, seed_text):
    # `curl -d '{...}'` sends form encoding; the body is still JSON.
    body = json.dumps({"text": seed_text, "published": SEED_PUBLISHED})
    r = http.post("/v1/check", content=body,
                  headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 200 and r.json()["summary"]["claims"] == 26


def problem(r, status):
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    body = r.json()
    assert {"type", "title", "status", "detail"} <= set(body) and body["status"] == status
    assert "Traceback" not in r.text
    return body


def test_invalid_json_is_a_400(http):
    body = problem(http.post("/v1/check", content=b'{"text": ',
                             headers={"content-type": "application/json"}), 400)
    assert "JSON" in body["title"]


def test_missing_text_and_wrong_date_are_named(http):
    body = problem(http.post("/v1/check", json={"published": "2025-13-01"}), 422)
    fields = {e["field"] for e in body["errors"]}
    assert fields == {"text", "published"}
    assert "text" in body["detail"] and "published" in body["detail"]


def test_empty_article_is_a_422(http):
    body = problem(http.post("/v1/check", json={"text": "  \n "}), 422)
    assert "empty" in body["detail"]


def test_article_over_the_limit_is_a_422_naming_the_limit(http):
    body = problem(http.post("/v1/check", json={"text": "word " * 12_000}), 422)
    assert body["limit"] == 50_000 and "50,000" in body["detail"]


def test_body_over_the_limit_is_a_413(http):
    problem(http.post("/v1/check", json={"text": "x" * 300_000}), 413)


def test_unknown_field_is_refused(http):
    body = problem(http.post("/v1/check", json={"text": "Sales rose 5%.", "colour": "red"}), 422)
    assert body["errors"][0]["field"] == "colour"


def test_options_select_rules_and_offsets(http):
    r = http.post("/v1/check", json={"text": "😀 Sales rose 5% to $2.4bn.", "rules": ["money"],
                                     "offsets": "utf16"})
    assert r.status_code == 200
    claims = r.json()["claims"]
    assert [c["kind"] for c in claims] == ["money"]
    assert claims[0]["span"]["start"] == len("😀 Sales rose 5% to ".encode("utf-16-le")) // 2


def test_rules_are_described_with_examples(http):
    rules = http.get("/v1/rules").json()
    ids = {r["id"] for r in rules}
    assert {"percent.value", "count.noun", "checks.count-matches-list"} <= ids
    one = http.get("/v1/rules/checks.count-matches-list").json()
    assert one["sort"] == "check" and one["check"] == "count_matches_enumeration"
    assert one["examples"]["flag"] and one["examples"]["pass"]
    problem(http.get("/v1/rules/no.such-rule"), 404)


def test_health_readiness_and_docs(http, engine):
    assert http.get("/healthz").json() == {"status": "ok"}
    ready = http.get("/readyz").json()
    assert ready["ruleset"] == engine.ruleset
    schema = http.get("/schema/openapi.json").json()
    assert "/v1/check" in schema["paths"]
    assert http.get("/schema").status_code == 200


def test_unknown_path_is_a_problem(http):
    problem(http.get("/v2/nothing"), 404)
