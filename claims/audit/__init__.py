"""Batch audits over archives: `claims audit INPUT... --out FILE`.

    from claims.audit import AuditOptions, run_audit
    result = run_audit(AuditOptions(inputs=["archive/*.jsonl"], out=Path("audit.jsonl")))

Modules, in the order an audit uses them: sources (what the inputs name), plan (the
partitions), readers/records/htmltext (a partition into Articles), work (a partition
checked on a worker), local/cluster (the two engines), journal (crash-safe, resumable
output), tally/summary/page (the totals, the printed summary, the HTML report), run (the
loop that ties them).
"""

from claims.audit.records import Fields
from claims.audit.run import AuditOptions, AuditResult, run_audit

__all__ = ["AuditOptions", "AuditResult", "Fields", "run_audit"]
