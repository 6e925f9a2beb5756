"""An HTML page reduced to its article text, title and date, by trafilatura.

trafilatura is the maintained, benchmarked choice for main-text extraction from news pages:
it drops navigation, footers and comments and reads the title and publication date from
the page's metadata. Paragraphs come out one per line, which is what the engine's
paragraph splitter expects.
"""

from __future__ import annotations

from claims.audit.records import NO_HTML_TEXT, RecordError


def html_record(data: bytes) -> dict | RecordError:
    """{'text', 'title', 'published'} from the page, or why there is no article in it."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        data, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, deduplicate=False,
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        return RecordError(NO_HTML_TEXT, "no article text found in the HTML page")
    return {"text": text, "title": getattr(doc, "title", None),
            "published": getattr(doc, "date", None)}
