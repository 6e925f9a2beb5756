"""POST /v1/batch over real HTTP: order and ids kept, one bad article its own problem."""

from __future__ import annotations

import json

import httpx
import pytest

from tests.conftest import SEED_PUBLISHED, LiveServer

NDJSON = {"content-type": "application/x-ndjson"}


def ndjson(items) -> bytes:
    return b"".join((i if isinstance(i, bytes) else json.dumps(i).encode()) + b"\n" for i in items)


def lines(response) -> list[dict]:
    return [json.loads(x) for x in response.text.splitlines()]


def is_problem(result, index, status, item_id=None):
    assert result["index"] == index and result["status"] == status, result
    assert result["id"] == item_id
    assert {"type", "title", "detail"} <= set(result)


def test_json_batch_keeps_order_and_ids(http, seed_text):
    articles = [
        {"id": "a1", "text": seed_text, "published": SEED_PUBLISHED},
        {"id": "a2", "text": "   "},
        {"id": "a3", "text": "Sales rose 5% to $2.4bn.", "colour": "red"},
        "not an article",
        {"id": "a5", "text": "<p>Revenue fell <b>12%</b>.</p>", "format": "html"},
    ]
    r = http.post("/v1/batch", json={"articles": articles})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    results = r.json()["results"]
    assert len(results) == 5
    single = http.post("/v1/check", json=articles[0]).json()
    assert results[0] == single and results[0]["article"]["id"] == "a1"
    is_problem(results[1], 1, 422, "a2")
    assert "empty" in results[1]["detail"]
    is_problem(results[2], 2, 422, "a3")
    assert results[2]["errors"][0]["field"] == "colour"
    is_problem(results[3], 3, 422, None)
    assert results[4]["article"]["id"] == "a5"
    assert [c["text"] for c in results[4]["claims"]] == ["12%"]


def test_ndjson_in_and_out_streams_one_line_per_article(http, seed_text, seed_report):
    body = ndjson([
        {"id": "n1", "text": "Sales rose 5% to $2.4bn.", "offsets": "utf16"},
        b'{"id": "n2", "text": ',                        # not JSON
        [1, 2, 3],                                        # not an object
        {"id": "n4", "text": "word " * 12_000},           # over the article limit
        b"",                                              # blank lines are skipped
        {"id": "n5", "text": seed_text, "published": SEED_PUBLISHED},
    ])
    with http.stream("POST", "/v1/batch", content=body, headers=NDJSON) as r:
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("application/x-ndjson")
        assert r.headers.get("transfer-encoding") == "chunked"
        out = [json.loads(line) for line in r.iter_lines() if line]
    assert len(out) == 5
    assert out[0]["article"]["id"] == "n1" and out[0]["article"]["offsets"] == "utf16"
    is_problem(out[1], 1, 400, None)
    is_problem(out[2], 2, 422, None)
    is_problem(out[3], 3, 422, "n4")
    assert out[3]["limit"] == 50_000
    assert out[4]["article"]["id"] == "n5" and out[4]["summary"]["claims"] == seed_report.summary.claims


def test_an_audit_bigger_than_one_body_goes_through_as_ndjson(http, seed_text):
    n = 60  # 60 seed articles: larger than the 200 kB body limit of /v1/check here
    body = ndjson({"id": f"s{i}", "text": seed_text, "published": SEED_PUBLISHED}
                  for i in range(n))
    assert len(body) > 200_000
    assert http.post("/v1/check", content=body, headers={"content-type": "application/json"}
                     ).status_code == 413
    r = http.post("/v1/batch", content=body, headers=NDJSON, timeout=120)
    assert r.status_code == 200
    out = lines(r)
    assert [o["article"]["id"] for o in out] == [f"s{i}" for i in range(n)]
    assert len({json.dumps(o["claims"]) for o in out}) == 1


def test_accept_picks_the_output_form(http):
    r = http.post("/v1/batch", json={"articles": [{"text": "Sales rose 5%."}, {"text": ""}]},
                  headers={"accept": "application/x-ndjson"})
    assert r.headers["content-type"].startswith("application/x-ndjson")
    out = lines(r)
    assert out[0]["claims"][0]["text"] == "5%"
    is_problem(out[1], 1, 422)
    r = http.post("/v1/batch", content=ndjson([{"text": "Sales rose 5%."}]),
                  headers={**NDJSON, "accept": "application/json"})
    assert r.json()["results"][0]["claims"][0]["text"] == "5%"


@pytest.mark.parametrize(("body", "headers", "status"), [
    (b"", NDJSON, 422),
    (b"\n  \n", NDJSON, 422),
    (b'{"articles": []}', {}, 422),
    (b'{"articles": "x"}', {}, 422),
    (b'[{"text": "x"}]', {}, 422),
    (b'{"articles": [', {}, 400),
])
def test_a_batch_that_is_not_one_is_refused(http, body, headers, status):
    r = http.post("/v1/batch", content=body,
                  headers={"content-type": "application/json", **headers})
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")


@pytest.fixture(scope="module")
def small_server(engine):
    from api.app import create_app
    from api.settings import Settings

    settings = Settings(max_body_bytes=5_000, max_batch_bytes=20_000, access_log=False)
    with LiveServer(create_app(settings=settings, engine=engine)) as server:
        yield server


def test_limits_of_a_batch(small_server):
    with httpx.Client(base_url=small_server.url) as client:
        big_line = {"id": "big", "text": "Sales rose 5%. " * 400}
        r = client.post("/v1/batch", content=ndjson([{"id": "ok", "text": "It rose 5%."},
                                                      big_line, {"id": "ok2", "text": "1 in 3"}]),
                        headers=NDJSON)
        out = lines(r)
        assert out[0]["article"]["id"] == "ok" and out[2]["article"]["id"] == "ok2"
        is_problem(out[1], 1, 413, None)  # the line was not read, so its id is unknown
        too_big = ndjson([{"text": "Sales rose 5%. " * 200}] * 8)
        r = client.post("/v1/batch", content=too_big, headers=NDJSON)
        assert r.status_code == 413 and r.json()["limit"] == 20_000
        r = client.post("/v1/batch", json={"articles": [{"text": "x " * 3000}]})
        assert r.status_code == 413
