"""What every reader yields: an article with where it came from, or a problem with the reason."""

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from ingest.model import Article


@dataclass(frozen=True)
class Located:
    """An article and where it was read from (`file:line` for JSONL, the file or URL otherwise)."""

    article: Article
    origin: str


@dataclass(frozen=True)
class Problem:
    """An input that could not be read; the run goes on and reports it at the end."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


Item = Located | Problem


def as_article(fields: Any, origin: str) -> Item:
    """Validate one input's fields as an Article; the first error, located, when they are not one."""
    if not isinstance(fields, dict):
        return Problem(origin, "not a JSON object")
    try:
        article = Article.model_validate(fields)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "article"
        return Problem(origin, f"{where}: {first['msg']}")
    if not article.text.strip() and not (article.title or "").strip():  # a headline alone is an article
        return Problem(origin, "text: the article has neither title nor text")
    return Located(article, origin)


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM); bytes that are not are replaced by U+FFFD, so the article is kept and
    later refused as undecodable with the reason (worker.retry.check_article) rather than lost here."""
    return data.decode("utf-8-sig", errors="replace")


def storable_text(text: str) -> str:
    """The text with lone surrogates (valid in JSON, not in UTF-8) replaced by U+FFFD: Neo4j stores it,
    and the worker refuses it as undecodable if too much was lost."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
