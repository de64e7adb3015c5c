"""`didar migrate`, `didar ingest PATH...` and `didar serve`: the commands that use the graph.

Reading input files is kept pure (`read_inputs` yields articles or problems with file and line) so it is
unit-tested without a database; the commands only wire it to the extractor and graph/.
"""

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import batched
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from app.settings import Settings, get_settings
from graph.articles import BATCH_SIZE, write_extractions
from graph.driver import Graph, connect
from graph.errors import GraphUnavailable
from graph.schema import migrate as migrate_graph
from ingest.model import Article, Extraction

SUFFIXES = (".jsonl", ".txt")

# soft_wrap: file names and hints stay on one line, so they can be searched and copied.
console = Console(stderr=True, soft_wrap=True)


@dataclass(frozen=True)
class Located:
    """An article and where it was read from (`file:line` for JSONL, the file for .txt)."""

    article: Article
    origin: str


@dataclass(frozen=True)
class Problem:
    """An input that could not be read; the run goes on and exits non-zero at the end."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def input_files(paths: Iterable[Path]) -> Iterator[Path | Problem]:
    """The files to read: each file named, and every .jsonl/.txt under each directory, in name order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in SUFFIXES)
        elif not path.exists():
            yield Problem(str(path), "no such file or directory")
        elif path.suffix not in SUFFIXES:
            yield Problem(str(path), f"not a {' or '.join(SUFFIXES)} file")
        else:
            yield path


def _article(fields: object, origin: str) -> Located | Problem:
    if not isinstance(fields, dict):
        return Problem(origin, "not a JSON object")
    try:
        article = Article.model_validate(fields)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "article"
        return Problem(origin, f"{where}: {first['msg']}")
    if not article.text.strip():
        return Problem(origin, "text: the article text is empty")
    return Located(article, origin)


def read_jsonl(path: Path) -> Iterator[Located | Problem]:
    """One article per non-blank line: `{"id","title","text","published","url","source"}`, text required."""
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            origin = f"{path}:{number}"
            try:
                fields = json.loads(line)
            except json.JSONDecodeError as error:
                yield Problem(origin, f"invalid JSON: {error.msg} (column {error.colno})")
                continue
            yield _article(fields, origin)


def read_txt(path: Path) -> Located | Problem:
    """A plain-text article: the first line is its title, the rest its text."""
    try:
        content = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return Problem(str(path), "not UTF-8 text")
    title, _, text = content.strip().partition("\n")
    return _article({"title": title.strip() or None, "text": text.strip()}, str(path))


def read_inputs(paths: Iterable[Path]) -> Iterator[Located | Problem]:
    """Every article (or problem) in the given files and directories, in order."""
    for item in input_files(paths):
        if isinstance(item, Problem):
            yield item
        elif item.suffix == ".jsonl":
            yield from read_jsonl(item)
        else:
            yield read_txt(item)


def count_inputs(paths: Iterable[Path]) -> int:
    """How many articles (and problems) `read_inputs` will yield, for the progress bar."""
    total = 0
    for item in input_files(paths):
        if isinstance(item, Path) and item.suffix == ".jsonl":
            with item.open(encoding="utf-8", errors="replace") as lines:
                total += sum(1 for line in lines if line.strip())
        else:
            total += 1
    return total


def _unavailable(settings: Settings, error: GraphUnavailable) -> typer.Exit:
    if settings.manages_local_neo4j:
        hint = "Start the local server with `didar neo4j start`."
    else:
        hint = "Check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD, and that the server is up."
    console.print(f"{error}. {hint}", style="red", markup=False, highlight=False)
    return typer.Exit(code=2)


def _report(out: Console, problem: Problem) -> None:
    out.print(str(problem), style="yellow", markup=False, highlight=False)


def open_graph(settings: Settings) -> Graph:
    """Connect, check that Neo4j answers (with a hint naming the fix if not) and make the schema current."""
    graph = connect(settings)
    try:
        graph.ping()
        migrate_graph(graph)
    except GraphUnavailable as error:
        graph.close()
        raise _unavailable(settings, error) from error
    return graph


def migrate() -> None:
    """Apply the schema migrations the graph lacks and seed the topic tree."""
    settings = get_settings()
    graph = connect(settings)
    try:
        graph.ping()  # fails at once, where a transaction would be retried for seconds
        report = migrate_graph(graph)
    except GraphUnavailable as error:
        raise _unavailable(settings, error) from error
    finally:
        graph.close()
    applied = ", ".join(map(str, report.applied)) or "none (already current)"
    console.print(f"Schema version {report.version}; migrations applied: {applied}.")
    console.print("Topic tree seeded." if report.topics_seeded else "Topic tree unchanged.")


def _extract_all(items: Iterable[Located]) -> Iterator[tuple[Article, Extraction] | Problem]:
    from ingest.pipeline import extract  # the extractor loads its lexicons on import: only when ingesting

    for item in items:
        try:
            yield item.article, extract(item.article)
        except Exception as error:  # one article's failure must not stop a long ingest
            yield Problem(item.origin, f"extraction failed: {type(error).__name__}: {error}")


def ingest(
    paths: Annotated[list[Path], typer.Argument(help="JSONL files, .txt files or directories of them")],
) -> None:
    """Extract the meetings each article reports and write them to the graph, BATCH_SIZE per transaction."""
    settings = get_settings()
    graph = open_graph(settings)
    problems = articles = meetings = 0
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    try:
        with Progress(*columns, console=console) as progress:
            task = progress.add_task("Ingesting", total=count_inputs(paths))
            for chunk in batched(read_inputs(paths), BATCH_SIZE):
                good = []
                for item in _extract_all(x for x in chunk if isinstance(x, Located)):
                    if isinstance(item, Problem):
                        _report(progress.console, item)
                        problems += 1
                    else:
                        good.append(item)
                for bad in (x for x in chunk if isinstance(x, Problem)):
                    _report(progress.console, bad)
                    problems += 1
                summary = write_extractions(graph, good)
                articles += summary.articles
                meetings += summary.meetings
                progress.advance(task, len(chunk))
    except GraphUnavailable as error:
        raise _unavailable(settings, error) from error
    finally:
        graph.close()
    console.print(f"Ingested {articles} articles with {meetings} meetings; {problems} inputs skipped.")
    if problems:
        raise typer.Exit(code=1)


def serve(
    host: Annotated[str | None, typer.Option(help="Default: settings.api_host")] = None,
    port: Annotated[int | None, typer.Option(help="Default: settings.api_port")] = None,
    reload: Annotated[bool, typer.Option(help="Restart on code changes (development)")] = False,
) -> None:
    """Serve the HTTP API (OpenAPI docs at /docs)."""
    import uvicorn

    settings = get_settings()
    open_graph(settings).close()
    uvicorn.run(
        "app.api:create_app",
        factory=True,
        host=host or settings.api_host,
        port=port or settings.api_port,
        reload=reload,
    )


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root command."""
    app.command()(migrate)
    app.command()(ingest)
    app.command()(serve)
