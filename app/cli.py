"""The `didar` console command: one sub-command per job, each defined in its own module."""

import sys

import typer

from app import cli_extract, cli_graph, cli_neo4j, cli_persons, cli_train, cli_worker
from app.settings import SettingsError

app = typer.Typer(no_args_is_help=True, add_completion=False, help="didar: diplomatic meetings as a graph.")
app.add_typer(cli_neo4j.app, name="neo4j")
app.add_typer(cli_persons.app, name="persons")
cli_extract.register(app)
cli_graph.register(app)
cli_worker.register(app)
cli_train.register(app)


def main() -> None:
    try:
        app()
    except SettingsError as error:  # one line, not a traceback: the fix is in the environment or .env
        print(f"didar: {error}", file=sys.stderr)
        raise SystemExit(2) from None


if __name__ == "__main__":  # `python -m app.cli`, as the worker supervisor starts its worker
    main()
