"""The values and speakers measures on small made-up gold (nothing from ../shared)."""

from __future__ import annotations

import json
from pathlib import Path

from claims import Engine
from claims.evaluation import load_corpus
from claims.evaluation.gum import _entity_events, quote_speakers, read_gum
from claims.evaluation.meantime import read_meantime
from claims.evaluation.task_speakers import same_entity, score_speakers
from claims.evaluation.task_values import encloses_another, score_values, states_figure


def test_a_name_matches_an_entity_by_its_mentions():
    chain = ["Jacob Helberg", "the undersecretary", "he"]
    assert same_entity("Helberg", chain)
    assert same_entity("Labour's Shadow Home Secretary Jacob Helberg", chain)
    assert not same_entity("Xi", chain)
    assert not same_entity("he", chain)  # a pronoun matches only an unnamed entity
    assert same_entity("they", ["they", "them"])
    assert not same_entity(None, chain)


def test_the_product_reading_of_value_gold():
    assert states_figure("392.50 points") and states_figure("about a quarter")
    assert not states_figure("substantially less") and not states_figure("the amount")
    whole = {"start": 0, "end": 30, "type": "MONEY"}
    part = {"start": 0, "end": 7, "type": "MONEY"}
    assert encloses_another(whole, [whole, part]) and not encloses_another(part, [whole, part])


def test_gum_entity_brackets():
    assert _entity_events("(3-person-new-x-cf1-1-coref-Jo_Bloggs", {}) == [
        ("open", "3", "person-new-x-cf1-1-coref-Jo_Bloggs")]
    assert _entity_events("(7-object-new-x-cf1-1-coref-Boeing_747)", {}) == [
        ("single", "7", "object-new-x-cf1-1-coref-Boeing_747")]
    assert _entity_events("3)", {"3": [(0, "")]}) == [("close", "3", None)]


_CONLLU = """# newdoc id = GUM_news_test
# newpar
# sent_id = GUM_news_test-1
1\t"\t"\tPUNCT\t``\t_\t3\tpunct\t_\tSpaceAfter=No
2\tWe\twe\tPRON\tPRP\t_\t3\tnsubj\t_\tEntity=(2-person-new-x-cf1-1-coref)
3\twon\twin\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
4\t,\t,\tPUNCT\t,\t_\t3\tpunct\t_\tSpaceAfter=No
5\t"\t"\tPUNCT\t''\t_\t3\tpunct\t_\t_
6\tKane\tKane\tPROPN\tNNP\t_\t7\tnsubj\t_\tEntity=(1-person-new-x-cf1-1-coref-Harry_Kane)
7\tsaid\tsay\tVERB\tVBD\t_\t3\tparataxis\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

"""


def test_gum_quote_speaker_from_gold_syntax(tmp_path):
    text = '"We won," Kane said.'
    path = tmp_path / "GUM_news_test.conllu"
    path.write_text(_CONLLU, encoding="utf-8")
    doc = read_gum(path, text)
    quote = {"start": 0, "end": 9, "tag": "quote"}
    [(q, entity)] = quote_speakers(doc, [quote])
    assert "Kane" in doc.chain(entity, text) and "Harry Kane" in doc.chain(entity, text)


_XML = """<?xml version="1.0" ?><Document doc_id="9" doc_name="9_Test">
<token number="0" sentence="0" t_id="1">Sales</token>
<token number="1" sentence="0" t_id="2">rose</token>
<token number="2" sentence="0" t_id="3">5</token>
<token number="3" sentence="0" t_id="4">%</token>
<token number="4" sentence="1" t_id="5">Profits</token>
<token number="5" sentence="1" t_id="6">fell</token>
<token number="6" sentence="1" t_id="7">7</token>
<token number="7" sentence="1" t_id="8">%</token>
<Markables><VALUE m_id="1" type="PERCENT"><token_anchor t_id="3"/><token_anchor t_id="4"/></VALUE>
</Markables><Relations></Relations></Document>
"""


def _meantime_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "meantime_wikinews"
    xml = folder / "original" / "intra-doc_annotation" / "corpus_test"
    xml.mkdir(parents=True)
    (xml / "9_Test.xml").write_text(_XML, encoding="utf-8")
    text = "Sales rose 5%\n\nProfits fell 7%"
    (folder / "articles.jsonl").write_text(json.dumps(
        {"id": "meantime:9", "source": "meantime_wikinews", "title": None,
         "published": "2020-01-01", "text": text}) + "\n", encoding="utf-8")
    (folder / "gold.jsonl").write_text(json.dumps(
        {"id": "meantime:9", "values": [
            {"start": 11, "end": 13, "text": "5%", "type": "PERCENT", "m_id": "1"}],
         "speech_cognitive_events": [], "entity_mentions": []}) + "\n", encoding="utf-8")
    return tmp_path


def test_meantime_region_ends_with_the_last_annotated_sentence(tmp_path):
    root = _meantime_corpus(tmp_path)
    xml = next(root.glob("meantime_wikinews/original/*/*/*.xml"))
    region = read_meantime(xml, "Sales rose 5%\n\nProfits fell 7%").region
    assert region == (0, 15)  # "Profits fell 7%" was not annotated


def test_values_scores_only_inside_the_region(tmp_path):
    scores = score_values(Engine.default(), load_corpus(_meantime_corpus(tmp_path)))
    first = scores[0]
    assert first.measure == "VALUE typed relaxed F1, all"
    assert (first.prf.tp, first.prf.fp, first.prf.fn) == (1, 0, 0)  # the 7% is outside


def test_speakers_with_no_gold_items_gives_rows_of_zero(tmp_path):
    scores = score_speakers(Engine.default(), load_corpus(_meantime_corpus(tmp_path)))
    assert scores and all(s.extra["items"] == 0 for s in scores)
