"""The Dask engine on a real LocalCluster of worker processes writes the same output as
the local engine, record for record, and resumes the local engine's unfinished runs."""

from __future__ import annotations

import dask.distributed as distributed  # the audit extra: make setup installs it
import pytest

from claims.audit import AuditOptions, run_audit
from claims.audit.journal import Journal
from tests.auditdata import articles, claims_cli, html_page, read_lines, write_jsonl, write_parquet


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address="127.0.0.1:0") as c:
        yield c


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """A mixed archive: two JSONL files (one cut into blocks), Parquet, and HTML pages."""
    tmp = tmp_path_factory.mktemp("archive")
    base = articles()
    records = [{**a, "id": f"{a['id']}~{k}"} for k in range(3) for a in base]
    (tmp / "jsonl").mkdir()
    write_jsonl(tmp / "jsonl" / "2024-01.jsonl", records[:30])
    write_jsonl(tmp / "jsonl" / "2024-02.jsonl", records[30:40] + [{"id": "empty", "text": ""}])
    write_parquet(tmp / "rest.parquet", records[40:], row_group_size=3)
    (tmp / "pages").mkdir()
    for i, a in enumerate(base[5:10]):
        (tmp / "pages" / f"story-{i}.html").write_text(html_page(a), "utf-8")
    inputs = [f"file://{tmp}/jsonl/*.jsonl", str(tmp / "rest.parquet"), str(tmp / "pages")]
    return tmp, inputs, len(records) + 1 + 5


def test_dask_output_equals_the_local_output_record_for_record(tmp_path, cluster, archive):
    _, inputs, n = archive
    common = ["--partition-size", "12KB", "--no-progress"]
    local = claims_cli("audit", *inputs, "--out", tmp_path / "local.jsonl", "--workers", "2",
                       *common)
    dask = claims_cli("audit", *inputs, "--out", tmp_path / "dask.jsonl", "--engine", "dask",
                      "--scheduler", cluster.scheduler_address, *common)
    assert local.returncode == dask.returncode == 1, local.stderr + dask.stderr
    assert "dask engine, 2 workers" in dask.stdout
    local_lines = read_lines(tmp_path / "local.jsonl")
    dask_lines = read_lines(tmp_path / "dask.jsonl")
    assert len(local_lines) == len(dask_lines) == n
    for a, b in zip(local_lines, dask_lines):
        assert a == b
    assert (tmp_path / "local.jsonl").read_bytes() == (tmp_path / "dask.jsonl").read_bytes()
    # And the same summary, down to the ranking of the worst articles.
    assert local.stdout.split("\n\n")[:-1] == dask.stdout.split("\n\n")[:-1]


def test_the_dask_engine_resumes_an_interrupted_local_run(tmp_path, cluster, archive,
                                                        monkeypatch):
    _, inputs, n = archive
    opts = dict(inputs=inputs, partition_size=12_000, progress=False)
    run_audit(AuditOptions(out=tmp_path / "full.jsonl", workers=2, **opts))
    out = tmp_path / "o.jsonl"
    commit = Journal.commit

    def interrupted(self, index, *args):
        if index == 3:
            raise KeyboardInterrupt  # Ctrl-C after three partitions
        return commit(self, index, *args)

    monkeypatch.setattr(Journal, "commit", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run_audit(AuditOptions(out=out, workers=2, **opts))
    monkeypatch.undo()
    assert not out.exists() and (tmp_path / "o.jsonl.partial").exists()
    resumed = run_audit(AuditOptions(out=out, engine="dask", scheduler=cluster.scheduler_address,
                                     **opts))
    assert 0 < resumed.resumed < n and resumed.engine == "dask"
    assert out.read_bytes() == (tmp_path / "full.jsonl").read_bytes()


REACTORS = """summary: Reactors counted.
pattern: '{number:num}\\s+reactors'
priority: 5
parse:
  number: num
value:
  noun: reactors
examples:
  match:
    - text: 'It runs [[four reactors]].'
      value: {value: 4}
  no_match:
    - 'No reactor.'
"""


def test_workers_with_other_rules_stop_the_audit(tmp_path):
    """A cluster whose workers load an extra rule pack must not mix its verdicts in."""
    pack = tmp_path / "pack" / "count"
    pack.mkdir(parents=True)
    (pack / "reactors.yml").write_text(REACTORS, "utf-8")
    src = write_jsonl(tmp_path / "a.jsonl", articles()[:3])
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                  dashboard_address="127.0.0.1:0",
                                  env={"CLAIMS_RULES_PATH": str(tmp_path / "pack")}) as c:
        run = claims_cli("audit", src, "--out", tmp_path / "o.jsonl", "--engine", "dask",
                         "--scheduler", c.scheduler_address, "--no-progress")
    assert run.returncode == 2
    assert "a worker checks with other rules" in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "o.jsonl").exists()
