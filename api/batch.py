"""POST /v1/batch: many articles in, one result each out, in order, streamed.

Two ways in:
  * application/json: {"articles": [ {...}, ... ]} — one body, under the body limit.
  * application/x-ndjson: one article (a CheckRequest) per line, for audits too big for
    one body. The body is spooled (to disk past a few MB, never held whole in memory) up
    to CLAIMS_MAX_BATCH_BYTES before the first result goes out, so a client that uploads
    everything before reading cannot deadlock against the results.
Out: NDJSON (one line per article) or one JSON document {"results": [...]}, chosen by
Accept, defaulting to the form that came in. Each result is the article's Report, or its
problem details with `index` and `id`: one bad article never spoils the rest.
"""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import AsyncIterator, Iterator
from tempfile import SpooledTemporaryFile

from litestar import Request
from litestar.concurrency import sync_to_thread
from litestar.exceptions import ValidationException
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from api import problems
from api.metrics import observe_report
from api.render import INLINE_CHARS, JSON, NDJSON, report_bytes
from api.schemas import SEED_EXAMPLE, CheckRequest
from api.settings import Settings
from claims import Engine
from claims.errors import ClaimsError

NDJSON_TYPES = frozenset((NDJSON, "application/jsonl", "application/x-jsonlines",
                          "application/jsonlines"))
SPOOL_IN_MEMORY = 4 * 1024 * 1024
log = logging.getLogger("claims.api")
_END = object()


class BatchRequest(BaseModel):
    """Many articles in one JSON body; each is checked (or refused) on its own."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={
        "examples": [{"articles": [dict(SEED_EXAMPLE, id="a1"), {"text": "Sales rose 5%.",
                                                                 "id": "a2"}]}]})

    articles: list = Field(min_length=1, description="Articles, each a CheckRequest object; one that is not "
                           "valid gets its own problem details in the results.")


def wants_ndjson(request: Request) -> tuple[bool, bool]:
    """(the body is NDJSON, the answer should be NDJSON)."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    ndjson_in = content_type in NDJSON_TYPES
    default = NDJSON if ndjson_in else JSON
    accept = request.headers.get("accept")
    out = request.accept.best_match([default, NDJSON if default == JSON else JSON],
                                    default=default) if accept else default
    return ndjson_in, out == NDJSON


async def read_json_batch(request: Request, limit: int) -> list:
    raw = bytearray()
    async for chunk in request.stream():
        raw += chunk
        if len(raw) > limit:
            raise problems.BodyTooLarge(limit)
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ValidationException(detail=str(exc)) from None
    if not isinstance(data, dict):
        raise ValidationException(extra=[{"key": "body", "message": "the body must be a JSON "
                                          'object such as {"articles": [{"text": "..."}]}'}])
    try:
        return BatchRequest.model_validate(data).articles
    except ValidationError as exc:
        raise ValidationException(extra=[
            {"key": ".".join(str(p) for p in e["loc"]) or None, "message": e["msg"]}
            for e in exc.errors()]) from None


async def spool_ndjson(request: Request, limit: int) -> SpooledTemporaryFile:
    spool = SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)
    size = 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise problems.BodyTooLarge(limit)
            spool.write(chunk)
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    return spool


def ndjson_lines(spool, line_limit: int) -> Iterator[bytes | None]:
    """Each non-blank line; None for a line over the limit (skipped without reading it
    into memory whole)."""
    with spool:
        while True:
            line = spool.readline(line_limit + 1)
            if not line:
                return
            if len(line) > line_limit and not line.endswith(b"\n"):
                while (rest := spool.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass
                yield None
                continue
            if line.strip():
                yield line


def _size(item) -> int:
    if isinstance(item, (bytes, bytearray)):
        return len(item)
    if isinstance(item, dict) and isinstance(item.get("text"), str):
        return len(item["text"])
    return 0


def _item_id(item) -> str | None:
    return item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else None


def check_one(engine: Engine, item, index: int, line_limit: int) -> bytes:
    """One article to the bytes of its result: a Report or problem details."""
    if item is None:
        problem = problems.too_large(line_limit, what="line")
    elif isinstance(item, (bytes, bytearray)):
        try:
            item = json.loads(item)
        except (ValueError, UnicodeDecodeError) as exc:
            return _problem_bytes(problems.invalid_json(str(exc)), index, None)
        return check_one(engine, item, index, line_limit)
    else:
        try:
            request = CheckRequest.model_validate(item)
            report = engine.check(request.article(), request.options())
            observe_report(report)
            return report_bytes(report)
        except ValidationError as exc:
            problem = problems.invalid_request(problems.pydantic_errors(exc))
        except ClaimsError as exc:
            problem = problems.engine_error(exc)
        except Exception:  # noqa: BLE001 - one article must not end the stream
            log.exception("internal error on batch article %d", index)
            problem = problems.internal_error()
    return _problem_bytes(problem, index, _item_id(item))


def _problem_bytes(problem: dict, index: int, item_id: str | None) -> bytes:
    problem["index"] = index
    problem["id"] = item_id
    return json.dumps(problem, ensure_ascii=False).encode()


async def results(engine: Engine, items, line_limit: int, ndjson_out: bool) -> AsyncIterator[bytes]:
    if not ndjson_out:
        yield b'{"results":['
    for index, item in enumerate(items):
        if _size(item) <= INLINE_CHARS:
            line = check_one(engine, item, index, line_limit)
        else:
            line = await sync_to_thread(check_one, engine, item, index, line_limit)
        if ndjson_out:
            yield line + b"\n"
        else:
            yield (b"," if index else b"") + line
    if not ndjson_out:
        yield b"]}"


async def batch_stream(request: Request, engine: Engine, settings: Settings):
    ndjson_in, ndjson_out = wants_ndjson(request)
    if ndjson_in:
        spool = await spool_ndjson(request, settings.max_batch_bytes)
        lines = ndjson_lines(spool, settings.max_body_bytes)
        first = next(lines, _END)
        if first is _END:
            raise ValidationException(extra=[{"key": "body", "message": "the batch has no "
                                              "articles: send one JSON article per line"}])
        items = itertools.chain((first,), lines)
    else:
        items = await read_json_batch(request, settings.max_body_bytes)
    return results(engine, items, settings.max_body_bytes, ndjson_out), (
        NDJSON if ndjson_out else JSON)
