"""POST /v1/check: one article in, one Report (or its ClaimReview export) out."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, Request, Response, post
from litestar.di import NamedDependency
from litestar.params import JSONBody, QueryParameter

from api.metrics import observe_report
from api.problems import problem_spec
from api.render import report_response, run_check
from api.schemas import CheckRequest, ExportFormat
from api.settings import settings_of
from claims import Engine
from claims.model.report import Report

PROBLEMS = {
    400: problem_spec("The body is not valid JSON."),
    413: problem_spec("The body is larger than the server accepts."),
    422: problem_spec("The request or the article is not valid, or took too long to check."),
}


class CheckController(Controller):
    path = "/v1/check"
    tags = ["check"]

    @post(
        operation_id="checkArticle",
        summary="Check one article",
        description="Finds the article's claims, checks it against itself and returns the "
        "Report; with `Accept: application/ld+json` or `?format=claimreview`, the claims that "
        "have a verdict as schema.org ClaimReview JSON-LD.",
        status_code=200,
        responses=PROBLEMS,
    )
    async def check(
        self,
        data: JSONBody[CheckRequest],
        engine: NamedDependency[Engine],
        request: Request,
        export: Annotated[ExportFormat, QueryParameter(
            name="format", description="'json' (the Report), 'claimreview' (JSON-LD) or 'auto' "
            "(by the Accept header).")] = "auto",
    ) -> Response[Report]:
        report = await run_check(engine, data.article(), data.options())
        observe_report(report)
        return report_response(report, data, request, export, settings_of(request).reviewer)
