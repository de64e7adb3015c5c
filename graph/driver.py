"""The one door from graph/ to Neo4j: a driver built from its config, bound to its database.

Every read and write in graph/ goes through `Graph.read` / `Graph.write`, so driver errors are turned into
`GraphUnavailable` in one place and callers (the API, the CLI) never see the driver's exception tree. The
API gives its Graph and Reader one `Circuit` (graph/circuit.py): a query that finds the server gone opens
it, and later queries fail at once until a probe finds the server back.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, LiteralString

from neo4j import (
    Driver,
    GraphDatabase,
    ManagedTransaction,
    NotificationDisabledClassification,
    RoutingControl,
)
from neo4j.exceptions import AuthError, DatabaseUnavailable, ServiceUnavailable, SessionExpired

from graph.circuit import Circuit
from graph.config import GraphConfig
from graph.errors import GraphUnavailable

# The driver retries a failed transaction for 30 s by default; the worker and the CLI wait 5 s (they
# have their own retries), the API less (app.settings: API_RETRY_SECONDS), so it answers 503 at once.
RETRY_SECONDS = 5.0


@contextmanager
def translated_errors(uri: str, circuit: Circuit | None = None) -> Iterator[None]:
    if circuit is not None:
        circuit.check()
    try:
        yield
    except AuthError as error:
        raise GraphUnavailable(f"Neo4j at {uri} refused the credentials: {error.message}") from error
    except (ServiceUnavailable, SessionExpired, DatabaseUnavailable) as error:
        reason = f"Neo4j at {uri} does not answer"
        if circuit is None:
            raise GraphUnavailable(reason) from error
        circuit.open(reason)
        raise GraphUnavailable(reason, retry_after=circuit.probe_seconds) from error


@dataclass(frozen=True)
class Graph:
    """A driver and the database it works on; cheap to pass around, closed once by its opener."""

    driver: Driver
    database: str
    uri: str
    circuit: Circuit | None = None

    def read(self, query: LiteralString, **parameters: Any) -> list[dict[str, Any]]:
        """Run one read query on a reader (routing read) and return its records as plain dicts."""
        with translated_errors(self.uri, self.circuit):
            records, _, _ = self.driver.execute_query(
                query, parameters, routing_=RoutingControl.READ, database_=self.database
            )
        return [record.data() for record in records]

    def write[T](self, work: Callable[[ManagedTransaction], T]) -> T:
        """Run `work` in one managed write transaction, retried by the driver on transient errors."""
        with (
            translated_errors(self.uri, self.circuit),
            self.driver.session(database=self.database) as session,
        ):
            return session.execute_write(work)

    def run_in_transactions(self, query: LiteralString, **parameters: Any) -> None:
        """Run one `CALL { ... } IN TRANSACTIONS` statement (a large backfill): it needs an auto-commit
        transaction, which is not retried."""
        with (
            translated_errors(self.uri, self.circuit),
            self.driver.session(database=self.database) as session,
        ):
            session.run(query, parameters).consume()

    def ping(self) -> dict[str, str]:
        """Check that the server answers; say which server it is."""
        with translated_errors(self.uri, self.circuit):
            info = self.driver.get_server_info()
        return {"uri": self.uri, "agent": info.agent, "address": str(info.address), "database": self.database}

    def close(self) -> None:
        self.driver.close()


def driver_options(config: GraphConfig, *, retry_seconds: float = RETRY_SECONDS) -> dict[str, Any]:
    """The options the sync writer and the async reader share."""
    return {
        "auth": (config.user, config.password),
        "max_transaction_retry_time": retry_seconds,
        # The first retry comes after at most a second, so a short retry budget stays short.
        "initial_retry_delay": min(1.0, retry_seconds / 2),
        "connection_timeout": config.acquisition_timeout_seconds,
        "connection_acquisition_timeout": config.acquisition_timeout_seconds,
        # "Label does not exist" on a fresh database (before the first write) is expected, not a warning.
        "notifications_disabled_classifications": [NotificationDisabledClassification.UNRECOGNIZED],
    }


def connect(
    config: GraphConfig, *, retry_seconds: float = RETRY_SECONDS, circuit: Circuit | None = None
) -> Graph:
    """Build (but do not yet open a connection with) the driver the config describes."""
    driver = GraphDatabase.driver(config.uri, **driver_options(config, retry_seconds=retry_seconds))
    return Graph(driver=driver, database=config.database, uri=config.uri, circuit=circuit)
