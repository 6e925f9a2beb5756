"""GET /: the page where a fact-checker pastes an article and sees its claims."""

from __future__ import annotations

from pathlib import Path

from litestar import Controller, Response, get
from litestar.static_files import create_static_files_router

STATIC = Path(__file__).resolve().parent.parent / "static"


class PageController(Controller):
    include_in_schema = False

    @get("/", opt={"public": True}, cache=False)
    async def page(self) -> Response[bytes]:
        return Response((STATIC / "index.html").read_bytes(), media_type="text/html; charset=utf-8")


def static_router():
    return create_static_files_router(path="/static", directories=[STATIC], opt={"public": True},
                                      include_in_schema=False)
