"""The OpenAPI document, with what Litestar's generator gets wrong put right."""

from __future__ import annotations

from typing import Any

from litestar import Litestar
from litestar._openapi.plugin import OpenAPIPlugin

from api.schemas import CLOSED_REQUESTS


def fix_schema(app: Litestar) -> None:
    schema = app.plugins.get(OpenAPIPlugin).provide_openapi_schema()
    close_request_schemas(schema)
    _merge_numbers(schema)


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
