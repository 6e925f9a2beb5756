"""Ages, ranks, speakers and sources: the parts of a claim that name someone."""

from __future__ import annotations

import regex

from claims.normalize.registry import NormContext, Reject, normalizer
from claims.rulebook.lexicon import lowered_entries

_AUTHORED = regex.compile(
    r"^(?:a|an|the)?\s*(?:statement|report|announcement|declaration|study|survey|estimates?|"
    r"analysis|forecast|filing|release|data|figures)\s+(?:by|from)\s+(?:the\s+)?(\p{Lu}.*)$",
    regex.I,
)
_OWNED = regex.compile(
    r"^(\p{Lu}.*?)['\u2019]s?\s+(?:own\s+)?(?:announcement|statement|report|website|data|figures|"
    r"estimates?|calculations?|filing|release|press\s+release|account|survey|analysis)$"
)


# A document, not a person: "a joint statement saying" reports for who released it.
_DOCUMENT = regex.compile(
    r"^(?:.*\s)?(?:statement|letter|release|memo|note|filing|e-?mail|message|announcement|"
    r"document|post|tweet)$", regex.I)


def clean_name(text: str | None) -> str | None:
    if not text:
        return None
    name = " ".join(text.split()).strip(" ,")
    if name[:4].lower() == "the " and len(name) > 4:
        name = name[4:]
    return name or None


@normalizer("age")
def age(ctx: NormContext, years: str, person: str | None = None) -> dict:
    """"Helberg, 36" -> years 36, person Helberg; "thirty-six-year-old" -> 36. Ages past
    125 are not ages."""
    from claims.normalize.numbers import parse_number

    n = int(years) if years.strip().isdigit() else int(parse_number(years, ctx.lexicons))
    if not 0 < n <= 125:
        raise Reject(f"{n} is not an age")
    if person and person.split()[-1].lower() in lowered_entries(ctx.lexicons["designators"]):
        raise Reject(f"{person} {n} names something")  # "Chapter (11)"
    return {"years": n, "person": clean_name(person)}


@normalizer("subject")
def subject(ctx: NormContext, text: str | None = None) -> dict:
    """The named subject of a rank: "second-place Malaysia" -> Malaysia."""
    return {"subject": clean_name(text)}


# "their claims", "his speech": the owner is resolved like "they", "he".
_POSSESSIVE = {"his": "he", "her": "she", "its": "it", "their": "they"}


def speaker_name(ctx: NormContext, text: str | None) -> str | None:
    """A name as written; a word that stands for one ("He", "The company", "their") is
    kept whole and in lower case for linking to resolve."""
    if text and text.strip().lower() in _POSSESSIVE:
        return _POSSESSIVE[text.strip().lower()]
    if text and text.strip() in ctx.lexicons["speaker-pronouns"]:
        return " ".join(text.split()).lower()
    return clean_name(text)


@normalizer("speaker")
def speaker(ctx: NormContext, name: str | None = None, verb: str | None = None) -> dict:
    """The speaker of a quote as written (a pronoun is resolved later, in linking)."""
    out = {"speaker": speaker_name(ctx, name), "verb": " ".join(verb.lower().split()) if verb else None}
    if name:
        out["_speaker_span"] = ctx.spans["name"]
    return out


@normalizer("source")
def source(ctx: NormContext, name: str, verb: str | None = None,
           negation: str | None = None) -> dict:
    """The source an attribution names: "according to the IEA" -> the IEA. With a
    `negation` ("did not say") the attribution is `negated`."""
    cleaned = speaker_name(ctx, name)
    if cleaned:
        # "according to Fiat's announcement": the source is Fiat.
        owner = _OWNED.match(cleaned) or _AUTHORED.match(cleaned)
        if owner:  # "a statement from the Ministry of Finance": the ministry
            cleaned = owner.group(1)
    if not cleaned:
        raise Reject("no source named")
    out = {"source": cleaned, "verb": " ".join(verb.lower().split()) if verb else None,
           "_source_span": ctx.spans["name"]}
    if negation:
        out["negated"] = True
    return out


@normalizer("clause_source")
def clause_source(ctx: NormContext, verb: str, name: str | None = None,
                  negation: str | None = None) -> dict:
    """A participle or a second verb: its own subject when the text names one ("with
    analysts saying", "quoted Djamal as saying"), else the subject of the clause it hangs
    on ("Chrysler has asked for aid, saying"), found in linking (claims/link/clauses.py)."""
    if name and not _DOCUMENT.match(" ".join(name.split())):
        return source(ctx, name, verb, negation)
    # "released a statement saying": the statement's author, the subject of its clause
    out = {"source": None, "verb": " ".join(verb.lower().split()), "_source_of": "clause"}
    if name:  # its author, or else the document itself
        out["_document"] = (clean_name(name), *ctx.spans["name"])
    if negation:
        out["negated"] = True
    return out
