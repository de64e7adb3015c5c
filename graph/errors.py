"""The errors graph/ raises, so that callers never need to know the Neo4j driver's own exception tree."""


class GraphError(Exception):
    """Anything graph/ reports to its callers."""


class GraphUnavailable(GraphError):
    """Neo4j does not answer (down, unreachable, wrong password): the caller may retry later, after
    `retry_after` seconds when graph/ knows when it will look again."""

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class NotFound(GraphError):
    """A thing asked for by id or name is not in the graph; `kind` says what was looked for."""

    def __init__(self, kind: str, value: str) -> None:
        super().__init__(f"no {kind} matches {value!r}")
        self.kind = kind
        self.value = value


class Conflict(GraphError):
    """What was asked contradicts the graph as it is (merging a person with itself, undoing twice)."""
