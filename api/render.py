"""Reports to bytes, in the representation the client asked for. Serialized once, by
pydantic's Rust serializer straight to bytes: no intermediate dicts."""

from __future__ import annotations

import datetime as dt
import json

from litestar import Request, Response

from api.schemas import CheckRequest
from claims.exports import claim_review
from claims.model.report import Report

JSON = "application/json"
JSON_LD = "application/ld+json"
NDJSON = "application/x-ndjson"
_to_json = Report.__pydantic_serializer__.to_json


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
