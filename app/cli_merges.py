"""`didar merges list|undo`: see why mentions were resolved to a person, and undo a merge."""

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from app.settings import get_settings
from graph.driver import connect
from graph.errors import NotFound
from graph.merges import list_merges, undo_merge

app = typer.Typer(no_args_is_help=True, help="Cross-article identity decisions (person merges).")
console = Console(soft_wrap=True)


@app.command("list")
def list_command(
    person: Annotated[str | None, typer.Option(help="Only the merges into this person id")] = None,
    undone: Annotated[bool, typer.Option(help="Include undone merges")] = False,
) -> None:
    """Every merge: the mention's key, the person it joined, the rule and why."""
    graph = connect(get_settings().neo4j)
    try:
        merges = list_merges(graph, person=person, undone=undone)
    finally:
        graph.close()
    table = Table("id", "mention", "person", "rule", "why", "articles", "undone")
    for merge in merges:
        table.add_row(
            merge["id"], merge["name"] or "", merge["person"], merge["rule"], merge["detail"] or "",
            str(len(merge["sources"] or [])), "yes" if merge["undone"] else "",
        )  # fmt: skip
    console.print(table)


@app.command("undo")
def undo_command(
    merge_id: Annotated[str, typer.Argument(help="The merge's id (from `didar merges list`)")],
) -> None:
    """Undo a merge: the rule is not applied to that mention and person again, and the articles that used
    it are queued to be rewritten (by the worker, or `didar reprocess --queue` leaves them queued)."""
    graph = connect(get_settings().neo4j)
    try:
        requeued = undo_merge(graph, merge_id)
    except NotFound as error:
        console.print(str(error), style="red", markup=False)
        raise typer.Exit(code=1) from error
    finally:
        graph.close()
    console.print(f"Merge {merge_id} undone; {requeued} articles queued to be rewritten without it.")
