"""`didar train`: rebuilds the person-name tagger's model file from its config and the annotated data."""

import json
from pathlib import Path
from typing import Annotated

import typer

from ingest.training import train

_MODELS = Path(__file__).resolve().parent.parent / "ingest" / "models"


def train_command(
    config: Annotated[Path, typer.Option(help="The training config.")] = _MODELS / "names.json",
    model: Annotated[Path, typer.Option(help="Where to write the model.")] = _MODELS / "names.crfsuite",
    root: Annotated[Path, typer.Option(help="The folder the config's paths start from.")] = Path("."),
) -> None:
    """Train the name tagger; print its exact-span P/R/F1 on the config's evaluation sets."""
    if not config.is_file():
        typer.echo(f"{config}: no such config", err=True)
        raise typer.Exit(2)
    try:
        report = train(config, root, model)
    except FileNotFoundError as error:
        typer.echo(f"{config}: {error.filename}: not found (the training data live in ../shared)", err=True)
        raise typer.Exit(2) from error
    typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
    typer.echo(f"model: {model}")


def register(app: typer.Typer) -> None:
    app.command("train")(train_command)
