"""`didar neo4j start|stop|status`: the project's own local Neo4j server."""

import typer

from app.settings import Settings, get_settings
from graph.server import LocalNeo4j, Neo4jServerError

app = typer.Typer(no_args_is_help=True, help="Manage the local Neo4j server.")


def _reachable(host: str) -> str:
    """The address a browser on this machine uses for an API bound to `host`."""
    return "127.0.0.1" if host in ("0.0.0.0", "::", "") else host


def local_neo4j(settings: Settings) -> LocalNeo4j:
    """The server that settings describe (home, ports, password)."""
    return LocalNeo4j(
        settings.neo4j_home,
        bolt_port=settings.neo4j_bolt_port,
        http_port=settings.neo4j_http_port,
        password=settings.neo4j_password.get_secret_value(),
        # Browser fetches didar's style and guide from the API, wherever API_HOST/API_PORT put it.
        api_url=f"http://{_reachable(settings.api_host)}:{settings.api_port}",
    )


@app.command()
def start() -> None:
    """Start the local Neo4j (fetching its jars the first time) and wait until it answers."""
    settings = get_settings()
    if not settings.manages_local_neo4j:
        typer.echo(f"NEO4J_URI is set: using the Neo4j at {settings.neo4j_uri}; nothing to start.")
        return
    server = local_neo4j(settings)
    try:
        started = server.start()
    except Neo4jServerError as error:
        typer.echo(f"didar: {error}", err=True)
        raise typer.Exit(1) from error
    pid = server.status().pid
    typer.echo(f"Neo4j {'started' if started else 'already running'} (pid {pid}, home {server.home})")
    typer.echo(f"  Bolt:     {server.bolt_uri}")
    typer.echo(f"  Browser:  {server.browser_url}")
    typer.echo(f"  User:     {settings.neo4j_user}")
    typer.echo(f"  Password: {settings.neo4j_password.get_secret_value()}")
    typer.echo(f"  Log:      {server.log_path}")


@app.command()
def stop() -> None:
    """Stop the local Neo4j if it runs."""
    settings = get_settings()
    if not settings.manages_local_neo4j:
        typer.echo(f"NEO4J_URI is set: the Neo4j at {settings.neo4j_uri} is not didar's to stop.")
        return
    server = local_neo4j(settings)
    typer.echo("Neo4j stopped." if server.stop() else f"Neo4j in {server.home} was not running.")


@app.command()
def status() -> None:
    """Say whether the local Neo4j runs, and where; exit code 3 when it does not."""
    settings = get_settings()
    if not settings.manages_local_neo4j:
        typer.echo(f"NEO4J_URI is set: using the Neo4j at {settings.neo4j_uri}.")
        return
    state = local_neo4j(settings).status()
    if not state.running:
        typer.echo(f"Neo4j in {state.home} is not running (start it with `didar neo4j start`).")
        raise typer.Exit(3)
    typer.echo(f"Neo4j is running (pid {state.pid}, home {state.home})")
    typer.echo(f"  Bolt:    {state.bolt_uri}")
    typer.echo(f"  Browser: {state.browser_url}")
    typer.echo(f"  Log:     {state.log}")
