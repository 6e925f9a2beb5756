"""Liveness and readiness."""

from __future__ import annotations

from litestar import Controller, get
from litestar.di import NamedDependency

from api.schemas import Health, Ready
from claims import Engine


class HealthController(Controller):
    tags = ["health"]

    @get("/healthz", operation_id="health", summary="The process is up")
    async def health(self) -> Health:
        return Health()

    @get("/readyz", operation_id="ready", summary="The rules are loaded and checks can run")
    async def ready(self, engine: NamedDependency[Engine]) -> Ready:
        return Ready(version=engine.version, ruleset=engine.ruleset,
                     rules=len(engine.rulebook.rules))
