"""`didar train`: rebuilds a model file of the extractor from its config and the annotated data: the
person-name tagger (`names`) or the event model (`events`); or the word classes the tagger reads
(`clusters`), learned from the raw pool, not from gold. Train clusters before names: the tagger's
features include them."""

import json
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ingest import cluster_training, event_training, training

_MODELS = Path(__file__).resolve().parent.parent / "ingest" / "models"


class Model(StrEnum):
    """In the order they build on each other: the tagger reads the classes, the event model the
    tagger's names."""

    clusters = "clusters"
    names = "names"
    events = "events"


TRAINERS: dict[Model, Callable[[Path, Path, Path], dict[str, object]]] = {
    Model.clusters: cluster_training.train,
    Model.names: training.train,
    Model.events: event_training.train,
}
# What each writes: a table, or a CRF model.
SUFFIX = {Model.clusters: "tsv", Model.names: "crfsuite", Model.events: "crfsuite"}


def train_command(
    which: Annotated[Model, typer.Argument(help="The model to train.")] = Model.names,
    config: Annotated[Path | None, typer.Option(help="The training config (default: the model's).")] = None,
    model: Annotated[Path | None, typer.Option(help="Where to write the model (default: shipped).")] = None,
    root: Annotated[Path, typer.Option(help="The folder the config's paths start from.")] = Path("."),
) -> None:
    """Train a model; print its figures on the config's evaluation sets."""
    config = config or _MODELS / f"{which.value}.json"
    model = model or _MODELS / f"{which.value}.{SUFFIX[which]}"
    if not config.is_file():
        typer.echo(f"{config}: no such config", err=True)
        raise typer.Exit(2)
    try:
        report = TRAINERS[which](config, root, model)
    except FileNotFoundError as error:
        typer.echo(f"{config}: {error.filename}: not found (the training data live in ../shared)", err=True)
        raise typer.Exit(2) from error
    typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
    typer.echo(f"model: {model}")


def register(app: typer.Typer) -> None:
    app.command("train")(train_command)
