"""GET /v1/rules and /v1/rules/{id}: what the server checks, with examples."""

from __future__ import annotations

from litestar import Controller, get
from litestar.di import NamedDependency
from litestar.params import FromPath

from api.problems import problem_spec
from api.schemas import RuleDetail, RuleSummary
from claims import Engine


def _summary(rule) -> dict:
    is_check = rule.kind == "check"
    return {
        "id": rule.id,
        "sort": "check" if is_check else "extraction",
        "kind": None if is_check else rule.kind,
        "check": rule.spec.check if is_check else None,
        "level": rule.level if is_check else None,
        "summary": rule.summary,
        "pack": rule.pack,
    }


class RulesController(Controller):
    path = "/v1/rules"
    tags = ["rules"]

    @get(operation_id="listRules", summary="List the rules the server runs")
    async def list_rules(self, engine: NamedDependency[Engine]) -> list[RuleSummary]:
        return [RuleSummary(**_summary(r)) for r in engine.rulebook.rules]

    @get(
        "/{rule_id:str}",
        operation_id="getRule",
        summary="One rule, with its examples",
        responses={404: problem_spec("No rule has this id.")},
    )
    async def get_rule(self, rule_id: FromPath[str], engine: NamedDependency[Engine]) -> RuleDetail:
        rule = engine.rulebook.get(rule_id)
        spec = rule.spec.model_dump(mode="json", by_alias=True, exclude_none=True)
        return RuleDetail(
            **_summary(rule),
            description=spec.get("description"),
            pattern=spec.get("pattern"),
            parse=spec.get("parse"),
            params=spec.get("params"),
            message=spec.get("message"),
            consistent_message=spec.get("consistent_message"),
            examples=spec["examples"],
        )
