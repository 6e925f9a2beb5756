"""Liveness, readiness and metrics."""

from __future__ import annotations

from litestar import Controller, Response, get
from litestar.di import NamedDependency

from api.metrics import CONTENT_TYPE, exposition
from api.schemas import Health, Ready
from claims import Engine


class HealthController(Controller):
    tags = ["health"]

    @get("/healthz", operation_id="health", summary="The process is up", opt={"public": True})
    async def health(self) -> Health:
        return Health()

    @get("/readyz", operation_id="ready", summary="The rules are loaded and checks can run",
         opt={"public": True})
    async def ready(self, engine: NamedDependency[Engine]) -> Ready:
        return Ready(version=engine.version, ruleset=engine.ruleset,
                     rules=len(engine.rulebook.rules))

    @get("/metrics", operation_id="metrics", summary="Prometheus metrics",
         description="Requests by route and status, latencies, articles checked, claims and "
         "findings by rule, in the Prometheus text format.", media_type=CONTENT_TYPE)
    async def metrics(self) -> Response[str]:
        return Response(exposition(), media_type=CONTENT_TYPE)
