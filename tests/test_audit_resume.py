"""Crash safety: a real `claims audit` process killed with SIGKILL halfway, then run again
with the same arguments, ends with every article exactly once; torn files are repaired."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from claims import Article
from claims.audit.journal import Journal, ResumeRefused
from claims.audit.tally import Tally
from tests.auditdata import articles, claims_cli, read_lines, write_jsonl
from tests.conftest import ROOT

COPIES = 40  # 16 articles x 40 = 640 records, two or three to a partition


def archive() -> list[dict]:
    base = articles()
    return [{**a, "id": f"{a['id']}~{k}"} for k in range(COPIES) for a in base]


def ledger_records(path) -> int:
    try:
        lines = path.read_text("utf-8").splitlines()[1:]
    except FileNotFoundError:
        return 0
    total = 0
    for line in lines:
        try:
            total += json.loads(line)["records"]
        except ValueError:
            break
    return total


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def start_audit(args: list[str], text: bool = False) -> subprocess.Popen:
    """`claims audit` in its own session, so the test can kill it and all it started."""
    return subprocess.Popen([sys.executable, "-m", "claims", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=text,
                            start_new_session=True)


def wait_for_ledger(proc: subprocess.Popen, ledger, records: int, before: str) -> None:
    """Until the running audit's ledger holds `records` articles."""
    deadline = time.monotonic() + 120
    while ledger_records(ledger) < records:
        assert proc.poll() is None, f"the audit finished before {before}"
        assert time.monotonic() < deadline, "the audit made no progress"
        time.sleep(0.005)


def test_sigkill_halfway_then_rerun_gives_every_article_exactly_once(tmp_path, engine):
    records = archive()
    src = write_jsonl(tmp_path / "archive.jsonl", records)
    out = tmp_path / "audit.jsonl"
    args = ["audit", str(src), "--out", str(out), "--workers", "1",
            "--partition-size", "6KB", "--no-progress"]
    proc = start_audit(args)
    ledger = tmp_path / "audit.jsonl.ledger"
    try:
        wait_for_ledger(proc, ledger, len(records) // 3, "it could be killed")
        os.kill(proc.pid, signal.SIGKILL)  # kill -9 of the audit itself, mid-run
        proc.wait(timeout=10)
        # Its worker processes notice their parent is gone and exit on their own.
        children = [int(p) for p in subprocess.run(
            ["pgrep", "-s", str(proc.pid)], capture_output=True, text=True).stdout.split()]
        deadline = time.monotonic() + 15
        while any(alive(p) for p in children) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(alive(p) for p in children), "orphaned workers kept running"
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    assert proc.returncode == -signal.SIGKILL
    assert not out.exists() and (tmp_path / "audit.jsonl.partial").exists()
    done_before = ledger_records(ledger)
    assert 0 < done_before < len(records)

    rerun = claims_cli(*args)
    assert rerun.returncode == 1, rerun.stderr  # the synthetic articles are inconsistent
    resumed = f"{len(records):,} lines, {done_before:,} of them from an interrupted run"
    assert resumed in rerun.stdout
    assert not (tmp_path / "audit.jsonl.partial").exists() and not ledger.exists()

    # Every article exactly once, in input order, each the engine's own report.
    alone = {a["id"]: json.loads(engine.check(Article(**a)).model_dump_json())
             for a in articles()}
    lines = read_lines(out)
    assert [x["article"]["id"] for x in lines] == [r["id"] for r in records]
    for line, record in zip(lines, records):
        want = alone[record["id"].rsplit("~", 1)[0]]
        assert line == {**want, "article": {**want["article"], "id": record["id"]}}
    # The summary counts the whole archive, the part done before the kill included.
    assert f"{len(records):,} articles checked, 0 records not checked" in rerun.stdout
    flagged = sum(any(f["verdict"] == "inconsistent" for f in r["findings"])
                  for r in alone.values())
    assert f"inconsistent findings in {flagged * COPIES} articles" in rerun.stdout


def worker_pids(parent: int) -> list[int]:
    """The audit's pool workers: spawned children running multiprocessing's spawn_main."""
    out = []
    for pid in subprocess.run(["pgrep", "-P", str(parent)], capture_output=True,
                              text=True).stdout.split():
        try:
            cmdline = open(f"/proc/{pid}/cmdline", "rb").read()
        except FileNotFoundError:
            continue
        if b"spawn_main" in cmdline:
            out.append(int(pid))
    return out


def test_a_killed_worker_stops_the_audit_with_a_message_and_the_rerun_finishes(tmp_path):
    records = archive()[: 16 * 20]
    src = write_jsonl(tmp_path / "archive.jsonl", records)
    out = tmp_path / "audit.jsonl"
    args = ["audit", str(src), "--out", str(out), "--workers", "2",
            "--partition-size", "6KB", "--no-progress"]
    proc = start_audit(args, text=True)
    ledger = tmp_path / "audit.jsonl.ledger"
    try:
        wait_for_ledger(proc, ledger, len(records) // 4, "a worker could be killed")
        victims = worker_pids(proc.pid)
        assert len(victims) == 2
        os.kill(victims[0], signal.SIGKILL)  # the OOM killer's way
        _, stderr = proc.communicate(timeout=60)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    assert proc.returncode == 2
    assert "a worker process died" in stderr and "run the same command again" in stderr
    assert "Traceback" not in stderr
    rerun = claims_cli(*args)
    assert rerun.returncode == 1, rerun.stderr
    assert "of them from an interrupted run" in rerun.stdout
    assert [x["article"]["id"] for x in read_lines(out)] == [r["id"] for r in records]


HEADER = {"inputs": ["a.jsonl"], "plan": "p1", "fields": {}, "input_format": None,
          "partition_size": 100, "version": "0", "ruleset": "r"}


def lines_of(i: int) -> bytes:
    return "".join(json.dumps({"article": {"id": f"{i}.{k}"}}) + "\n" for k in range(3)).encode()


def tally_of(n: int) -> Tally:
    t = Tally()
    t.articles = n
    return t


def test_a_torn_ledger_line_and_stray_output_are_cut_off(tmp_path):
    out = tmp_path / "o.jsonl"
    j = Journal(out, HEADER, keep=10).open()
    for i in range(3):
        j.commit(i, lines_of(i), 3, tally_of(3))
    j.close()
    # A crash while partition 3 was being written: some of its lines are on disk, and the
    # ledger line that would have followed is half there.
    with open(j.partial, "ab") as f:
        f.write(lines_of(3)[:50])
    with open(j.ledger_path, "ab") as f:
        f.write(b'{"p":3,"end":99')

    j = Journal(out, HEADER, keep=10).open()
    assert (j.done, j.records, j.tally.articles) == (3, 9, 9)
    assert j.partial.read_bytes() == b"".join(lines_of(i) for i in range(3))
    j.commit(3, lines_of(3), 3, tally_of(3))
    j.finish(parquet=False)
    ids = [x["article"]["id"] for x in read_lines(out)]
    assert ids == [f"{i}.{k}" for i in range(4) for k in range(3)]
    assert not j.ledger_path.exists()


def test_resuming_a_different_audit_is_refused_until_restart(tmp_path):
    out = tmp_path / "o.jsonl"
    j = Journal(out, HEADER, keep=10).open()
    j.commit(0, lines_of(0), 3, tally_of(3))
    j.close()
    with pytest.raises(ResumeRefused, match="the input files .* changed since it started; "
                       "run with --restart"):
        Journal(out, {**HEADER, "plan": "p2"}, keep=10).open()
    with pytest.raises(ResumeRefused, match="the rules changed"):
        Journal(out, {**HEADER, "ruleset": "r2"}, keep=10).open()
    j = Journal(out, {**HEADER, "plan": "p2"}, keep=10).open(restart=True)
    assert j.done == 0 and j.partial.read_bytes() == b""
    j.close()
