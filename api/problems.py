"""Every error as RFC 9457 problem details, mapped in one place. Never a stack trace."""

from __future__ import annotations

import logging

from litestar import Request, Response
from litestar.exceptions import (
    ClientException,
    HTTPException,
    NotFoundException,
    ValidationException,
)
from litestar.openapi import ResponseSpec
from litestar.status_codes import HTTP_500_INTERNAL_SERVER_ERROR
from pydantic import BaseModel, Field

from claims.errors import ArticleTooLong, BudgetExceeded, ClaimsError, InputError, UnknownRule

MEDIA_TYPE = "application/problem+json"
TYPE_BASE = "https://claims.dev/problems/"
log = logging.getLogger("claims.api")


class Problem(BaseModel):
    """RFC 9457 problem details."""

    type: str = Field(description="A URI naming the kind of problem.")
    title: str = Field(description="A short summary of the kind of problem.")
    status: int
    detail: str = Field(description="What went wrong with this request, and what to do.")
    errors: list[dict] | None = Field(default=None, description="Field-level problems, if any.")


def problem_spec(description: str) -> ResponseSpec:
    """An OpenAPI response documented as problem details."""
    return ResponseSpec(Problem, description=description, media_type=MEDIA_TYPE,
                        generate_examples=False)


def problem(status: int, slug: str, title: str, detail: str, headers=None, **extra) -> Response:
    body = {"type": TYPE_BASE + slug, "title": title, "status": status, "detail": detail}
    body.update({k: v for k, v in extra.items() if v is not None})
    return Response(content=body, status_code=status, media_type=MEDIA_TYPE, headers=headers)


def _validation(_: Request, exc: ValidationException) -> Response:
    extra = exc.extra if isinstance(exc.extra, list) else None
    if not extra:
        # msgspec/JSON decoding failed before any field was looked at.
        return problem(400, "invalid-json", "The body is not valid JSON",
                       f"Send a JSON object; the parser said: {exc.detail}.")
    errors = [_field_error(e) for e in extra]
    detail = "; ".join(f"{e['field']}: {e['message']}" if e["field"] else e["message"]
                       for e in errors)
    return problem(422, "invalid-request", "The request is not valid", detail, errors=errors)


def _field_error(e: dict) -> dict:
    field, message = e.get("key"), e.get("message", "")
    if field in (None, "data"):  # the body as a whole
        return {"field": None, "message": "the body must be a JSON object such as "
                '{"text": "...", "published": "2025-12-01"}'}
    if field == "text" and "pattern" in message:
        return {"field": field, "message": "the article text is empty"}
    return {"field": field, "message": message.removeprefix("Value error, ")}


def _claims_error(_: Request, exc: ClaimsError) -> Response:
    if isinstance(exc, ArticleTooLong):
        return problem(422, "article-too-long", "The article is too long", str(exc),
                       limit=exc.limit, length=exc.length)
    if isinstance(exc, BudgetExceeded):
        return problem(422, "time-budget-exceeded", "Checking took too long", str(exc),
                       budget_ms=exc.budget_ms)
    if isinstance(exc, UnknownRule):
        return problem(404, "unknown-rule", "No such rule", str(exc))
    if isinstance(exc, InputError):
        return problem(422, "invalid-article", "The article cannot be checked", str(exc))
    return problem(400, "bad-request", "The request cannot be served", str(exc))


def _http(_: Request, exc: HTTPException) -> Response:
    status = exc.status_code
    if status == 413:
        return problem(413, "body-too-large", "The request body is too large",
                       "The body exceeds the server's limit; send smaller articles or use "
                       "/v1/batch with NDJSON.")
    if status == 400 and type(exc) is ClientException:
        # The body could not be decoded: Litestar raises this before any field is seen.
        return problem(400, "invalid-json", "The body is not valid JSON",
                       f"Send one JSON object such as {{\"text\": \"...\"}}; the parser said: "
                       f"{exc.detail}.")
    if isinstance(exc, NotFoundException):
        return problem(404, "not-found", "Not found", exc.detail or "No such resource.")
    return problem(status, f"http-{status}", _title(status), exc.detail or _title(status),
                   headers=getattr(exc, "headers", None))


def _internal(request: Request, exc: Exception) -> Response:
    log.exception("internal error on %s %s", request.method, request.url.path)
    return problem(HTTP_500_INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                   "The server failed on this request; it has been logged.")


def _title(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


EXCEPTION_HANDLERS = {
    ValidationException: _validation,
    ClaimsError: _claims_error,
    HTTPException: _http,
    Exception: _internal,
}
