"""POST /v1/batch: many articles in one call, JSON or NDJSON, results streamed in order."""

from __future__ import annotations

from litestar import Controller, Request, post
from litestar.di import NamedDependency
from litestar.response import Stream

from api.batch import batch_stream
from api.problems import problem_spec
from api.settings import settings_of
from claims import Engine


class BatchController(Controller):
    path = "/v1/batch"
    tags = ["check"]

    @post(
        operation_id="checkBatch",
        summary="Check many articles",
        description="A JSON body {\"articles\": [...]} or NDJSON (one article per line, "
        "Content-Type: application/x-ndjson) for audits too big for one body. Results come "
        "in the order sent, streamed: each article's Report, or its problem details with "
        "`index` and `id`. NDJSON out for NDJSON in, or when Accept asks for it.",
        status_code=200,
        request_max_body_size=None,  # NDJSON is spooled under its own, larger limit
        responses={
            400: problem_spec("The JSON body is not valid JSON."),
            413: problem_spec("The body is larger than the server accepts."),
            422: problem_spec("The JSON body is not an object with a list of articles."),
        },
    )
    async def batch(self, request: Request, engine: NamedDependency[Engine]) -> Stream:
        lines, media_type = await batch_stream(request, engine, settings_of(request))
        return Stream(lines, media_type=media_type)
