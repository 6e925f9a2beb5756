"""Patterns that compiled before load lazily; new or broken ones are compiled at load."""

from __future__ import annotations

import pytest

from claims import Article, Engine
from claims.errors import RulebookError
from claims.rulebook import load_rulebook
from tests.conftest import SEED, SEED_PUBLISHED


def test_a_warm_cache_loads_lazily_and_checks_the_same(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMS_CACHE_DIR", str(tmp_path))
    cold = load_rulebook([])
    assert all(r._pattern is not None for r in cold.extraction)  # compiled at load
    record = (tmp_path / "patterns-v1.txt").read_text().splitlines()
    assert len(record) == len({r.source for r in cold.extraction})
    warm = load_rulebook([])
    assert all(r._pattern is None for r in warm.extraction)  # known good: not compiled yet
    article = Article(text=SEED.read_text(encoding="utf-8"), published=SEED_PUBLISHED)
    assert Engine(warm).check(article) == Engine(cold).check(article)
    assert {r.groups for r in warm.extraction} == {r.groups for r in cold.extraction}


def test_a_broken_pattern_is_refused_even_with_a_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMS_CACHE_DIR", str(tmp_path / "cache"))
    pack = tmp_path / "pack" / "number"
    pack.mkdir(parents=True)
    (pack / "broken.yml").write_text(
        "summary: Broken.\npattern: '(?P<num>{number}'\nparse:\n  number: num\n"
        "examples:\n  match:\n    - text: '[[5]]'\n  no_match:\n    - 'x'\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(RulebookError, match=r"\[R104\] pattern does not compile"):
            load_rulebook([tmp_path / "pack"])


def test_an_unwritable_cache_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CLAIMS_CACHE_DIR", str(blocker))
    book = load_rulebook([])
    assert all(r._pattern is not None for r in book.extraction)


def test_warm_compiles_every_pattern(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMS_CACHE_DIR", str(tmp_path))
    load_rulebook([])
    engine = Engine(load_rulebook([]))
    engine.warm()
    assert all(r._pattern is not None for r in engine.rulebook.extraction)
