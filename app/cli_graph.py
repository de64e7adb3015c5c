"""`didar migrate`, `didar ingest PATH_OR_URL...`, `didar reprocess` and `didar serve`: commands that use
the graph. Reading inputs lives in worker/sources (pure of the graph); these commands wire it to the
extractor, the queue and graph/.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import batched
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from app import cli_merges
from app.settings import Settings, get_settings
from graph.articles import BATCH_SIZE, Failure, write_batch
from graph.driver import Graph, connect
from graph.errors import GraphUnavailable
from graph.queue import enqueue, known_articles, queue_counts, requeue
from graph.schema import migrate as migrate_graph
from ingest.model import Article, Extraction, content_hash
from worker.retry import PermanentError, check_article
from worker.sources import Fetcher, Item, Located, Problem, count_sources, read_sources

# soft_wrap: file names and hints stay on one line, so they can be searched and copied.
console = Console(stderr=True, soft_wrap=True)


def unavailable(settings: Settings, error: GraphUnavailable) -> typer.Exit:
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
    graph = connect(settings.neo4j)
    try:
        graph.ping()
        migrate_graph(graph)
    except GraphUnavailable as error:
        graph.close()
        raise unavailable(settings, error) from error
    return graph


def migrate() -> None:
    """Apply the schema migrations the graph lacks and seed the topic tree."""
    settings = get_settings()
    graph = connect(settings.neo4j)
    try:
        graph.ping()  # fails at once, where a transaction would be retried for seconds
        report = migrate_graph(graph)
    except GraphUnavailable as error:
        raise unavailable(settings, error) from error
    finally:
        graph.close()
    applied = ", ".join(map(str, report.applied)) or "none (already current)"
    console.print(f"Schema version {report.version}; migrations applied: {applied}.")
    console.print("Topic tree seeded." if report.topics_seeded else "Topic tree unchanged.")


@dataclass
class Counts:
    """The final line of an ingest: new, already known (same id and content), failed."""

    new: int = 0
    known: int = 0
    failed: int = 0

    def __str__(self) -> str:
        return f"{self.new} new, {self.known} already known, {self.failed} failed"


def _extract_batch(
    articles: list[Article], max_chars: int
) -> tuple[list[tuple[Article, Extraction]], list[Failure]]:
    from worker.loop import default_extract  # loads the lexicons: only when ingesting

    extract = default_extract()
    done, failed = [], []
    for article in articles:
        try:
            check_article(article, max_chars=max_chars)
            done.append((article, extract(article)))
        except PermanentError as error:
            failed.append(Failure(article.key, str(error)))
        except Exception as error:  # one article's failure must not stop a long ingest
            failed.append(Failure(article.key, f"the extractor failed: {type(error).__name__}: {error}"))
    return done, failed


def _ingest_inline(graph: Graph, articles: list[Article], counts: Counts, out: Console) -> None:
    """Extract here and write; an article stored with the same content by this extractor is skipped."""
    from ingest.fingerprint import extractor_fingerprint

    known = known_articles(graph, [a.key for a in articles])
    current = extractor_fingerprint()

    def unchanged(article: Article) -> bool:
        row = known.get(article.key) or {}
        return row.get("content_hash") == content_hash(article) and row.get("fingerprint") == current

    fresh = [a for a in articles if not unchanged(a)]
    counts.known += len(articles) - len(fresh)
    if not fresh:
        return
    max_chars = get_settings().max_article_chars
    done, failed = _extract_batch(fresh, max_chars)
    # An article over the limit fails; it keeps its reason and a prefix, not megabytes of text.
    write_batch(graph, done, failed, store=fresh, store_chars=max_chars)
    counts.new += len(done)
    counts.failed += len(failed)
    for failure in failed:
        out.print(f"{failure.article_id}: {failure.error}", style="yellow", markup=False, highlight=False)


def _ingest_queued(graph: Graph, articles: list[Article], counts: Counts) -> None:
    result = enqueue(graph, articles)
    counts.new += len(result.queued)
    counts.known += len(result.known)


def _progress() -> Progress:
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    return Progress(*columns, console=console)


def _chunks(items: Iterable[Item], size: int) -> Iterator[tuple[list[Article], list[Problem]]]:
    for chunk in batched(items, size):
        yield (
            [x.article for x in chunk if isinstance(x, Located)],
            [x for x in chunk if isinstance(x, Problem)],
        )


def ingest(
    sources: Annotated[
        list[str], typer.Argument(help="JSONL, .txt, .html or feed files, directories, or page/feed URLs")
    ],
    queue: Annotated[bool, typer.Option("--queue", help="Hand the articles to the worker")] = False,
) -> None:
    """Read articles from files, directories, pages and feeds; extract and write them (or queue them)."""
    settings = get_settings()
    graph = open_graph(settings)
    fetcher = Fetcher(timeout=settings.http_timeout_seconds)
    counts = Counts()
    try:
        with _progress() as progress:
            task = progress.add_task("Queueing" if queue else "Ingesting", total=count_sources(sources))
            for articles, problems in _chunks(read_sources(sources, fetcher), BATCH_SIZE):
                for problem in problems:
                    _report(progress.console, problem)
                counts.failed += len(problems)
                if queue:
                    _ingest_queued(graph, articles, counts)
                else:
                    _ingest_inline(graph, articles, counts, progress.console)
                progress.advance(task, len(articles) + len(problems))
    except GraphUnavailable as error:
        raise unavailable(settings, error) from error
    finally:
        fetcher.close()
        graph.close()
    where = " (queued for the worker)" if queue else ""
    console.print(f"Articles: {counts}{where}.", markup=False, highlight=False)
    if counts.failed:
        raise typer.Exit(code=1)


def reprocess(
    all_: Annotated[
        bool, typer.Option("--all", help="Every article, not only those another extractor wrote")
    ] = False,
    failed: Annotated[bool, typer.Option("--failed", help="Only the failed articles")] = False,
    queue: Annotated[bool, typer.Option("--queue", help="Leave them to the running worker")] = False,
) -> None:
    """Re-extract articles (by default the done ones whose extractor fingerprint differs from this
    extractor's: code, lexicons or model changed) and replace their facts; facts that other articles
    support stay, and identity decisions are made again."""
    from ingest.fingerprint import extractor_fingerprint
    from ingest.pipeline import EXTRACTOR_VERSION

    fingerprint = extractor_fingerprint()
    settings = get_settings()
    graph = open_graph(settings)
    try:
        if failed:
            count = requeue(graph, other_than=None, statuses=("failed",))
        elif all_:
            count = requeue(graph, other_than=None)
        else:
            count = requeue(graph, other_than=fingerprint, statuses=("done", "extracted"))
        console.print(
            f"{count} articles queued again (extractor {EXTRACTOR_VERSION}, fingerprint {fingerprint})."
        )
        if queue or not count:
            return
        drain_queue(graph, settings)
        console.print(f"Queue now: {queue_counts(graph)}.", markup=False, highlight=False)
    except GraphUnavailable as error:
        raise unavailable(settings, error) from error
    finally:
        graph.close()


def drain_queue(graph: Graph, settings: Settings) -> None:
    """Process the queue here, as a worker in burst mode would, with a progress bar."""
    from worker.loop import Worker

    total = sum(queue_counts(graph)[s] for s in ("queued", "processing"))
    worker = Worker(graph, settings.worker)
    with _progress() as progress:
        task = progress.add_task("Reprocessing", total=total)

        def advance() -> None:
            progress.update(task, completed=worker.stats.done + worker.stats.failed)

        worker.on_batch = advance
        stats = worker.run(burst=True)
    console.print(f"Reprocessed: {stats.done} done, {stats.failed} failed.")


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
    app.command()(reprocess)
    app.command()(serve)
    app.add_typer(cli_merges.app, name="merges")
