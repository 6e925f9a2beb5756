"""Precision, recall and F1 over spans, and the task registry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __iadd__(self, other: "PRF") -> "PRF":
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self


@dataclass
class Score:
    """One line of the accuracy table."""

    task: str
    measure: str  # e.g. "TIMEX3 value F1"
    corpus: str  # e.g. "timebank+aquaint"
    prf: PRF | None = None
    value: float | None = None  # for measures that are not F1 (accuracy)
    target: float | None = None
    maximum: float | None = None  # for measures where lower is better (false alarms)
    note: str = ""
    extra: dict = field(default_factory=dict)
    # What the figure is made of that went wrong, for `claims eval --errors`: dicts with a
    # `category`, the `doc`, a `start`/`end` in its text, `context`, and task-specific fields.
    errors: list[dict] = field(default_factory=list)

    @property
    def figure(self) -> float:
        return self.value if self.value is not None else self.prf.f1

    @property
    def met(self) -> bool | None:
        if self.maximum is not None:
            return self.figure <= self.maximum
        return None if self.target is None else self.figure >= self.target


@dataclass(frozen=True)
class Task:
    name: str
    summary: str
    fn: Callable


TASKS: dict[str, Task] = {}


def task(name: str, summary: str):
    def register(fn):
        TASKS[name] = Task(name, summary, fn)
        return fn

    return register


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match_spans(gold: list[tuple[int, int]], found: list[tuple[int, int]], strict: bool) -> tuple[PRF, list[tuple[int, int]]]:
    """Greedy one-to-one matching (TempEval-3 style): strict = same offsets, relaxed =
    overlapping. Returns the counts and the matched (gold index, found index) pairs."""
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        for fi, f in enumerate(found):
            if fi in used:
                continue
            if (g == f) if strict else overlaps(g, f):
                used.add(fi)
                pairs.append((gi, fi))
                break
    tp = len(pairs)
    return PRF(tp=tp, fp=len(found) - tp, fn=len(gold) - tp), pairs


def context(text: str, start: int, end: int, width: int = 60) -> str:
    """The span in its surroundings, on one line, marked [[like this]]."""
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    return " ".join((left + "[[" + text[start:end] + "]]" + right).split())
