"""POST /v1/check: one article in, one Report out."""

from __future__ import annotations

from litestar import Controller, post
from litestar.di import NamedDependency
from litestar.params import JSONBody

from api.problems import problem_spec
from api.schemas import CheckRequest
from claims import CheckOptions, Engine
from claims.model.article import Article
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
        description="Finds the article's claims, checks it against itself and returns the Report.",
        status_code=200,
        responses=PROBLEMS,
        sync_to_thread=True,
    )
    def check(self, data: JSONBody[CheckRequest], engine: NamedDependency[Engine]) -> Report:
        article = Article(**data.model_dump(include={"text", "id", "title", "published", "format"}))
        options = CheckOptions(offsets=data.offsets, rules=data.rules, skip_rules=data.skip_rules)
        return engine.check(article, options)
