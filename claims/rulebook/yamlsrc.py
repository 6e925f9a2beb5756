"""YAML loading that remembers where every value came from.

Validation errors point at lines, so each loaded file keeps a map from a value's path
(('examples', 'match', 0, 'text')) to its line, taken from the parser's node marks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

try:  # libyaml is much faster and usually present
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


@dataclass
class YamlDoc:
    data: Any
    lines: dict[tuple, int] = field(default_factory=dict)
    key_lines: dict[tuple, int] = field(default_factory=dict)
    duplicate_keys: list[tuple[tuple, int]] = field(default_factory=list)

    def line_of(self, loc: tuple) -> int | None:
        """The line of `loc`, or of its nearest ancestor that has one."""
        loc = tuple(loc)
        while True:
            if loc in self.key_lines:
                return self.key_lines[loc]
            if loc in self.lines:
                return self.lines[loc]
            if not loc:
                return None
            loc = loc[:-1]


class YamlSyntaxError(Exception):
    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def load(text: str) -> YamlDoc:
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        context = getattr(exc, "context", None)
        message = f"{context}, {problem}" if context else problem
        raise YamlSyntaxError(line, f"YAML syntax: {message}") from None
    if node is None:
        return YamlDoc(data=None)
    doc = YamlDoc(data=None)
    _walk(node, (), doc)
    try:
        doc.data = SafeConstructor().construct_document(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise YamlSyntaxError(mark.line + 1 if mark else None, f"YAML: {exc}") from None
    return doc


def _walk(node, loc: tuple, doc: YamlDoc) -> None:
    doc.lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                doc.duplicate_keys.append((loc + (key,), key_node.start_mark.line + 1))
            seen.add(key)
            doc.key_lines[loc + (key,)] = key_node.start_mark.line + 1
            _walk(value_node, loc + (key,), doc)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, loc + (i,), doc)
