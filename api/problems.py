"""Every error as RFC 9457 problem details, mapped in one place. Never a stack trace.

The same mapping serves whole responses and the per-article error lines of /v1/batch.
"""

from __future__ import annotations

import logging
from http import HTTPStatus

from litestar import Request, Response
from litestar.exceptions import (
    ClientException,
    HTTPException,
    NotFoundException,
    ValidationException,
)
from litestar.openapi import ResponseSpec
from pydantic import BaseModel, Field, ValidationError

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


class BatchProblem(Problem):
    """An article of a batch that could not be checked; the others are unaffected."""

    index: int = Field(description="Position of the article in the batch, from 0.")
    id: str | None = Field(default=None, description="The article's id, if it gave one.")


class BodyTooLarge(HTTPException):
    """A body over a limit the API enforces itself (while streaming it in)."""

    status_code = 413

    def __init__(self, limit: int):
        super().__init__(detail="request body too large")
        self.limit = limit


def problem_spec(description: str) -> ResponseSpec:
    """An OpenAPI response documented as problem details."""
    return ResponseSpec(Problem, description=description, media_type=MEDIA_TYPE,
                        generate_examples=False)


def body(status: int, slug: str, title: str, detail: str, **extra) -> dict:
    out = {"type": TYPE_BASE + slug, "title": title, "status": status, "detail": detail}
    out.update({k: v for k, v in extra.items() if v is not None})
    return out


def problem(status: int, slug: str, title: str, detail: str, headers=None, **extra) -> Response:
    return Response(content=body(status, slug, title, detail, **extra), status_code=status,
                    media_type=MEDIA_TYPE, headers=headers)


def _respond(content: dict, headers=None) -> Response:
    return Response(content=content, status_code=content["status"], media_type=MEDIA_TYPE,
                    headers=headers)


# -- the mapping ---------------------------------------------------------------------------

def invalid_json(reason: str) -> dict:
    return body(400, "invalid-json", "The body is not valid JSON",
                f"Send a JSON object such as {{\"text\": \"...\"}}; the parser said: {reason}.")


def invalid_request(errors: list[dict]) -> dict:
    detail = "; ".join(f"{e['field']}: {e['message']}" if e["field"] else e["message"]
                       for e in errors)
    return body(422, "invalid-request", "The request is not valid", detail, errors=errors)


def too_large(limit: int | None = None, what: str = "body") -> dict:
    limit_text = f" of {limit:,} bytes" if limit else ""
    return body(413, "body-too-large", f"The request {what} is too large",
                f"The {what} exceeds the server's limit{limit_text}; send smaller articles, or "
                "many articles as NDJSON to /v1/batch.", limit=limit)


def engine_error(exc: ClaimsError) -> dict:
    if isinstance(exc, ArticleTooLong):
        return body(422, "article-too-long", "The article is too long", str(exc),
                    limit=exc.limit, length=exc.length)
    if isinstance(exc, BudgetExceeded):
        return body(422, "time-budget-exceeded", "Checking took too long", str(exc),
                    budget_ms=exc.budget_ms)
    if isinstance(exc, UnknownRule):
        return body(404, "unknown-rule", "No such rule", str(exc))
    if isinstance(exc, InputError):
        return body(422, "invalid-article", "The article cannot be checked", str(exc))
    return body(400, "bad-request", "The request cannot be served", str(exc))


def internal_error() -> dict:
    return body(500, "internal-error", "Internal error",
                "The server failed on this request; it has been logged.")


def pydantic_errors(exc: ValidationError) -> list[dict]:
    """Pydantic's errors in the shape Litestar's validation errors get below."""
    return [_field_error({"key": ".".join(str(p) for p in e["loc"]) or None,
                          "message": e["msg"]}) for e in exc.errors()]


def _field_error(e: dict) -> dict:
    field, message = e.get("key"), e.get("message", "")
    if field in (None, "data"):  # the body as a whole
        return {"field": None, "message": "the body must be a JSON object such as "
                '{"text": "...", "published": "2025-12-01"}'}
    if field == "text" and "pattern" in message:
        return {"field": field, "message": "the article text is empty"}
    return {"field": field, "message": message.removeprefix("Value error, ")}


# -- exception handlers --------------------------------------------------------------------

def _validation(_: Request, exc: ValidationException) -> Response:
    extra = exc.extra if isinstance(exc.extra, list) else None
    if not extra:
        # msgspec/JSON decoding failed before any field was looked at.
        return _respond(invalid_json(str(exc.detail)))
    return _respond(invalid_request([_field_error(e) for e in extra]))


def _claims_error(_: Request, exc: ClaimsError) -> Response:
    return _respond(engine_error(exc))


def _http(_: Request, exc: HTTPException) -> Response:
    status = exc.status_code
    headers = getattr(exc, "headers", None)
    if status == 413:
        return _respond(too_large(getattr(exc, "limit", None)))
    if status == 400 and type(exc) is ClientException:
        # The body could not be decoded: Litestar raises this before any field is seen.
        return _respond(invalid_json(str(exc.detail)))
    if isinstance(exc, NotFoundException):
        return problem(404, "not-found", "Not found", exc.detail or "No such resource.")
    slug = getattr(exc, "slug", None) or f"http-{status}"
    return problem(status, slug, _title(status), exc.detail or _title(status), headers=headers)


def _internal(request: Request, exc: Exception) -> Response:
    log.exception("internal error on %s %s", request.method, request.url.path)
    return _respond(internal_error())


def _title(status: int) -> str:
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
