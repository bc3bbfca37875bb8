from .articles import (
    SEARCH_MAX_CHARS,
    SEARCH_MAX_WORDS,
    Article,
    ArticleImage,
    ArticleQuerySet,
    search_words,
)
from .editing import ArticleAutosave
from .reads import ArticleDailyRead, ArticleDailyReadQuerySet, ReadFlush
from .taxonomy import Category, CategoryQuerySet, Source, Tag

__all__ = [
    "SEARCH_MAX_CHARS",
    "SEARCH_MAX_WORDS",
    "Article",
    "ArticleAutosave",
    "ArticleDailyRead",
    "ArticleDailyReadQuerySet",
    "ArticleImage",
    "ArticleQuerySet",
    "Category",
    "CategoryQuerySet",
    "ReadFlush",
    "Source",
    "Tag",
    "search_words",
]
