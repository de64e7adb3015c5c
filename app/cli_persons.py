"""`didar persons merge|split|mentions|corrections|undo`: an analyst's corrections of who is whom.

Each correction is stored in the graph with who made it, when and why (graph/corrections.py) and holds
whenever articles are re-processed. The articles it changes are queued and, unless `--queue`, rewritten
here at once, as `didar reprocess` does (with the extractor: a few seconds to start).
"""

import getpass
from collections.abc import Callable
from typing import Annotated, Any

import typer
from rich.console import Console

from app.cli_graph import drain_queue, open_graph, unavailable
from app.settings import get_settings
from graph.corrections import (
    Applied,
    list_corrections,
    merge_persons,
    person_mentions,
    split_person,
    undo_correction,
)
from graph.driver import Graph
from graph.errors import Conflict, GraphUnavailable, NotFound

app = typer.Typer(no_args_is_help=True, help="Analysts' corrections of who is whom (merge, split, undo).")
console = Console(soft_wrap=True)
errors = Console(stderr=True, soft_wrap=True)

Why = Annotated[str, typer.Option("--why", help="Why: the evidence, kept with the correction")]
By = Annotated[str, typer.Option("--by", help="Who decides (default: your user name)")]
Queue = Annotated[bool, typer.Option("--queue", help="Leave the rewriting to the running worker")]


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in a bare container
        return "unknown"


def _run[T](work: Callable[[Graph], T]) -> T:
    """Run `work` on the graph; an unknown id or a refused request is one line naming it, exit 1."""
    settings = get_settings()
    graph = open_graph(settings)
    try:
        return work(graph)
    except (NotFound, Conflict) as error:
        errors.print(f"didar: {error}", style="red", markup=False, highlight=False)
        raise typer.Exit(code=1) from error
    except GraphUnavailable as error:
        raise unavailable(settings, error) from error
    finally:
        graph.close()


def _apply(done: Applied, what: str, queue: bool) -> None:
    console.print(f"{what}; {done.requeued} articles queued to be rewritten.", markup=False)
    if queue or not done.requeued:
        return
    _run(lambda graph: drain_queue(graph, get_settings()))


def merge(
    keep: Annotated[str, typer.Argument(help="The person kept (a named person's id): its id stays")],
    other: Annotated[str, typer.Argument(help="The person who is the same: it joins KEEP")],
    why: Why,
    by: By = "",
    queue: Queue = False,
) -> None:
    """Two persons are one: OTHER's mentions, roles and meetings become KEEP's, now and whenever their
    articles are processed again."""
    done = _run(lambda graph: merge_persons(graph, keep, other, why=why, by=by or _user()))
    _apply(done, f"{other} merged into {keep} ({done.correction['id']})", queue)


def split(
    person: Annotated[str, typer.Argument(help="The person whose node holds two people")],
    mentions: Annotated[
        list[str],
        typer.Option("--mentions", help="An article whose mention of PERSON is someone else (repeat it)"),
    ],
    why: Why,
    by: By = "",
    queue: Queue = False,
) -> None:
    """PERSON's mentions in these articles (see `didar persons mentions`) are another person."""
    done = _run(lambda graph: split_person(graph, person, mentions, why=why, by=by or _user()))
    what = f"{person}'s mentions in {', '.join(done.correction['articles'])} split off into"
    _apply(done, f"{what} {done.correction['other']} ({done.correction['id']})", queue)


def mentions(
    person: Annotated[str, typer.Argument(help="A person's id")],
    limit: Annotated[int, typer.Option(min=1, help="At most this many")] = 200,
) -> None:
    """A person's mentions, newest first: the article (what `split --mentions` takes), its day, the
    meeting, the role, and the sentence that names them."""
    rows = _run(lambda graph: person_mentions(graph, person, limit=limit))
    for row in rows:
        said = "  ".join(part for part in (row["role"], f"[{row['rule']}]" if row["rule"] else "") if part)
        console.print(f"{row['article']}  {row['published'] or '-'}  {row['meeting']}  {said}", markup=False)
        console.print(f"    {row['sentence'] or ''}", markup=False, highlight=False)


def _lines(correction: dict[str, Any]) -> list[str]:
    kind, person, other = correction["kind"], correction["person"], correction["other"]
    what = f"{other} merged into {person}" if kind == "merge" else f"{person} split: {other} in "
    what += ", ".join(correction["articles"]) if kind == "split" else ""
    lines = [
        f"{correction['id']}  {what}",
        f"    by {correction['by']} at {correction['created_at'][:19]}: {correction['why']}",
    ]
    if correction["undone"]:
        lines.append(f"    undone by {correction['undone_by']} at {correction['undone_at'][:19]}")
    return lines


def corrections(
    person: Annotated[str | None, typer.Option(help="Only those about this person id")] = None,
    undone: Annotated[bool, typer.Option(help="Include undone corrections")] = False,
) -> None:
    """Every correction, newest first: what, who, when and why."""
    rows = _run(lambda graph: list_corrections(graph, person=person, undone=undone))
    for correction in rows:
        for line in _lines(correction):
            console.print(line, markup=False, highlight=False)
    if not rows:
        console.print("No corrections.")


def undo(
    correction: Annotated[str, typer.Argument(help="The correction's id (from `didar persons corrections`)")],
    by: By = "",
    queue: Queue = False,
) -> None:
    """Undo a correction: the articles it was applied to are rewritten without it."""
    done = _run(lambda graph: undo_correction(graph, correction, by=by or _user()))
    _apply(done, f"Correction {correction} undone", queue)


for command in (merge, split, mentions, corrections, undo):
    app.command()(command)
