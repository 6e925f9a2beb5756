"""Ages, ranks, speakers and sources: the parts of a claim that name someone."""

from __future__ import annotations

from claims.normalize.registry import NormContext, Reject, normalizer


def clean_name(text: str | None) -> str | None:
    if not text:
        return None
    name = " ".join(text.split()).strip(" ,")
    if name[:4].lower() == "the " and len(name) > 4:
        name = name[4:]
    return name or None


@normalizer("age")
def age(ctx: NormContext, years: str, person: str | None = None) -> dict:
    """"Helberg, 36" -> years 36, person Helberg. Ages past 125 are not ages."""
    n = int(years)
    if not 0 < n <= 125:
        raise Reject(f"{n} is not an age")
    return {"years": n, "person": clean_name(person)}


@normalizer("subject")
def subject(ctx: NormContext, text: str | None = None) -> dict:
    """The named subject of a rank: "second-place Malaysia" -> Malaysia."""
    return {"subject": clean_name(text)}


@normalizer("speaker")
def speaker(ctx: NormContext, name: str | None = None, verb: str | None = None) -> dict:
    """The speaker of a quote as written (a pronoun is resolved later, in linking)."""
    out = {"speaker": clean_name(name), "verb": verb.lower() if verb else None}
    if name:
        out["_speaker_span"] = ctx.spans["name"]
    return out


@normalizer("source")
def source(ctx: NormContext, name: str, verb: str | None = None) -> dict:
    """The source an attribution names: "according to the IEA" -> the IEA."""
    cleaned = clean_name(name)
    if not cleaned:
        raise Reject("no source named")
    return {"source": cleaned, "verb": verb.lower() if verb else None, "_source_span": ctx.spans["name"]}
