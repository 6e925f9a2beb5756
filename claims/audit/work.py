"""The work of one partition, the same on a local worker process and on a Dask worker.

A worker reads its partition itself (only the partition's small description travels to
it), checks every record with an engine compiled once per process, and sends back the
finished output lines as one UTF-8 block plus the partition's tally. So nothing big is
pickled per record, the JSON is made where the CPU is, and the single writer only appends
bytes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from claims.audit.plan import Partition
from claims.audit.readers import read_partition
from claims.audit.records import Fields
from claims.audit.tally import Tally


@dataclass(frozen=True)
class WorkSpec:
    """Everything a worker needs besides the partition. Small and picklable."""

    fields: Fields = Fields()
    rules_paths: tuple[str, ...] = ()
    keep: int = 100                 # flagged articles kept with their text, per partition


@dataclass
class PartResult:
    index: int
    data: bytes                     # the output lines, each ending in "\n"
    records: int
    tally: Tally
    version: str
    ruleset: str


@lru_cache(maxsize=4)
def engine_for(rules_paths: tuple[str, ...]):
    """The engine of this process: rules compiled on first use, then reused."""
    from claims.engine import Engine

    return Engine.load(list(rules_paths)) if rules_paths else Engine.default()


def warm(spec: WorkSpec) -> None:
    """Compile the rules now (a worker's initializer), not inside the first partition."""
    engine_for(spec.rules_paths)


def check_partition(part: Partition, spec: WorkSpec) -> PartResult:
    engine = engine_for(spec.rules_paths)
    tally = Tally(keep=spec.keep)
    lines: list[str] = []
    for n, item in enumerate(read_partition(part, spec.fields)):
        if item.error is None:
            try:
                report = engine.check(item.article)
            except Exception as exc:  # noqa: BLE001 - one bad article never stops an audit
                item.error = exc
            else:
                lines.append(report.model_dump_json())
                tally.add_report(report, item.article.text, (part.index, n))
                continue
        lines.append(error_line(item.id, item.error))
        tally.add_error(_code(item.error))
    data = ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
    return PartResult(part.index, data, len(lines), tally, engine.version, engine.ruleset)


def error_line(rid: str, exc: Exception) -> str:
    """The output line of a record that could not be checked: its id and the reason."""
    message = str(exc) if getattr(exc, "code", None) else f"{type(exc).__name__}: {exc}"
    return json.dumps({"article": {"id": rid}, "error": {"code": _code(exc), "message": message}},
                      ensure_ascii=False)


def _code(exc: Exception) -> str:
    # Engine errors (C1xx) and record errors (A1xx) carry a code; anything else is a bug: C000.
    code = getattr(exc, "code", None)
    return code if isinstance(code, str) else "C000"
