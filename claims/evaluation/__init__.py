"""Accuracy against gold annotations: `claims eval` (and `make eval`).

A task scores one sort of claim against one sort of gold annotation (TIMEX3 dates, MEANTIME
values, speakers ...). Tasks register themselves by name:

    @task("timex", "TIMEX3 dates, times and durations (TimeBank, AQUAINT, GUM)")
    def score_timex(engine, corpus: Corpus) -> list[Score]: ...

A newsroom scores its own rule pack on its own annotated articles with the same command,
given a folder in the corpus layout (articles.jsonl + gold.jsonl).
"""

from claims.evaluation.corpus import Corpus, default_corpus_root, load_corpus
from claims.evaluation.scoring import PRF, Score, task, TASKS

__all__ = ["Corpus", "PRF", "Score", "TASKS", "default_corpus_root", "load_corpus", "task"]
