"""What graph/ needs to reach Neo4j, and nothing else: its own small config, which app/ fills in from
its settings (`Settings.neo4j`), so graph/ never reads app/."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class GraphConfig:
    uri: str  # bolt://, neo4j://, neo4j+s:// ...
    user: str = "neo4j"
    password: str = field(default="", repr=False)
    database: str = "neo4j"
    query_timeout_seconds: float = 5.0  # the transaction timeout of every API read (graph/reader.py)
    # How long to wait for a connection (a pooled one, or a new one to the server) before giving up.
    acquisition_timeout_seconds: float = 2.0
