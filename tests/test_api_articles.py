"""POST /v1/check as a CMS plugin uses it: markup in, stable ids across revisions."""

from __future__ import annotations

from tests.conftest import SEED_PUBLISHED
from tests.test_markup import HTML, MARKDOWN


def test_html_and_markdown_spans_point_into_what_was_sent(http):
    for fmt, source in (("html", HTML), ("markdown", MARKDOWN)):
        r = http.post("/v1/check", json={"text": source, "format": fmt,
                                         "published": SEED_PUBLISHED, "offsets": "utf16"})
        assert r.status_code == 200, r.text
        report = r.json()
        assert report["claims"], fmt
        units = source.encode("utf-16-le")
        for c in report["claims"]:
            start, end = c["span"]["start"], c["span"]["end"]
            assert units[2 * start : 2 * end].decode("utf-16-le") == c["text"]
        assert any(c["text"].startswith("eight") and c["text"].endswith("allied nations")
                   for c in report["claims"])


def test_an_unknown_format_is_a_422(http):
    r = http.post("/v1/check", json={"text": "Sales rose 5%.", "format": "docx"})
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "format"


def test_ids_survive_an_edit_to_another_paragraph(http, seed_text):
    """A plugin remembers a dismissed flag by claim id across revisions of the story."""
    paragraphs = seed_text.split("\n")
    first = http.post("/v1/check", json={"text": seed_text, "published": SEED_PUBLISHED}).json()
    edited_paragraphs = list(paragraphs)
    edited_paragraphs[3] = "An editor rewrote this paragraph: sales rose 7% to $3bn in 2024."
    edited_paragraphs.insert(1, "A new standfirst with 12 words in it.")
    edited = "\n".join(edited_paragraphs)
    second = http.post("/v1/check", json={"text": edited, "published": SEED_PUBLISHED}).json()

    def by_sentence(report, text):
        out = {}
        for c in report["claims"]:
            sentence = text[c["sentence"]["start"] : c["sentence"]["end"]]
            out[(sentence, c["text"])] = c["id"]
        return out

    before, after = by_sentence(first, seed_text), by_sentence(second, edited)
    untouched = {k: v for k, v in before.items() if k[0] not in paragraphs[3]}
    assert len(untouched) >= 15
    for key, claim_id in untouched.items():
        assert after.get(key) == claim_id, key
    # The claim a plugin would have dismissed keeps its id.
    assert ("eight allied nations" in {k[1] for k in untouched})
    # Claims in new or rewritten sentences get new ids.
    new = set(after) - set(before)
    assert new and not {after[k] for k in new} & set(before.values())
