"""The error hierarchy. Every error a user can meet has a stable code to search for."""

from __future__ import annotations


class ClaimsError(Exception):
    """Base of every error the engine raises on purpose."""

    code = "C000"


class InputError(ClaimsError):
    """The article cannot be checked as given (empty, too long, bad date ...)."""

    code = "C100"


class EmptyArticle(InputError):
    code = "C101"


class ArticleTooLong(InputError):
    code = "C102"

    def __init__(self, length: int, limit: int):
        super().__init__(
            f"the article is {length:,} characters long; the limit is {limit:,} characters"
        )
        self.length = length
        self.limit = limit


class BudgetExceeded(InputError):
    """The per-article time budget ran out inside a pattern: the text is pathological."""

    code = "C103"

    def __init__(self, budget_ms: float, rule: str):
        super().__init__(
            f"checking took longer than the {budget_ms:g} ms budget (in rule {rule}); "
            "the text may be pathological or too long"
        )
        self.budget_ms = budget_ms
        self.rule = rule


class TooManyClaims(InputError):
    """So many figures so close together that the text is a table or machine-made, not an
    article; checking it would take long and say nothing."""

    code = "C105"

    def __init__(self, found: int, length: int):
        every = max(length // max(found, 1), 1)
        super().__init__(
            f"the text holds more than {found:,} claims, one every {every} characters or "
            "less; that is a table or generated text, not an article"
        )
        self.found = found


class UnknownRule(ClaimsError):
    code = "C104"


class RulebookError(ClaimsError):
    """A rule pack failed to load. Carries every problem found, one line each."""

    code = "R000"

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(self.__str__())

    def __str__(self) -> str:
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''} in the rules:"
        return "\n".join([head, *(p.format() for p in self.problems)])
