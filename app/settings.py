"""One settings object, read from the environment and `.env`."""

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
LOCAL_PASSWORD = "didar-local-dev"


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

    @property
    def manages_local_neo4j(self) -> bool:
        return self.neo4j_uri is None

    @property
    def bolt_uri(self) -> str:
        return self.neo4j_uri or f"bolt://127.0.0.1:{self.neo4j_bolt_port}"


@lru_cache
def get_settings() -> Settings:
    return Settings()
