"""Schemathesis against the live OpenAPI schema the app serves, every operation."""

from __future__ import annotations

import json

import schemathesis
import schemathesis.config  # noqa: F401
from hypothesis import HealthCheck, settings

from api.app import create_app
from api.settings import Settings

APP = create_app(Settings(max_body_bytes=200_000, max_article_chars=50_000, access_log=False))
schema = schemathesis.openapi.from_asgi("/schema/openapi.json", APP)
# Valid data must be served, invalid data refused with a documented 4xx.
schema.config.generation.update(modes=list(schemathesis.GenerationMode))


@schemathesis.serializer("application/x-ndjson")
def to_ndjson(ctx, value):
    """NDJSON is a sequence of JSON values, one a line; nothing else has an NDJSON form."""
    if not isinstance(value, list):
        return None
    return b"".join(json.dumps(v).encode() + b"\n" for v in value)


@schemathesis.deserializer("application/x-ndjson")
def from_ndjson(ctx, response):
    return [json.loads(line) for line in response.content.splitlines() if line.strip()]


@schema.parametrize()
@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_every_operation_honours_its_schema(case):
    case.call_and_validate()
