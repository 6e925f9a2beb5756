"""Reports to bytes, in the representation the client asked for. Serialized once, by
pydantic's Rust serializer straight to bytes: no intermediate dicts."""

from __future__ import annotations

import datetime as dt
import json

from litestar import Request, Response
from litestar.concurrency import sync_to_thread

from api.schemas import CheckRequest
from claims import Engine
from claims.exports import claim_review
from claims.model.article import Article, CheckOptions
from claims.model.report import Report

JSON = "application/json"
JSON_LD = "application/ld+json"
NDJSON = "application/x-ndjson"
_to_json = Report.__pydantic_serializer__.to_json


# Articles up to this many characters are checked on the event loop: a few milliseconds at
# most, and a hop to a thread (a GIL hand-off each way) costs more than that under load.
# Longer ones go to a thread so the loop keeps answering health checks meanwhile.
INLINE_CHARS = 16_000


async def run_check(engine: Engine, article: Article, options: CheckOptions) -> Report:
    if len(article.text) <= INLINE_CHARS:
        return engine.check(article, options)
    return await sync_to_thread(engine.check, article, options)


def report_bytes(report: Report) -> bytes:
    return _to_json(report)


def claimreview_bytes(report: Report, data: CheckRequest, reviewer: str) -> bytes:
    doc = claim_review(report, data.text, url=data.url, reviewer=reviewer,
                       reviewed=dt.datetime.now(dt.timezone.utc).date(), text_format=data.format)
    return json.dumps(doc, ensure_ascii=False).encode()


def wants_claimreview(request: Request, export: str) -> bool:
    """The `format` query parameter decides; otherwise the Accept header."""
    if export != "auto":
        return export == "claimreview"
    accept = request.headers.get("accept")
    return bool(accept) and request.accept.best_match([JSON, JSON_LD], default=JSON) == JSON_LD


def report_response(report: Report, data: CheckRequest, request: Request, export: str,
                    reviewer: str) -> Response:
    if wants_claimreview(request, export):
        return Response(claimreview_bytes(report, data, reviewer), media_type=JSON_LD)
    return Response(report_bytes(report), media_type=JSON)
