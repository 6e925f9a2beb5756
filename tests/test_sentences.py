"""The sentence splitter: abbreviations, initials, quotes, line breaks."""

from __future__ import annotations

import pytest

from claims.text.document import Document


@pytest.fixture(scope="module")
def split(engine):
    def run(text):
        doc = Document.build(text, engine.splitter)
        return [text[s.start : s.end] for s in doc.sentences]

    return run


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Mr. Smith met Dr. Jones. They agreed.", ["Mr. Smith met Dr. Jones.", "They agreed."]),
        ("Officials from the U.S. met in Paris. The talks ended.",
         ["Officials from the U.S. met in Paris.", "The talks ended."]),
        ("It was made in the U.S. The talks ended.", ["It was made in the U.S.", "The talks ended."]),
        ("The vote is on Dec. 12 in Brussels.", ["The vote is on Dec. 12 in Brussels."]),
        ("John F. Kennedy spoke. Crowds cheered.", ["John F. Kennedy spoke.", "Crowds cheered."]),
        ("Shares of Apple Inc. rose 2%. The index fell.", ["Shares of Apple Inc. rose 2%.", "The index fell."]),
        ("“We will win.” Then he left.", ["“We will win.”", "Then he left."]),
        ("“Really?” he asked.", ["“Really?” he asked."]),
        ("Headline with no stop\nThe body begins. It goes on.",
         ["Headline with no stop", "The body begins.", "It goes on."]),
        ("Prices rose 3.5 per cent. Wages did not.", ["Prices rose 3.5 per cent.", "Wages did not."]),
        ("Ranked No. 2 in Asia, it grew.", ["Ranked No. 2 in Asia, it grew."]),
    ],
)
def test_splits(split, text, sentences):
    assert split(text) == sentences


def test_paragraphs_are_lines(engine):
    doc = Document.build("One. Two.\n\nThree.", engine.splitter)
    assert [s.paragraph for s in doc.sentences] == [0, 0, 1]
