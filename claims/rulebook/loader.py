"""Loads rule packs: validates every file completely and reports every problem at once.

A pack is a folder:

    _pack.yml          optional metadata and defaults (PackInfo)
    _fragments.yml     named pattern fragments: {name: pattern}
    lexicons/*.txt     word lists, one entry a line
    <kind>/<id>.yml    extraction rules, id "<kind>.<id>"
    checks/<id>.yml    check rules, id "checks.<id>"
"""

from __future__ import annotations

import difflib
import hashlib
import string
from pathlib import Path
from typing import Any

import regex
from pydantic import BaseModel, ValidationError

from claims.checks import CHECK_TYPES
from claims.model.values import KINDS
from claims.normalize import NORMALIZERS
from claims.rulebook import yamlsrc
from claims.rulebook.compiled import CompiledCheck, CompiledExtraction, ParseStep
from claims.rulebook.fragments import ExpansionError, Fragment, FragmentSet, defines_groups
from claims.rulebook.lexicon import Lexicon, read_lexicon
from claims.rulebook.problems import ProblemList, display_path
from claims.rulebook.patterncache import PatternCache
from claims.rulebook.shape import Shape
from claims.rulebook.spec import CheckRule, ExtractionRule, PackInfo

CHECK_FOLDER = "checks"
_ID = regex.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_FLAGS = regex.VERBOSE | regex.V0


class Pack:
    def __init__(self, root: Path, info: PackInfo):
        self.root = root
        self.info = info
        self.name = info.name or root.name


def rule_files(root: Path) -> list[Path]:
    return sorted(
        p
        for p in root.glob("*/*.y*ml")
        if p.suffix in (".yml", ".yaml") and not p.parent.name.startswith(("_", "."))
        and p.parent.name != "lexicons"
    )


def load_packs(roots: list[Path], problems: ProblemList):
    """Reads every pack; returns (packs, lexicons, fragment set, ruleset hash, rules)."""
    digest = hashlib.sha256()
    packs: list[Pack] = []
    lexicons: dict[str, Lexicon] = {}
    fragments: dict[str, Fragment] = {}
    for root in roots:
        root = Path(root)
        if not root.is_dir():
            problems.add(root, None, None, None, "R001", "rule pack folder not found")
            continue
        info = _pack_info(root, problems, digest)
        packs.append(Pack(root, info))
        for lex_path in sorted((root / "lexicons").glob("*.txt")):
            digest.update(lex_path.read_bytes())
            entries = read_lexicon(lex_path, problems)
            lexicons.setdefault(lex_path.stem, Lexicon(lex_path.stem)).extend(entries)
        _read_fragments(root / "_fragments.yml", fragments, problems, digest)
    fset = FragmentSet(fragments, lexicons)
    shape = Shape({n: f.pattern for n, f in fragments.items()}, lexicons)
    patterns = PatternCache()
    for name, frag in fragments.items():
        if defines_groups(frag.pattern):
            problems.add(frag.path, frag.line, None, f"fragment {name}", "R118",
                         "a fragment must not define named groups; name it where it is used: "
                         f"{{{name}:group}}")
        for err in fset.unknown_references(frag.pattern)[0]:
            problems.add(frag.path, frag.line, None, f"fragment {name}", err.code, err.message)
    extraction: list[CompiledExtraction] = []
    checks: list[CompiledCheck] = []
    seen: dict[str, str] = {}
    for pack in packs:
        for path in rule_files(pack.root):
            raw = path.read_bytes()
            digest.update(str(path.relative_to(pack.root)).encode() + b"\0" + raw)
            compiled = _load_rule(path, raw, pack, fset, shape, problems, patterns)
            if compiled is None:
                continue
            if compiled.id in seen:
                problems.add(path, 1, compiled.id, None, "R111",
                              f"duplicate rule id; already defined in {seen[compiled.id]}")
                continue
            seen[compiled.id] = display_path(path)
            (checks if isinstance(compiled, CompiledCheck) else extraction).append(compiled)
    if not problems.errors:
        patterns.save()
    return packs, lexicons, fset, digest.hexdigest(), extraction, checks


def _pack_info(root: Path, problems: ProblemList, digest) -> PackInfo:
    path = root / "_pack.yml"
    if not path.exists():
        return PackInfo()
    raw = path.read_bytes()
    digest.update(raw)
    doc = _parse(path, raw, None, problems)
    if doc is None:
        return PackInfo()
    try:
        return PackInfo.model_validate(doc.data or {})
    except ValidationError as exc:
        _report_validation(exc, doc, path, None, PackInfo, problems)
        return PackInfo()


def _read_fragments(path: Path, out: dict[str, Fragment], problems: ProblemList, digest) -> None:
    if not path.exists():
        return
    raw = path.read_bytes()
    digest.update(raw)
    doc = _parse(path, raw, None, problems)
    if doc is None:
        return
    for name, pattern in (doc.data or {}).items():
        line = doc.line_of((name,))
        if not isinstance(pattern, str):
            problems.add(path, line, None, f"fragment {name}", "R105", "a fragment is a string")
            continue
        if name in out:
            other = out[name]
            problems.add(path, line, None, f"fragment {name}", "R119",
                          f"fragment already defined in {display_path(other.path)}:{other.line}")
            continue
        out[name] = Fragment(name, pattern, str(path), line)


def _parse(path: Path, raw: bytes, rule_id: str | None, problems: ProblemList):
    try:
        doc = yamlsrc.load(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        problems.add(path, None, rule_id, None, "R001", f"not UTF-8 text: {exc.reason}")
        return None
    except yamlsrc.YamlSyntaxError as exc:
        problems.add(path, exc.line, rule_id, None, "R001", exc.message)
        return None
    for loc, line in doc.duplicate_keys:
        problems.add(path, line, rule_id, _field(loc), "R003", f"duplicate key {loc[-1]!r}")
    if doc.data is not None and not isinstance(doc.data, dict):
        problems.add(path, 1, rule_id, None, "R002", "a rule file must be a YAML mapping")
        return None
    return doc


def _load_rule(path: Path, raw: bytes, pack: Pack, fset: FragmentSet, shape: Shape,
               problems: ProblemList, patterns: PatternCache | None = None):
    folder, stem = path.parent.name, path.stem
    rule_id = f"{folder}.{stem}"
    bad_name = False
    if not _ID.fullmatch(stem):
        problems.add(path, None, rule_id, None, "R116",
                     "a rule file name must be kebab-case (lower-case words joined by '-')")
        bad_name = True
    if folder != CHECK_FOLDER and folder not in KINDS:
        problems.add(path, None, rule_id, None, "R115",
                     f"folder {folder!r} is neither a claim kind nor 'checks'; "
                     f"expected one of: {', '.join((*KINDS, CHECK_FOLDER))}")
        return None
    doc = _parse(path, raw, rule_id, problems)
    if doc is None:
        return None
    if doc.data is None:
        problems.add(path, 1, rule_id, None, "R002", "the rule file is empty")
        return None
    model = CheckRule if folder == CHECK_FOLDER else ExtractionRule
    try:
        spec = model.model_validate(_prepare(doc.data))
    except ValidationError as exc:
        _report_validation(exc, doc, path, rule_id, model, problems)
        _validate_parts(doc.data, model, rule_id, path, doc, fset, problems)
        return None
    if bad_name:
        return None
    if isinstance(spec, CheckRule):
        return _compile_check(spec, rule_id, path, doc, pack, problems)
    return _compile_extraction(spec, rule_id, folder, path, doc, pack, fset, shape, problems,
                               patterns)


def _prepare(data: dict) -> dict:
    """Plain strings are allowed where an example only needs its text."""
    ex = data.get("examples")
    if isinstance(ex, dict):
        for key in ("no_match", "pass", "flag"):
            if isinstance(ex.get(key), list):
                ex[key] = [{"text": e} if isinstance(e, str) else e for e in ex[key]]
    return data


def _compile_extraction(spec, rule_id, kind, path, doc, pack, fset, shape, problems,
                        patterns=None):
    before = len(problems.errors)
    if spec.kind is not None and spec.kind != kind:
        problems.add(path, doc.line_of(("kind",)), rule_id, "kind", "R115",
                     f"kind {spec.kind!r} disagrees with the folder {kind!r}")
    compiled_re = _compile_pattern(spec.pattern, spec.case_sensitive, rule_id, path, doc, fset,
                                   problems, patterns)
    groups = set(compiled_re[2]) if compiled_re else None
    steps = _parse_steps(spec.parse, groups, rule_id, path, doc, problems)
    span_groups = [spec.span] if isinstance(spec.span, str) else list(spec.span or ())
    for group in span_groups:
        if groups is not None and group not in groups:
            problems.add(path, doc.line_of(("span",)), rule_id, "span", "R107",
                         f"group {group!r} is not in the pattern")
    _check_examples(spec.examples.match, ("examples", "match"), path, doc, rule_id, problems, need=1)
    _check_examples(spec.examples.todo, ("examples", "todo"), path, doc, rule_id, problems, need=None)
    if not spec.examples.no_match:
        problems.add(path, doc.line_of(("examples", "no_match")), rule_id, "examples.no_match",
                     "R112", "a rule needs at least one no_match example")
    if len(problems.errors) > before or compiled_re is None:
        return None
    source, flags, group_names, pattern = compiled_re
    return CompiledExtraction(
        id=rule_id, kind=kind, path=str(path), spec=spec, source=source, flags=flags,
        groups=group_names, _pattern=pattern,
        span_group=spec.span if isinstance(spec.span, str) or spec.span is None else tuple(spec.span),
        steps=tuple(steps), constants=dict(spec.value),
        tolerance=spec.tolerance if spec.tolerance is not None else pack.info.tolerance,
        priority=spec.priority, examples_published=pack.info.examples_published, pack=pack.name,
        first=shape.first_atoms(spec.pattern),
        required=tuple(shape.required_atoms(spec.pattern)[:4]),
        context=tuple(shape.context_atoms(spec.pattern)[:2]),
        window="paragraph" if kind == "quote" else "sentence",
    )


def _compile_pattern(pattern, case_sensitive, rule_id, path, doc, fset, problems, patterns=None):
    """(expanded source, flags, group names, compiled pattern or None if known good), or
    None after reporting the problem."""
    line = doc.line_of(("pattern",))
    errors, broken_fragment = fset.unknown_references(pattern)
    for err in errors:
        problems.add(path, line, rule_id, "pattern", err.code, err.message)
    if errors or broken_fragment:
        return None
    try:
        expanded = fset.expand(pattern)
        flags = _FLAGS | (0 if case_sensitive else regex.IGNORECASE)
        known = patterns.groups(expanded, flags) if patterns is not None else None
        if known is not None:
            return expanded, int(flags), known, None
        compiled = regex.compile(expanded, flags)
        names = frozenset(compiled.groupindex)
        if patterns is not None:
            patterns.remember(expanded, flags, names)
        return expanded, int(flags), names, compiled
    except ExpansionError as err:
        problems.add(path, line, rule_id, "pattern", err.code, err.message)
    except (regex.error, OverflowError) as exc:
        # Positions would point into the expanded pattern, which nobody wrote.
        reason = _POSITION.sub("", str(exc))
        problems.add(path, line, rule_id, "pattern", "R104", f"pattern does not compile: {reason}")
    return None


_POSITION = regex.compile(r"\s+at position \d+(?:\s+\(line \d+, column \d+\))?")


def _parse_steps(parse, groups, rule_id, path, doc, problems) -> list[ParseStep]:
    steps = []
    for name, mapping in parse.items():
        loc = ("parse", name)
        info = NORMALIZERS.get(name)
        if info is None:
            problems.add(path, doc.line_of(loc), rule_id, _field(loc), "R106",
                         f"unknown normalizer {name!r}{_did_you_mean(name, NORMALIZERS)}")
            continue
        if not isinstance(mapping, (str, dict)):
            continue
        inputs = {info.inputs[0]: mapping} if isinstance(mapping, str) else dict(mapping)
        for inp in inputs:
            if inp not in info.inputs:
                problems.add(path, doc.line_of(loc + (inp,)), rule_id, _field(loc + (inp,)), "R107",
                             f"normalizer {name!r} has no input {inp!r}; its inputs: "
                             f"{', '.join(info.inputs)}")
        for req in info.required:
            if req not in inputs:
                problems.add(path, doc.line_of(loc), rule_id, _field(loc), "R107",
                             f"normalizer {name!r} needs its input {req!r} mapped to a group")
        if groups is not None:
            for group in inputs.values():
                if group not in groups:
                    problems.add(path, doc.line_of(loc), rule_id, _field(loc), "R107",
                                 f"group {group!r} is not in the pattern"
                                 f"{_did_you_mean(group, groups)}")
        steps.append(ParseStep(name, info.fn, tuple(inputs.items())))
    return steps


def _check_examples(examples, loc, path, doc, rule_id, problems, need):
    if need and len(examples) < need:
        problems.add(path, doc.line_of(loc), rule_id, _field(loc), "R112",
                     "a rule needs at least one match example")
    for i, ex in enumerate(examples):
        n = ex.text.count("[[")
        if n != 1 or ex.text.count("]]") != 1 or ex.text.index("[[") > ex.text.index("]]"):
            problems.add(path, doc.line_of(loc + (i, "text")), rule_id, _field(loc + (i, "text")),
                         "R113", "mark the claim's span once with [[ and ]]")


def _compile_check(spec: CheckRule, rule_id, path, doc, pack, problems):
    before = len(problems.errors)
    ctype = _check_type(spec.check, rule_id, path, doc, problems)
    if ctype is None:
        return None
    params = _check_params(ctype, spec.params, rule_id, path, doc, problems)
    _check_messages(ctype, {"message": spec.message, "consistent_message": spec.consistent_message},
                    rule_id, path, doc, problems)
    if not spec.examples.flag:
        problems.add(path, doc.line_of(("examples",)), rule_id, "examples.flag", "R112",
                     "a check rule needs at least one flag example")
    if not spec.examples.pass_:
        problems.add(path, doc.line_of(("examples",)), rule_id, "examples.pass", "R112",
                     "a check rule needs at least one pass example")
    if len(problems.errors) > before:
        return None
    applies = frozenset(spec.applies_to or ctype.kinds)
    return CompiledCheck(
        id=rule_id, path=str(path), spec=spec, type=ctype, params=params, applies_to=applies,
        level=spec.level, message=spec.message, consistent_message=spec.consistent_message,
        examples_published=pack.info.examples_published, pack=pack.name,
    )


def _check_type(name, rule_id, path, doc, problems):
    ctype = CHECK_TYPES.get(name)
    if ctype is None:
        problems.add(path, doc.line_of(("check",)), rule_id, "check", "R108",
                     f"unknown check type {name!r}{_did_you_mean(name, CHECK_TYPES)}; "
                     f"known: {', '.join(sorted(CHECK_TYPES))}")
    return ctype


def _check_params(ctype, params, rule_id, path, doc, problems):
    try:
        return ctype.params.model_validate(params)
    except ValidationError as exc:
        for err in exc.errors():
            loc = ("params", *err["loc"])
            problems.add(path, doc.line_of(loc), rule_id, _field(loc), "R109",
                         _describe(err, ctype.params, err["loc"]))
    return None


def _check_messages(ctype, templates: dict, rule_id, path, doc, problems) -> None:
    for key, template in templates.items():
        if not isinstance(template, str):
            continue
        try:
            names = [f for _, f, _, _ in string.Formatter().parse(template) if f is not None]
        except ValueError as exc:
            problems.add(path, doc.line_of((key,)), rule_id, key, "R110", f"bad template: {exc}")
            continue
        for name in names:
            base = name.split(".")[0].split("[")[0]
            if base not in ctype.variables:
                problems.add(path, doc.line_of((key,)), rule_id, key, "R110",
                             f"unknown variable {{{name}}}; check type {ctype.name!r} offers: "
                             f"{', '.join('{' + v + '}' for v in ctype.variables)}")


def _validate_parts(data: dict, model, rule_id, path, doc, fset, problems) -> None:
    """After a schema error, still check the parts that can be checked on their own, so
    one run reports every problem in the file."""
    if model is CheckRule:
        if isinstance(data.get("check"), str):
            ctype = _check_type(data["check"], rule_id, path, doc, problems)
            if ctype is not None:
                if isinstance(data.get("params", {}), dict):
                    _check_params(ctype, data.get("params", {}), rule_id, path, doc, problems)
                _check_messages(ctype, {k: data.get(k) for k in ("message", "consistent_message")},
                                rule_id, path, doc, problems)
        return
    if isinstance(data.get("pattern"), str):
        compiled = _compile_pattern(data["pattern"], bool(data.get("case_sensitive")), rule_id,
                                    path, doc, fset, problems)
        if isinstance(data.get("parse"), dict):
            groups = set(compiled[2]) if compiled else None
            _parse_steps(data["parse"], groups, rule_id, path, doc, problems)


def _report_validation(exc: ValidationError, doc, path, rule_id, model, problems) -> None:
    for err in exc.errors():
        loc = tuple(err["loc"])
        if err["type"] == "extra_forbidden":
            code = "R101"
        elif err["type"] == "missing":
            code = "R102"
        else:
            code = "R105"
        problems.add(path, doc.line_of(loc), rule_id, _field(loc), code, _describe(err, model, loc))


def _describe(err: dict, model: type[BaseModel], loc: tuple) -> str:
    kind = err["type"]
    name = loc[-1] if loc else ""
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        hint = _did_you_mean(str(name), allowed)
        return f"unknown field {name!r}{hint}; allowed: {', '.join(sorted(allowed))}"
    if kind == "missing":
        return f"missing field {name!r}"
    msg = err["msg"]
    if kind in ("literal_error", "enum") and "expected" in err.get("ctx", {}):
        return f"{msg[0].lower()}{msg[1:]}, got {err.get('input')!r}"
    return msg[0].lower() + msg[1:]


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """The field names (by alias) of the model found at `loc` inside `model`."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = _field_named(current, part)
        if field is None:
            return []
        current = _model_in(field.annotation)
        if current is None:
            return []
    return [f.alias or n for n, f in current.model_fields.items()]


def _field_named(model, name):
    for n, f in model.model_fields.items():
        if name in (n, f.alias):
            return f
    return None


def _model_in(annotation):
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _field(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _did_you_mean(name: str, known) -> str:
    close = difflib.get_close_matches(str(name), [str(k) for k in known], n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
