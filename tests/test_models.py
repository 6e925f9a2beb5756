"""The engine's fast-built reports are exactly what validation builds."""

from __future__ import annotations

from claims.model import Report


def test_fast_built_report_equals_a_validated_one(seed_report):
    data = seed_report.model_dump(mode="json")
    validated = Report.model_validate(data)
    assert validated.model_dump(mode="json") == data
    assert validated == Report.model_validate_json(seed_report.model_dump_json())
    # Every field is set, as validation would leave it.
    for claim in seed_report.claims:
        assert claim.model_fields_set == set(type(claim).model_fields)
