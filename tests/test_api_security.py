"""Safe to expose: API keys, per-key rate limits, problem details for every refusal,
metrics and structured access logs, over real HTTP."""

from __future__ import annotations

import io
import json
import logging
import time

import httpx
import pytest

from api.settings import ApiKey, Settings, SettingsError
from tests.conftest import LiveServer

CMS_KEY = "cms-0123456789abcdef"
SLOW_KEY = "slow-0123456789abcdef"
LOG_KEY = "logger-0123456789abcdef"
BODY = {"text": "Sales rose 5% to $2.4bn, according to the IEA."}


@pytest.fixture(scope="module")
def keyed(engine):
    from api.app import create_app

    settings = Settings(api_keys=[ApiKey(name="cms", key=CMS_KEY),
                                  ApiKey(name="slow", key=SLOW_KEY, rate=0.5),
                                  ApiKey(name="logger", key=LOG_KEY)],
                        rate=1000, burst=3, access_log=True)
    with LiveServer(create_app(settings=settings, engine=engine)) as server:
        with httpx.Client(base_url=server.url, timeout=30) as client:
            yield client


def problem(r, status):
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    body = r.json()
    assert body["status"] == status and body["detail"] and "Traceback" not in r.text
    return body


def test_no_key_is_401_a_wrong_key_403(keyed):
    r = keyed.post("/v1/check", json=BODY)
    body = problem(r, 401)
    assert "X-API-Key" in body["detail"] and body["type"].endswith("/unauthorized")
    assert r.headers["www-authenticate"].startswith("Bearer")
    problem(keyed.post("/v1/check", json=BODY, headers={"x-api-key": CMS_KEY[:-1] + "X"}), 403)
    problem(keyed.get("/v1/rules", headers={"authorization": "Bearer nope-nope-nope-nope"}), 403)
    problem(keyed.get("/metrics"), 401)


def test_a_good_key_in_either_header_is_served(keyed):
    assert keyed.post("/v1/check", json=BODY, headers={"x-api-key": CMS_KEY}).status_code == 200
    r = keyed.post("/v1/batch", json={"articles": [BODY]},
                   headers={"authorization": f"Bearer {CMS_KEY}"})
    assert r.status_code == 200 and r.json()["results"][0]["claims"]


def test_health_page_and_docs_stay_open(keyed):
    for path in ("/healthz", "/readyz", "/", "/static/app.js", "/schema/openapi.json"):
        assert keyed.get(path).status_code == 200, path


def test_the_schema_declares_keys_and_refusals(keyed):
    schema = keyed.get("/schema/openapi.json").json()
    assert set(schema["components"]["securitySchemes"]) == {"ApiKey", "Bearer"}
    check = schema["paths"]["/v1/check"]["post"]
    assert check["security"] and {"401", "403", "429"} <= set(check["responses"])
    assert "security" not in schema["paths"]["/healthz"]["get"]


def test_rate_limit_per_key_with_retry_after(keyed):
    slow = {"x-api-key": SLOW_KEY}
    statuses = [keyed.get("/v1/rules/count.noun", headers=slow).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]  # a burst of 3, then 0.5 a second
    r = keyed.get("/v1/rules/count.noun", headers=slow)
    body = problem(r, 429)
    assert int(r.headers["retry-after"]) >= 1 and body["type"].endswith("/rate-limited")
    # Another key has its own bucket.
    assert keyed.get("/v1/rules/count.noun", headers={"x-api-key": CMS_KEY}).status_code == 200


def test_metrics_count_requests_claims_and_findings(keyed, seed_text):
    auth = {"x-api-key": CMS_KEY}
    keyed.post("/v1/check", json={"text": seed_text, "published": "2025-12-01"}, headers=auth)
    keyed.get("/no/such/page", headers=auth)
    r = keyed.get("/metrics", headers=auth)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/plain")
    text = r.text
    assert 'claims_http_requests_total{method="POST",route="/v1/check",status="200"}' in text
    assert 'route="unmatched",status="404"' in text
    assert 'claims_http_request_duration_seconds_bucket{le="0.05",route="/v1/check"}' in text
    assert 'claims_claims_total{rule="count.noun",verdict="consistent"}' in text
    assert ('claims_findings_total{rule="checks.count-matches-list",verdict="consistent"}'
            in text)


def test_access_log_is_one_json_line_per_request(keyed):
    from api.observe import JsonLines

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonLines())
    logger = logging.getLogger("claims.access")
    logger.addHandler(handler)
    try:
        keyed.post("/v1/check", json=BODY, headers={"x-api-key": LOG_KEY})
        keyed.get("/v1/rules/nope", headers={"x-api-key": LOG_KEY})
        keyed.get("/healthz")

        def mine():
            lines = [json.loads(x) for x in stream.getvalue().splitlines()]
            # Lines of earlier tests' requests may still arrive: keep this test's own.
            return ([e for e in lines if e["key"] == "logger"],
                    [e for e in lines if e["path"] == "/healthz"])

        # A line is written once its response has gone out: wait for them.
        deadline = time.monotonic() + 5
        while (len(mine()[0]) < 2 or not mine()[1]) and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        logger.removeHandler(handler)
    keyed_lines, health = mine()
    assert [(e["method"], e["route"], e["status"]) for e in keyed_lines] == [
        ("POST", "/v1/check", 200), ("GET", "/v1/rules/{rule_id}", 404)]
    assert health[0]["status"] == 200 and health[0]["key"] is None
    for e in keyed_lines + health:
        assert e["ms"] >= 0 and "ts" in e and e["client"] == "127.0.0.1"
        assert LOG_KEY not in json.dumps(e)


def test_every_key_is_compared_in_constant_time(monkeypatch):
    import hmac

    from api.security import KeyGuard

    calls = []
    real = hmac.compare_digest
    monkeypatch.setattr(hmac, "compare_digest", lambda a, b: calls.append(1) or real(a, b))
    guard = KeyGuard(Settings(api_keys=[ApiKey(name=f"k{i}", key=f"key-{i}-0123456789abcdef")
                                        for i in range(5)]))
    assert guard.identify("key-0-0123456789abcdef") == "k0"
    assert len(calls) == 5  # no early exit on a match
    assert guard.identify("key-0-0123456789abcdeX") is None


def test_keys_from_the_environment_and_a_file(monkeypatch, tmp_path):
    key_file = tmp_path / "keys"
    key_file.write_text("# newsroom keys\ncms:aaaaaaaaaaaaaaaaaaaa\n"
                        "batch:bbbbbbbbbbbbbbbbbbbb:600/minute  # the archive audit\n")
    monkeypatch.setenv("CLAIMS_API_KEYS", "plugin:cccccccccccccccccccc,dddddddddddddddddddd")
    monkeypatch.setenv("CLAIMS_API_KEYS_FILE", str(key_file))
    monkeypatch.setenv("CLAIMS_RATE_LIMIT", "120/minute")
    s = Settings.from_env()
    assert [k.name for k in s.api_keys][:1] == ["plugin"]
    assert s.api_keys[1].name.startswith("key-") and "dddd" not in s.api_keys[1].name
    assert [(k.name, k.rate) for k in s.api_keys[2:]] == [("cms", None), ("batch", 10.0)]
    assert s.rate == 2.0
    monkeypatch.setenv("CLAIMS_API_KEYS", "short")
    with pytest.raises(SettingsError, match="at least 16 characters"):
        Settings.from_env()
    monkeypatch.setenv("CLAIMS_API_KEYS", "")
    monkeypatch.setenv("CLAIMS_API_KEYS_FILE", str(tmp_path / "missing"))
    with pytest.raises(SettingsError, match="cannot read"):
        Settings.from_env()


def test_without_keys_it_runs_open(http):
    assert http.post("/v1/check", json=BODY).status_code == 200
    assert "securitySchemes" not in http.get("/schema/openapi.json").json().get("components", {})
