"""The Engine: rule packs compiled once, then `check()` is a pure function of the article.

    >>> from claims import Engine, Article
    >>> report = Engine.default().check(Article(text="Sales rose 5% to $2.4bn.", published="2025-12-01"))
    >>> [c.kind for c in report.claims]
    ['percent', 'money']
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from claims.assemble import build_report
from claims.checks.base import CheckContext
from claims.errors import ArticleTooLong, EmptyArticle
from claims.extract import Deadline, extract
from claims.link import link
from claims.markup import to_plain
from claims.model.article import Article, CheckOptions
from claims.model.report import Report
from claims.rulebook import Rulebook, load_rulebook, user_roots
from claims.scan import ScanPlan
from claims.text.document import Document
from claims.text.sentences import SentenceSplitter
from claims.version import __version__

DEFAULT_MAX_CHARS = 2_000_000
DEFAULT_BUDGET_MS = 10_000.0


class Engine:
    def __init__(
        self,
        rulebook: Rulebook,
        *,
        max_chars: int = DEFAULT_MAX_CHARS,
        budget_ms: float | None = DEFAULT_BUDGET_MS,
    ):
        self.rulebook = rulebook
        self.max_chars = max_chars
        self.budget_ms = budget_ms
        lex = rulebook.lexicons
        abbreviations = lex["abbreviations"].entries
        self.splitter = SentenceSplitter(
            never_end=[e.text for e in abbreviations if e.value != "may-end"],
            may_end=[e.text for e in abbreviations if e.value == "may-end"],
            starters=lex["sentence-starters"].texts(),
        )
        self._selection = lru_cache(maxsize=64)(self._select)
        self.plan = ScanPlan(rulebook.extraction)
        # Scan every pattern over the whole text instead of where it can match: the same
        # claims, slower; for `claims bench --full-scan` and the equivalence tests.
        self.full_scan = False

    @classmethod
    def default(cls) -> "Engine":
        """The built-in rules plus any packs named in CLAIMS_RULES_PATH, loaded once."""
        return _default_engine(tuple(str(p) for p in user_roots()))

    @classmethod
    def load(cls, paths: list[str | Path] = (), *, builtin: bool = True, **limits) -> "Engine":
        return cls(load_rulebook([Path(p) for p in paths], builtin=builtin), **limits)

    def warm(self) -> "Engine":
        """Compile every pattern now (they compile on first use otherwise, see
        rulebook/patterncache.py) and load what the first quantity needs, so a server's
        first request is as fast as its next."""
        for rule in self.rulebook.extraction:
            rule.regex
        self.check(Article(text="The 10-mile (16 km) road cost $2.4bn, 5% more, on Dec 12.",
                           published="2025-12-01"))
        return self

    @property
    def version(self) -> str:
        return __version__

    @property
    def ruleset(self) -> str:
        return self.rulebook.ruleset

    def check(self, article: Article | str, options: CheckOptions | None = None) -> Report:
        if isinstance(article, str):
            article = Article(text=article)
        options = options or CheckOptions()
        text = article.text
        if not text.strip():
            raise EmptyArticle("the article text is empty")
        if len(text) > self.max_chars:
            raise ArticleTooLong(len(text), self.max_chars)
        budget = options.budget_ms if options.budget_ms is not None else self.budget_ms
        deadline = Deadline(budget)
        markup = None
        if article.format != "text":
            markup = to_plain(text, article.format)
            text = markup.text
            if not text.strip():
                raise EmptyArticle(f"the article has no text once its {article.format} markup "
                                   "is removed")
        doc = Document.build(text, self.splitter, published=article.published, title=article.title)
        extraction, checks = self._selection(
            tuple(options.rules) if options.rules is not None else None,
            tuple(options.skip_rules),
        )
        lexicons = self.rulebook.lexicons
        mentions = extract(doc, extraction, lexicons, deadline, self.plan,
                           full_scan=self.full_scan)
        link(doc, mentions, lexicons, deadline)
        ctx = CheckContext(doc, mentions, lexicons)
        drafts = []
        for rule in checks:
            deadline.remaining(rule.id)
            drafts.extend((rule, d) for d in rule.type.fn(ctx, rule))
        return build_report(
            article, doc, mentions, drafts,
            version=__version__, ruleset=self.ruleset, offsets=options.offsets, markup=markup,
        )

    def _select(self, include, exclude):
        ids = self.rulebook.select(list(include) if include is not None else None, list(exclude))
        return (
            tuple(r for r in self.rulebook.extraction if r.id in ids),
            tuple(r for r in self.rulebook.checks if r.id in ids),
        )


@lru_cache(maxsize=4)
def _default_engine(paths: tuple[str, ...]) -> Engine:
    return Engine(load_rulebook([Path(p) for p in paths]))

