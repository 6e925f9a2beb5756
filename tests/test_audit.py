"""`claims audit`: every input format, field mapping, ids, bad records, outputs, summary,
progress and the HTML report, with the real engine and real worker processes."""

from __future__ import annotations

import io
import json
import re

import pytest

from claims import Article
from claims.audit import AuditOptions, Fields, run_audit
from claims.audit.plan import plan_source
from claims.audit.progress import Progress
from claims.audit.sources import expand
from tests.auditdata import (
    articles, claims_cli, html_page, read_lines, write_csv, write_jsonl, write_parquet,
)


def audit(tmp_path, inputs, out="out.jsonl", **kw):
    opts = AuditOptions(inputs=[str(i) for i in inputs], out=tmp_path / out, workers=2,
                        progress=False, **kw)
    return run_audit(opts)


def by_id(lines):
    return {line["article"]["id"]: line for line in lines}


@pytest.fixture(scope="module")
def corpus():
    return articles()


@pytest.fixture(scope="module")
def expected(engine, corpus):
    """What the engine says of each article, checked one by one in this process."""
    return {a["id"]: json.loads(engine.check(Article(**a)).model_dump_json()) for a in corpus}


@pytest.fixture(scope="module")
def jsonl_run(tmp_path_factory, corpus):
    tmp = tmp_path_factory.mktemp("jsonl")
    src = write_jsonl(tmp / "archive.jsonl", corpus)
    # Small partitions: the file is cut into several blocks, checked by two workers.
    result = audit(tmp, [src], partition_size=8_000, report=tmp / "report.html", keep=10)
    return tmp, result


def test_jsonl_gives_one_report_per_article_in_input_order(jsonl_run, corpus, expected):
    tmp, result = jsonl_run
    lines = read_lines(tmp / "out.jsonl")
    assert [line["article"]["id"] for line in lines] == [a["id"] for a in corpus]
    assert result.partitions > 3 and result.records == len(corpus)
    for line in lines:  # the same Report as the engine (and the API) give, article id included
        assert line == expected[line["article"]["id"]]
    assert not (tmp / "out.jsonl.partial").exists() and not (tmp / "out.jsonl.ledger").exists()


def wrong(report: dict) -> int:
    return sum(f["verdict"] == "inconsistent" for f in report["findings"])


def test_summary_counts_and_ranks_the_inconsistent_articles(jsonl_run, corpus, expected):
    _, result = jsonl_run
    t = result.tally
    findings = [f for r in expected.values() for f in r["findings"]]
    assert t.articles == len(expected) and t.errors == 0
    assert t.claims == sum(len(r["claims"]) for r in expected.values())
    assert t.inconsistent == sum(map(wrong, expected.values())) >= 3
    assert t.consistent == sum(f["verdict"] == "consistent" for f in findings)
    assert t.inconsistent_by_rule["checks.count-matches-list"] >= 3
    # Most inconsistent first, ties in input order; the run keeps the first ten.
    order = [a["id"] for a in corpus]
    flagged = sorted((rid for rid in order if wrong(expected[rid])),
                     key=lambda rid: (-wrong(expected[rid]), order.index(rid)))
    assert t.flagged_articles == len(flagged)
    assert [e["id"] for e in t.flagged] == flagged[:10]
    assert {"synthetic:wrong-twice", "synthetic:wrong-count"} <= set(flagged[:10])
    assert t.inconsistent_by_month["2024-05"] == 2 and t.inconsistent_by_month["2024-03"] == 1


def test_every_format_gives_the_same_reports(tmp_path, engine, corpus, expected):
    write_csv(tmp_path / "a.csv", corpus)
    write_parquet(tmp_path / "a.parquet", corpus, row_group_size=4)
    docs = tmp_path / "docs"
    docs.mkdir()
    for i, a in enumerate(corpus[:6]):
        (docs / f"{i:02d}.txt").write_text(a["text"], "utf-8")
    (docs / "06.md").write_text(corpus[6]["text"], "utf-8")
    (docs / "07.html").write_text(html_page(corpus[7]), "utf-8")
    (docs / "notes.png").write_bytes(b"\x89PNG")  # not an input format: skipped in a folder
    result = audit(tmp_path, [tmp_path / "a.csv", tmp_path / "a.parquet", docs],
                   partition_size=4_000)
    lines = read_lines(tmp_path / "out.jsonl")
    n = len(corpus)
    assert result.records == len(lines) == 2 * n + 8
    for line in lines[: 2 * n]:  # CSV, then Parquet (4 row groups)
        assert line == expected[line["article"]["id"]]
    docs_lines = lines[2 * n:]
    assert [d["article"]["id"] for d in docs_lines] == [f"{i:02d}.txt" for i in range(6)] + [
        "06.md", "07.html"]
    for i, line in enumerate(docs_lines[:7]):  # a bare text file has no date, no title
        alone = engine.check(Article(text=corpus[i]["text"], id=line["article"]["id"],
                                     format="markdown" if i == 6 else "text"))
        assert line == json.loads(alone.model_dump_json())
    # The HTML page is reduced to its story: the nav and footer are gone, title and date kept.
    page = docs_lines[7]
    assert page["article"]["title"] == "Allies meet"
    assert page["article"]["published"] == "2024-03-05"
    assert [f["verdict"] for f in page["findings"]] == ["inconsistent"]
    assert not any("Copyright" in c["text"] or "Home" in c["text"] for c in page["claims"])


def test_fsspec_urls_and_globs_are_inputs(tmp_path, corpus, expected):
    arch = tmp_path / "archive"
    arch.mkdir()
    write_jsonl(arch / "2024-01.jsonl", corpus[:5])
    write_jsonl(arch / "2024-02.jsonl", corpus[5:9])
    (arch / "README").write_text("not matched by the glob")
    result = audit(tmp_path, [f"file://{arch}/*.jsonl"])
    lines = read_lines(tmp_path / "out.jsonl")
    assert [line["article"]["id"] for line in lines] == [a["id"] for a in corpus[:9]]
    assert all(line == expected[line["article"]["id"]] for line in lines)
    assert result.records == 9


def test_field_mapping_and_stable_ids_for_records_without_one(tmp_path, corpus):
    records = [{k: v for k, v in a.items() if k != "id"} for a in corpus[:4]]
    write_csv(tmp_path / "cms.csv", [{**r, "id": None} for r in records],
              names={"text": "body", "title": "headline", "published": "pubdate"})
    rows = [{"body": r["text"], "headline": r["title"], "pubdate": r["published"]}
            for r in records]
    write_jsonl(tmp_path / "cms.jsonl", rows)
    audit(tmp_path, [tmp_path / "cms.csv", tmp_path / "cms.jsonl"],
          fields=Fields(text="body", title="headline", date="pubdate"))
    lines = read_lines(tmp_path / "out.jsonl")
    assert not any("error" in line for line in lines)
    csv_path, jsonl_path = str(tmp_path / "cms.csv"), str(tmp_path / "cms.jsonl")
    # A CSV row's id is the line it starts on: texts with newlines span several lines.
    starts, line_no = [], 2
    for r in records:
        starts.append(line_no)
        line_no += r["text"].count("\n") + 1
    assert [x["article"]["id"] for x in lines[:4]] == [f"{csv_path}:{n}" for n in starts]
    assert [x["article"]["id"] for x in lines[4:]] == [f"{jsonl_path}:{n}" for n in range(1, 5)]
    assert [x["article"]["title"] for x in lines[4:]] == [r["title"] for r in records]
    assert [x["article"]["published"] for x in lines[4:]] == [r["published"] for r in records]


def test_malformed_records_become_error_lines_and_the_audit_goes_on(tmp_path, corpus):
    src = tmp_path / "messy.jsonl"
    good = [json.dumps(a) for a in corpus[:3]]
    src.write_bytes("\n".join([
        good[0],
        "{not json",
        json.dumps({"id": "no-text", "title": "x"}),
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps({"id": "bad-date", "text": "Sales rose 5%.", "published": "last week"}),
        json.dumps(["a", "list"]),
        good[1],
        "",                                   # a blank line is not a record
        json.dumps({"id": 42, "text": 17}),
    ]).encode() + b"\n\xff\xfe broken bytes\n" + good[2].encode() + b"\n")
    result = audit(tmp_path, [src], partition_size=500)
    lines = read_lines(tmp_path / "out.jsonl")
    errors = {x["article"]["id"]: x["error"]["code"] for x in lines if "error" in x}
    assert errors == {f"{src}:2": "A101", "no-text": "A102", "empty": "A102",
                      "bad-date": "A103", f"{src}:6": "A101", "42": "A102", f"{src}:10": "A106"}
    assert [x["article"]["id"] for x in lines if "error" not in x] == [a["id"] for a in corpus[:3]]
    assert result.tally.errors == 7 and result.tally.articles == 3
    assert "'published' is 'last week', not a date" in json.dumps(lines)


def test_an_unreadable_file_is_an_error_line_not_a_crash(tmp_path, corpus):
    write_jsonl(tmp_path / "a.jsonl", corpus[:2])
    (tmp_path / "b.parquet").write_bytes(b"this is not parquet at all")
    result = audit(tmp_path, [tmp_path / "a.jsonl", tmp_path / "b.parquet"])
    lines = read_lines(tmp_path / "out.jsonl")
    assert [x["article"]["id"] for x in lines] == [corpus[0]["id"], corpus[1]["id"],
                                                   str(tmp_path / "b.parquet")]
    assert lines[2]["error"]["code"] == "A104" and "cannot read" in lines[2]["error"]["message"]
    assert result.tally.errors == 1


def test_jsonl_blocks_cut_at_line_ends_with_the_right_line_numbers(tmp_path):
    lines = [json.dumps({"text": f"Line {i} says {'x' * (i % 37)}."}) for i in range(1, 400)]
    src = tmp_path / "a.jsonl"
    src.write_text("\n".join(lines) + "\n\n", "utf-8")
    (source,) = expand([str(src)])
    parts = plan_source(source, 1_000)
    assert len(parts) > 10
    assert parts[0].start == 0 and parts[-1].end == source.size
    data = src.read_bytes()
    for a, b in zip(parts, parts[1:]):
        assert a.end == b.start and data[a.end - 1:a.end] == b"\n"
        assert b.first == data[: b.start].count(b"\n") + 1


def test_parquet_output_keeps_the_report_and_flat_columns(tmp_path, corpus, expected):
    import pyarrow.parquet as pq

    src = write_jsonl(tmp_path / "a.jsonl", corpus[:9] + [{"id": "blank", "text": ""}])
    audit(tmp_path, [src], out="out.parquet")
    table = pq.read_table(tmp_path / "out.parquet").to_pylist()
    assert [r["id"] for r in table] == [a["id"] for a in corpus[:9]] + ["blank"]
    for row in table[:9]:
        assert json.loads(row["report"]) == expected[row["id"]]
        assert row["claims"] == len(expected[row["id"]]["claims"])
        assert row["inconsistent"] == wrong(expected[row["id"]])
    assert table[7]["inconsistent"] == 1 and table[8]["inconsistent"] == 2
    assert table[9]["error_code"] == "A102" and table[9]["report"] is None


def test_the_html_report_is_self_contained_and_links_to_highlighted_text(jsonl_run):
    tmp, result = jsonl_run
    page = (tmp / "report.html").read_text("utf-8")
    assert result.report == tmp / "report.html"
    assert not re.search(r"""(src|href)\s*=\s*['"]?(https?:)?//""", page)  # no external asset
    assert "<script" not in page and page.count("<svg") == 2
    assert "checks.count-matches-list" in page
    # The fixtures span 2004-2024: the time chart is by year, 2024 holding the 3 findings.
    assert "by year of publication" in page
    assert "<title>2024: 3 inconsistent findings in 2 articles</title>" in page
    links = re.findall(r"href='#(a\d+)'", page)
    assert links and all(f"id='{a}'" in page for a in links)
    marks = re.findall(r"<mark title='([^']*)'>(.*?)</mark>", page, re.S)
    five = "Says five states but lists three: Chile, Peru and Bolivia."
    assert (five, "five neighbouring states") in marks
    assert any(text.startswith("Japan") for _, text in marks)


def test_the_time_chart_is_by_month_over_a_few_years():
    from claims.audit.page import month_chart
    from claims.audit.tally import Tally

    t = Tally()
    t.articles_by_month.update({"2023-11": 4, "2024-02": 2, "undated": 1})
    t.inconsistent_by_month.update({"2023-11": 3, "2024-02": 1, "undated": 2})
    svg = month_chart(t)
    bars = re.findall(r"<title>([^:]+): (\d+) inconsistent findings in (\d+) articles", svg)
    assert bars == [("2023-11", "3", "4"), ("2023-12", "0", "0"), ("2024-01", "0", "0"),
                    ("2024-02", "1", "2"), ("undated", "2", "1")]


def test_progress_is_a_bar_on_a_terminal_and_lines_elsewhere():
    class Tty(io.StringIO):
        def isatty(self):
            return True

    tty = Tty()
    p = Progress(1_000, stream=tty)
    p.t0 -= 2.0  # two seconds in
    p.last -= 1.0
    p.update(50, 250)
    assert re.search(r"\r\[#####-+\]  25%  50 articles  25/s  ETA 0:06", tty.getvalue())
    log = io.StringIO()
    p = Progress(1_000, 500, resumed=80, stream=log, every=0.0)
    p.update(10, 100)
    p.finish()
    out = log.getvalue().splitlines()
    assert out[0] == "claims audit: resuming: 80 articles already done"
    assert re.match(r"claims audit: 90 articles \(60% of the input\), [\d.,]+ articles/s, ETA",
                    out[1])
    assert "\r" not in log.getvalue() and "done in" in out[-1]


def test_cli_audit_prints_a_summary_and_exits_one_on_inconsistencies(tmp_path, corpus):
    src = write_jsonl(tmp_path / "a.jsonl", corpus)
    run = claims_cli("audit", src, "--out", tmp_path / "o.jsonl", "--workers", "2",
                     "--partition-size", "10KB", "--progress-every", "0")
    assert run.returncode == 1, run.stderr
    assert f"{len(corpus)} articles checked, 0 records not checked" in run.stdout
    assert "checks.count-matches-list" in run.stdout
    assert "most inconsistencies\n" in run.stdout
    assert "   2  synthetic:wrong-twice  Allies meet again\n" in run.stdout
    # Not a terminal: plain progress lines, no carriage returns.
    assert "articles/s" in run.stderr and "\r" not in run.stderr
    ok = write_jsonl(tmp_path / "b.jsonl",
                     [a for a in corpus if a["id"] == "synthetic:right-count"])
    assert claims_cli("audit", ok, "--out", tmp_path / "p.jsonl", "--workers", "1",
                      "--no-progress").returncode == 0


def test_cli_audit_bad_usage_exits_two(tmp_path):
    run = claims_cli("audit", tmp_path / "nothing-*.jsonl", "--out", tmp_path / "o.jsonl")
    assert run.returncode == 2 and "no such file, folder or matching files" in run.stderr
    (tmp_path / "a.xyz").write_text("?")
    run = claims_cli("audit", tmp_path / "a.xyz", "--out", tmp_path / "o.jsonl")
    assert run.returncode == 2 and "unknown input format" in run.stderr
    run = claims_cli("audit", tmp_path / "a.xyz", "--out", tmp_path / "o.txt")
    assert run.returncode == 2 and "name it .jsonl or .parquet" in run.stderr
    run = claims_cli("audit", tmp_path / "a.xyz", "--out", tmp_path / "o.jsonl",
                     "--partition-size", "lots")
    assert run.returncode == 2 and "is not a size" in run.stderr
