"""Crash-safe, resumable output: a journal of finished partitions beside the output file.

While an audit runs, its lines go to `OUT.partial`, and after each partition a line goes
to `OUT.ledger`: the partition's number, the size of `OUT.partial` once its lines were
written, and its tally. Each partition's lines are written and fsynced before its ledger
line, so whatever kills the process (SIGKILL, OOM, power), the ledger never names a
partition whose lines are not all on disk.

On the next run with the same arguments the ledger is read back; a torn last line is
dropped, `OUT.partial` is cut to the end of the last finished partition (lines past it
belong to a partition that will be done again), and the audit continues from the next
partition. So every record appears exactly once. The ledger's header holds what the output
depends on (inputs, rules, field mapping, partition size); when they changed, resuming is
refused with the reason, rather than mixing two audits in one file.

At the end `OUT.partial` becomes `OUT` by an atomic rename (JSONL) or is converted to
Parquet, and the ledger is removed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from claims.audit.tally import Tally
from claims.errors import InputError

LEDGER_VERSION = 1


class ResumeRefused(InputError):
    code = "A002"


class Journal:
    def __init__(self, out: Path, header: dict, keep: int):
        self.out = out
        self.partial = out.with_name(out.name + ".partial")
        self.ledger_path = out.with_name(out.name + ".ledger")
        self.header = {"claims_audit": LEDGER_VERSION, **header}
        self.keep = keep
        self.done = 0              # partitions finished, counting earlier runs
        self.records = 0           # records in OUT.partial
        self.tally = Tally(keep=keep)
        self._data = self._ledger = None

    # -- opening, resuming ------------------------------------------------------------

    def open(self, restart: bool = False) -> "Journal":
        self.out.parent.mkdir(parents=True, exist_ok=True)
        if restart:
            self._remove()
        entries, ledger_bytes = self._read_ledger()
        if entries is None or not self.partial.exists():
            self._remove()
            self._start()
            return self
        size = self.partial.stat().st_size
        valid = [e for e in entries if e["end"] <= size]
        if len(valid) < len(entries):  # cannot happen after fsync; be safe anyway
            ledger_bytes = None
        end = valid[-1]["end"] if valid else 0
        with open(self.partial, "r+b") as f:
            f.truncate(end)
        self._ledger = open(self.ledger_path, "r+b")
        if ledger_bytes is None:  # rewrite header and the valid entries
            self._ledger.truncate(0)
            self._ledger.write(_line(self.header))
            for e in valid:
                self._ledger.write(_line(e))
        else:
            self._ledger.truncate(ledger_bytes)  # drop a torn last line
        self._ledger.seek(0, os.SEEK_END)
        for e in valid:
            self.tally.merge(Tally.from_json(e["tally"], self.keep))
            self.records += e["records"]
        self.done = len(valid)
        self._data = open(self.partial, "ab")
        _sync(self._ledger)
        return self

    def _start(self) -> None:
        self._ledger = open(self.ledger_path, "wb")
        self._ledger.write(_line(self.header))
        _sync(self._ledger)
        self._data = open(self.partial, "wb")

    def _read_ledger(self):
        """(entries, byte length of the valid part), or (None, 0) when there is nothing to
        resume. Raises ResumeRefused when the ledger belongs to a different audit."""
        if not self.ledger_path.exists():
            return None, 0
        raw = self.ledger_path.read_bytes()
        lines = raw.split(b"\n")
        try:
            header = json.loads(lines[0])
        except ValueError:
            return None, 0  # torn before the header was whole: nothing was written
        self._check_header(header)
        entries, length = [], len(lines[0]) + 1
        for line in lines[1:]:
            if length + len(line) + 1 > len(raw):
                break  # no newline after it: a torn last line, even if it parses
            try:
                e = json.loads(line)
            except ValueError:
                break  # a torn last line
            if e.get("p") != len(entries):
                break
            entries.append(e)
            length += len(line) + 1
        return entries, length

    def _check_header(self, old: dict) -> None:
        for key, what in (("claims_audit", "the ledger format"), ("inputs", "the inputs"),
                          ("plan", "the input files (added, removed or changed)"),
                          ("fields", "the field mapping"), ("input_format", "--input-format"),
                          ("partition_size", "--partition-size"),
                          ("ruleset", "the rules"), ("version", "the claims version")):
            if old.get(key) != self.header.get(key):
                raise ResumeRefused(
                    f"{self.partial} holds an unfinished audit, but {what} changed since it "
                    f"started; run with --restart to discard it and start over")

    # -- writing ----------------------------------------------------------------------

    def commit(self, index: int, data: bytes, records: int, tally: Tally) -> None:
        """Append one finished partition: its lines first, durable, then its ledger line."""
        assert index == self.done, (index, self.done)
        self._data.write(data)
        _sync(self._data)
        self.tally.merge(tally)
        # Only flagged articles that made the overall ranking are worth keeping.
        ranked = {tuple(e["order"]) for e in self.tally.flagged}
        saved = tally.to_json()
        saved["flagged"] = [e for e in saved["flagged"] if tuple(e["order"]) in ranked]
        self.records += records
        self._ledger.write(_line({"p": index, "end": self._data.tell(), "records": records,
                                  "tally": saved}))
        _sync(self._ledger)
        self.done += 1

    def finish(self, parquet: bool) -> None:
        """Turn the journal into the output file, atomically; then drop the ledger."""
        self.close()
        if parquet:
            from claims.audit.parquet_out import jsonl_to_parquet

            tmp = self.out.with_name(self.out.name + ".tmp")
            jsonl_to_parquet(self.partial, tmp)
            os.replace(tmp, self.out)
            self.partial.unlink()
        else:
            os.replace(self.partial, self.out)
        self.ledger_path.unlink(missing_ok=True)

    def close(self) -> None:
        for f in (self._data, self._ledger):
            if f is not None and not f.closed:
                f.close()

    def _remove(self) -> None:
        self.partial.unlink(missing_ok=True)
        self.ledger_path.unlink(missing_ok=True)


def _line(obj: dict) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def _sync(f) -> None:
    f.flush()
    os.fsync(f.fileno())
