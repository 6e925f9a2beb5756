"""Linking: what each sentence says about its claims.

* speakers and sources (`speakers.py`, `referents.py`): a quote's speaker, named beside
  it, a pronoun or description ("he said", "the company said") resolved to a fitting
  earlier person or organization, or the previous quote's when it continues it; a
  statistic's source, from an attribution in its sentence ("according to the IEA",
  "Helberg said"), else the speaker of the quote it sits in, else an attribution in the
  next or previous sentence of the paragraph;
* temporal anchors (`anchors.py`): "a year earlier", "that day", "the following month"
  counted from the date the article gave before them;
* subjects and measures (`subjects.py`): "China is home to ...", "4 per cent for
  second-place Malaysia", "... of global rare earths refining capacity";
* whose age (`persons.py`): "James C. Moss, a 44-year-old protester"; a nameless age
  the text makes someone's ("Karen Holt dies aged 71", "this 9-year-old" after "Mateo
  Alvarez, 9"), never "her 9-year-old son".
"""

from __future__ import annotations

from claims.kinds import NUMERIC
from claims.link.anchors import anchor_dates
from claims.link.persons import age_person, refer_back
from claims.link.speakers import attach_sources, resolve_speakers
from claims.link.subjects import calendar_words, rank_subject, subject_and_measure
from claims.mention import Mention
from claims.text.document import Document


def link(doc: Document, mentions: list[Mention], lexicons, deadline=None) -> None:
    """`deadline` (claims.extract.Deadline) bounds the work on pathological text."""
    for m in mentions:
        m.sentence = doc.sentence_for_span(m.start, m.end).index
    anchor_dates(doc, mentions)
    pronouns = lexicons["speaker-pronouns"]
    starters = lexicons["sentence-starters"]
    calendar = calendar_words(lexicons)
    resolve_speakers(doc, mentions, lexicons)
    attach_sources(doc, mentions, pronouns)
    for m in mentions:
        if deadline is not None:
            deadline.remaining("linking")
        if m.kind in NUMERIC:
            subject_and_measure(doc, m, starters, calendar)
        elif m.kind == "rank":
            m.subject = rank_subject(doc, m, starters, calendar)
        elif m.kind == "age":
            m.subject = age_person(doc, m, lexicons)
            # What the rule took for a name may be an adjective or a place ("the 9-year-old
            # Peruvian schoolboy Mateo Alvarez", "a 41-year-old Denver businessman"): the value
            # names the person the words beside the age name, or no one. (An age whose
            # person is inferred from earlier sentences gets only a subject, below.)
            m.value["person"] = m.subject
    refer_back(doc, mentions, lexicons)
