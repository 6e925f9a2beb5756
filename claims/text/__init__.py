"""The text as given, with its paragraphs and sentences. Offsets never move."""

from claims.text.document import Document, Sentence
from claims.text.sentences import SentenceSplitter

__all__ = ["Document", "Sentence", "SentenceSplitter"]
