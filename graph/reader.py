"""The API's door to Neo4j for reads: the async driver, read-routed managed transactions, a timeout.

The API answers many small reads at once, so it reads on the event loop with the async driver instead of
a thread per request; graph/driver.py's `Graph` stays the door for writes, migrations and the CLI. Every
query here runs in a managed read transaction routed to a reader (`routing_=READ`), so against a cluster
or Aura (`neo4j+s://`) reads spread over the secondaries, and the driver retries it on transient errors.
Each transaction carries a timeout, so no request holds the database for long.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, LiteralString

from neo4j import (
    AsyncDriver,
    AsyncGraphDatabase,
    Query,
    RoutingControl,
)
from neo4j.exceptions import ClientError

from graph.circuit import Circuit
from graph.config import GraphConfig
from graph.driver import RETRY_SECONDS, driver_options, translated_errors
from graph.errors import GraphError


class QueryTimedOut(GraphError):
    """A read ran past the transaction timeout (GraphConfig.query_timeout_seconds) and was stopped."""


@contextmanager
def _translated_errors(uri: str, circuit: Circuit | None) -> Iterator[None]:
    """The driver module's translation (Neo4j down, bad credentials), plus read timeouts."""
    try:
        with translated_errors(uri, circuit):
            yield
    except ClientError as error:
        if "TransactionTimedOut" in (error.code or ""):
            raise QueryTimedOut("the query took longer than the allowed time and was stopped") from error
        raise


@dataclass(frozen=True)
class Reader:
    """An async driver, the database it reads and the timeout of each read; closed once by its opener."""

    driver: AsyncDriver
    database: str
    uri: str
    timeout: float
    circuit: Circuit | None = None

    async def read(self, statement: LiteralString, /, **parameters: Any) -> list[dict[str, Any]]:
        """Run one query in a read transaction on a reader; its records as dicts. The queries return
        maps, lists and scalars only, so a record needs no conversion beyond `dict`."""
        with _translated_errors(self.uri, self.circuit):
            records, _, _ = await self.driver.execute_query(
                Query(statement, timeout=self.timeout),
                parameters,
                routing_=RoutingControl.READ,
                database_=self.database,
            )
        return [dict(record) for record in records]

    async def probe(self) -> None:
        """Check that the server answers (the circuit's probe); raises the driver's error if not."""
        await self.driver.verify_connectivity()

    async def close(self) -> None:
        await self.driver.close()


def open_reader(
    config: GraphConfig, *, retry_seconds: float = RETRY_SECONDS, circuit: Circuit | None = None
) -> Reader:
    """Build (without connecting yet) the async driver the config describes."""
    driver = AsyncGraphDatabase.driver(config.uri, **driver_options(config, retry_seconds=retry_seconds))
    return Reader(
        driver=driver,
        database=config.database,
        uri=config.uri,
        timeout=config.query_timeout_seconds,
        circuit=circuit,
    )
