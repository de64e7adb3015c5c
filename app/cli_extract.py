"""`didar extract INPUT.jsonl`: the extraction contract of ../shared/eval/README.md, no database."""

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError

from ingest.model import Article, Extraction
from ingest.pipeline import extract
from ingest.written import as_written, surname_as_written


def _output(extraction: Extraction, article: Article) -> str:
    """The contract's line: names and titles as the article writes them (the graph keeps them
    normalised)."""
    row = extraction.model_dump(mode="json", exclude={"text", "extractor_fingerprint"}, exclude_none=False)
    raw = f"{article.title or ''}\n{article.text}"
    for meeting in row["meetings"]:
        for party in meeting["participants"]:
            if party["name"] and party.get("name_source") != "knowledge_base":
                party["name"] = as_written(raw, party["name"]) or party["name"]
            elif party["name"]:
                # A holder the knowledge base named, whose surname the article writes its own way
                # ("نجیفی" for "اسامه النجیفی"): the article's form.
                party["name"] = surname_as_written(raw, party["name"]) or party["name"]
            if party["role"]:
                party["role"] = as_written(raw, party["role"]) or party["role"]
    return json.dumps(row, ensure_ascii=False)


def _failure(article_id: str, error: str) -> str:
    return json.dumps({"id": article_id, "meetings": [], "error": error}, ensure_ascii=False)


def extract_command(
    input_path: Annotated[Path, typer.Argument(help="JSONL: one article a line ({id, text, ...}).")],
) -> None:
    """Print one JSON line of meetings per input article, in input order."""
    try:
        lines = input_path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        typer.echo(f"{input_path}: cannot read: {error}", err=True)
        raise typer.Exit(2) from error
    bad_lines = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            article = Article.model_validate_json(line)
        except ValidationError as error:
            bad_lines += 1
            reason = error.errors()[0]["msg"] if error.errors() else str(error)
            typer.echo(f"{input_path}:{number}: not an article: {reason}", err=True)
            continue
        try:
            print(_output(extract(article), article), flush=False)
        except Exception as error:  # one bad article must not stop the batch (the contract)
            print(_failure(article.key, f"{type(error).__name__}: {error}"))
    sys.stdout.flush()
    if bad_lines:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)
