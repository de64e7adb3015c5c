"""One settings object, read from the environment and `.env`."""

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import SecretStr, ValidationError, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.config import GraphConfig
from worker.config import WorkerConfig

PROJECT_ROOT = Path(__file__).resolve().parent.parent
LOCAL_PASSWORD = "didar-local-dev"
LOCAL_API_KEY = "didar-local-dev-key"
# Secrets a production deployment must not run with (compared case-insensitively), and the least length.
PLACEHOLDER_SECRETS = frozenset({"", "neo4j", "password", "changeme", "change-me", "secret", "test"})
MIN_PRODUCTION_SECRET = 16


def _is_placeholder(secret: str) -> bool:
    return (
        secret.casefold() in PLACEHOLDER_SECRETS | {LOCAL_PASSWORD, LOCAL_API_KEY}
        or secret.casefold().startswith(("change-me", "changeme"))  # the examples' placeholders
        or len(secret) < MIN_PRODUCTION_SECRET
    )


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    environment: Literal["development", "production"] = "development"

    # With NEO4J_URI unset didar manages its own local server (see graph/server.py).
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr(LOCAL_PASSWORD)
    neo4j_database: str = "neo4j"

    # The local server: where it lives and the loopback ports it listens on.
    neo4j_home: Path = PROJECT_ROOT / "var" / "neo4j"
    neo4j_bolt_port: int = 7687
    neo4j_http_port: int = 7474

    api_host: str = "127.0.0.1"
    api_port: int = 8000

    # The ingest worker (worker/loop.py, docs/worker.md). A claim expires after the lease, so a killed
    # worker's batch goes to another one; keep the lease well above the time one batch takes.
    worker_batch_size: int = 100
    worker_lease_seconds: float = 120.0
    worker_poll_seconds: float = 1.0
    worker_max_attempts: int = 3
    worker_retry_cap_seconds: float = 30.0  # the longest wait between retries of a transient error
    worker_processes: int = 1
    # /health says `degraded` when an article has waited this long and no worker claimed in as long.
    worker_stuck_seconds: float = 60.0
    max_article_chars: int = 100_000
    # Feeds the worker follows (FEEDS='["https://...", ...]'), polled every feed_interval_seconds; a
    # failing feed waits twice as long after each failure, up to feed_max_backoff_seconds.
    feeds: list[str] = []
    feed_interval_seconds: float = 300.0
    feed_max_backoff_seconds: float = 3600.0
    http_timeout_seconds: float = 15.0

    # The API (docs/api.md). Writes (POST /articles and admin actions) need API_KEY in the X-API-Key
    # header; reads too when READS_REQUIRE_KEY is true. Production refuses the local placeholders.
    api_key: SecretStr = SecretStr(LOCAL_API_KEY)
    reads_require_key: bool = False
    query_timeout_seconds: float = 5.0  # the Neo4j transaction timeout of every API read
    # Neo4j down: the API waits at most this long for a connection, retries a failed query for at most
    # API_RETRY_SECONDS, then answers 503 at once (Retry-After) while a probe looks every
    # NEO4J_PROBE_SECONDS and closes the circuit when the server is back (graph/circuit.py).
    neo4j_acquisition_timeout_seconds: float = 2.0
    api_retry_seconds: float = 0.3
    neo4j_probe_seconds: float = 1.0
    max_body_bytes: int = 1_048_576
    catalog_ttl_seconds: float = 30.0  # how long topic and country names and counts are cached
    response_cache_seconds: float = 0.0  # >0: identical reads answered from memory that long (app/cache.py)
    # Pages that may call the API from a browser, such as Neo4j Browser fetching the style and guide;
    # empty means the local server's Browser (http://127.0.0.1:NEO4J_HTTP_PORT and localhost).
    cors_origins: list[str] = []

    @model_validator(mode="after")
    def _no_placeholder_secrets_in_production(self) -> "Settings":
        if self.environment != "production":
            return self
        weak = [
            name
            for name, secret in (("NEO4J_PASSWORD", self.neo4j_password), ("API_KEY", self.api_key))
            if _is_placeholder(secret.get_secret_value())
        ]
        if weak:
            raise ValueError(
                f"{' and '.join(weak)} {'is a placeholder' if len(weak) == 1 else 'are placeholders'} or "
                f"shorter than {MIN_PRODUCTION_SECRET} characters; production (ENVIRONMENT=production) needs "
                "real secrets"
            )
        return self

    @property
    def manages_local_neo4j(self) -> bool:
        return self.neo4j_uri is None

    @property
    def browser_origins(self) -> list[str]:
        local = [f"http://{host}:{self.neo4j_http_port}" for host in ("127.0.0.1", "localhost")]
        return self.cors_origins or local

    @property
    def bolt_uri(self) -> str:
        return self.neo4j_uri or f"bolt://127.0.0.1:{self.neo4j_bolt_port}"

    @property
    def neo4j(self) -> GraphConfig:
        """What graph/ needs of these settings."""
        return GraphConfig(
            uri=self.bolt_uri,
            user=self.neo4j_user,
            password=self.neo4j_password.get_secret_value(),
            database=self.neo4j_database,
            query_timeout_seconds=self.query_timeout_seconds,
            acquisition_timeout_seconds=self.neo4j_acquisition_timeout_seconds,
        )

    @property
    def worker(self) -> WorkerConfig:
        """What worker/ needs of these settings."""
        return WorkerConfig(
            batch_size=self.worker_batch_size,
            lease_seconds=self.worker_lease_seconds,
            poll_seconds=self.worker_poll_seconds,
            max_attempts=self.worker_max_attempts,
            retry_cap_seconds=self.worker_retry_cap_seconds,
            max_article_chars=self.max_article_chars,
            feeds=tuple(self.feeds),
            feed_interval_seconds=self.feed_interval_seconds,
            feed_max_backoff_seconds=self.feed_max_backoff_seconds,
            http_timeout_seconds=self.http_timeout_seconds,
        )


class SettingsError(Exception):
    """The settings cannot be used; the message is one line that names the variable and the reason."""


def describe(error: ValidationError) -> str:
    """A settings error as one line: `invalid settings (...): API_PORT: ...; NEO4J_PASSWORD ...`."""
    problems = []
    for item in error.errors():
        message = str(item["msg"]).removeprefix("Value error, ")
        name = "_".join(str(part) for part in item["loc"]).upper()
        shown = "" if any(word in name for word in ("PASSWORD", "KEY")) else f" (got {item['input']!r})"
        problems.append(f"{name}: {message}{shown}" if name else message)
    return "invalid settings (from the environment or .env): " + "; ".join(problems)


@lru_cache
def get_settings() -> Settings:
    """The settings, read once; SettingsError with one clear line when they are not usable."""
    try:
        return Settings()
    except ValidationError as error:
        raise SettingsError(describe(error)) from None
