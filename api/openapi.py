"""The OpenAPI document, with what Litestar's generator gets wrong put right."""

from __future__ import annotations

from typing import Any

from litestar import Litestar
from litestar._openapi.plugin import OpenAPIPlugin

from api.problems import BatchProblem
from api.schemas import CLOSED_REQUESTS


def fix_schema(app: Litestar) -> None:
    schema = app.plugins.get(OpenAPIPlugin).provide_openapi_schema()
    close_request_schemas(schema)
    _merge_numbers(schema)
    _query_parameters_are_never_null(schema)
    _add_alternative_representations(schema)
    _describe_batch(schema)
    _declare_security(schema, app)


def _operations(schema: dict):
    for path, item in schema.get("paths", {}).items():
        for method, op in item.items():
            if isinstance(op, dict) and "responses" in op:
                yield path, method, op


def _query_parameters_are_never_null(schema: dict) -> None:
    """An optional query parameter comes out as `type: [null, string]` with `null` in its
    enum; a query string cannot carry null, the parameter is simply left out."""
    for _, _, op in _operations(schema):
        for param in op.get("parameters", []):
            sub = param.get("schema", {})
            if param.get("in") == "query" and isinstance(sub.get("type"), list):
                types = [t for t in sub["type"] if t != "null"]
                sub["type"] = types[0] if len(types) == 1 else types
                if "enum" in sub:
                    sub["enum"] = [v for v in sub["enum"] if v is not None]


def _add_alternative_representations(schema: dict) -> None:
    """Representations a handler negotiates (JSON-LD beside JSON) that Litestar's generator
    cannot express from one return type."""
    for _, _, op in _operations(schema):
        for status, extra in ALTERNATIVES.get(op.get("operationId"), {}).items():
            response = op["responses"].setdefault(status, {"description": "OK"})
            response.setdefault("content", {}).update(extra)


_THING = {"type": "object", "required": ["@type", "name"],
          "properties": {"@type": {"enum": ["Person", "Organization"]}, "name": {"type": "string"}}}
CLAIM_REVIEW = {
    "type": "object",
    "description": "schema.org ClaimReview JSON-LD: one review per claim with a verdict.",
    "required": ["@context", "@graph"],
    "properties": {
        "@context": {"const": "https://schema.org"},
        "@graph": {"type": "array", "items": {
            "type": "object",
            "required": ["@type", "claimReviewed", "author", "reviewRating", "itemReviewed",
                         "reviewBody", "identifier"],
            "properties": {
                "@type": {"const": "ClaimReview"},
                "claimReviewed": {"type": "string", "description": "The sentence making the claim."},
                "author": _THING,
                "reviewRating": {
                    "type": "object",
                    "required": ["@type", "ratingValue", "bestRating", "worstRating",
                                 "alternateName"],
                    "properties": {
                        "@type": {"const": "Rating"},
                        "ratingValue": {"enum": [1, 2]},
                        "bestRating": {"const": 2},
                        "worstRating": {"const": 1},
                        "alternateName": {"type": "string"},
                    },
                },
                "itemReviewed": {
                    "type": "object", "required": ["@type", "appearance"],
                    "properties": {"@type": {"const": "Claim"}, "author": _THING,
                                   "datePublished": {"type": "string", "format": "date"},
                                   "appearance": {"type": "object"}},
                },
                "reviewBody": {"type": "string"},
                "identifier": {"type": "string", "description": "The claim's id in the Report."},
                "url": {"type": "string"},
                "datePublished": {"type": "string", "format": "date"},
            },
        }},
    },
}
ALTERNATIVES = {
    "checkArticle": {"200": {"application/ld+json": {"schema": CLAIM_REVIEW}}},
}


def close_request_schemas(schema: dict) -> None:
    """Request models forbid unknown fields (a typo like "pubished" is an error, not
    ignored); Litestar does not emit `additionalProperties: false` for them, so clients and
    schemathesis would believe extra fields are accepted."""
    components = schema.get("components", {}).get("schemas", {})
    for model in CLOSED_REQUESTS:
        if model.__name__ in components:
            components[model.__name__]["additionalProperties"] = False


def _merge_numbers(node: Any) -> None:
    """`int | float` comes out as oneOf integer/number, which no integer satisfies (it
    matches both); a JSON number is what is meant."""
    if isinstance(node, dict):
        options = node.get("oneOf")
        if isinstance(options, list) and {"type": "integer"} in options and {"type": "number"} in options:
            options.remove({"type": "integer"})
            if len(options) == 1:
                node.pop("oneOf")
                node.update(options[0])
        for value in node.values():
            _merge_numbers(value)
    elif isinstance(node, list):
        for value in node:
            _merge_numbers(value)


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _describe_batch(schema: dict) -> None:
    """/v1/batch reads its body as a stream (JSON or NDJSON), so Litestar sees no body
    type; say what goes in and what comes out. An article is documented as a CheckRequest
    but may be anything: one that is not valid gets its own problem details in the results
    (status 200), so the schema must not promise a 4xx for it."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components["BatchProblem"] = BatchProblem.model_json_schema(
        ref_template="#/components/schemas/{model}")
    article = {"anyOf": [_ref("CheckRequest"), {}],
               "description": "An article as for /v1/check; anything else gets a problem line."}
    result = {"anyOf": [_ref("Report"), _ref("BatchProblem")]}
    for path, method, op in _operations(schema):
        if op.get("operationId") != "checkBatch":
            continue
        op["requestBody"] = {"required": True, "content": {
            "application/json": {"schema": {
                "type": "object", "required": ["articles"], "additionalProperties": False,
                "properties": {"articles": {"type": "array", "items": article, "minItems": 1}},
            }},
            "application/x-ndjson": {"schema": {
                "type": "array", "items": article, "minItems": 1,
                "description": "One JSON article per line (NDJSON).",
            }},
        }}
        op["responses"]["200"] = {
            "description": "One result per article, in order: its Report or its problem.",
            "content": {
                "application/json": {"schema": {
                    "type": "object", "required": ["results"],
                    "properties": {"results": {"type": "array", "items": result}},
                }},
                "application/x-ndjson": {"schema": {
                    "type": "array", "items": result,
                    "description": "One JSON result per line (NDJSON).",
                }},
            },
        }


SECURITY_SCHEMES = {
    "ApiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
    "Bearer": {"type": "http", "scheme": "bearer"},
}


def _declare_security(schema: dict, app: Litestar) -> None:
    """With API keys configured, every operation but the health checks needs one and may
    answer 401, 403 or 429; without keys the service is open and says nothing of it."""
    settings = app.state["settings"]
    if not settings.api_keys:
        return
    public = {route.path for route in app.routes for handler in getattr(
        route, "route_handlers", ()) if handler.opt.get("public")}
    schema.setdefault("components", {})["securitySchemes"] = SECURITY_SCHEMES
    problem = {"application/problem+json": {"schema": _ref("Problem")}}
    for path, _, op in _operations(schema):
        if path in public:
            continue
        op["security"] = [{"ApiKey": []}, {"Bearer": []}]
        op["responses"].setdefault("401", {"description": "No API key was sent.",
                                           "content": problem})
        op["responses"].setdefault("403", {"description": "The API key is not accepted.",
                                           "content": problem})
        op["responses"].setdefault("429", {
            "description": "Too many requests for this key; see Retry-After.",
            "headers": {"Retry-After": {"schema": {"type": "integer"},
                                        "description": "Seconds to wait."}},
            "content": problem})
