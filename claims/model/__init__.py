"""The pydantic models of the JSON contract (DESIGN.md, "The report")."""

from claims.model.article import Article, CheckOptions
from claims.model.claim import Claim, Source, Span
from claims.model.finding import Evidence, Finding
from claims.model.report import ArticleInfo, EngineInfo, Report, Summary

__all__ = [
    "Article",
    "ArticleInfo",
    "CheckOptions",
    "Claim",
    "EngineInfo",
    "Evidence",
    "Finding",
    "Report",
    "Source",
    "Span",
    "Summary",
]
