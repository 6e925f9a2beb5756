"""The Litestar application: a factory, thin controllers, one error map.

    uvicorn --factory api.app:create_app
"""

from __future__ import annotations

from litestar import Litestar
from litestar.config.cors import CORSConfig
from litestar.di import Provide
from litestar.openapi import OpenAPIConfig

from api.controllers.batch import BatchController
from api.controllers.check import CheckController
from api.controllers.health import HealthController
from api.controllers.page import PageController, static_router
from api.controllers.rules import RulesController
from api.observe import Observe, configure_logging
from api.openapi import fix_schema
from api.problems import EXCEPTION_HANDLERS
from api.security import guards
from api.settings import Settings
from claims import Engine
from claims.rulebook import load_rulebook, user_roots
from claims.version import __version__


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> Litestar:
    settings = settings or Settings.from_env()
    rulebook = engine.rulebook if engine is not None else load_rulebook(user_roots())
    # The service's own limits apply, whatever engine it was handed.
    engine = Engine(rulebook, max_chars=settings.max_article_chars, budget_ms=settings.budget_ms)
    engine.warm()  # patterns and units ready before the first request, not during it

    def provide_engine() -> Engine:
        return engine

    if settings.access_log:
        configure_logging()
    app = Litestar(
        route_handlers=[CheckController, BatchController, RulesController, HealthController,
                        PageController, static_router()],
        guards=guards(settings),
        # One dependency: with two, Litestar resolves them in a task group on every request.
        dependencies={"engine": Provide(provide_engine, use_cache=True, sync_to_thread=False)},
        exception_handlers=EXCEPTION_HANDLERS,
        request_max_body_size=settings.max_body_bytes,
        cors_config=CORSConfig(allow_origins=settings.cors_origins) if settings.cors_origins else None,
        openapi_config=OpenAPIConfig(
            title="claims",
            version=__version__,
            description="Finds quantitative and attributional claims in news articles and "
            "checks each article against itself.",
        ),
        state={"settings": settings},
        on_startup=[fix_schema],
    )
    # Litestar runs middleware only on matched routes; wrap the whole handler so 404s are
    # logged and counted too (as Litestar's own OpenTelemetry plugin does).
    app.asgi_handler = Observe(app.asgi_handler, log=settings.access_log)
    return app
