"""Settings refuse placeholder secrets in production; the local server's conf wires the Browser style."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from app.cli_neo4j import local_neo4j
from app.settings import LOCAL_API_KEY, LOCAL_PASSWORD, PROJECT_ROOT, Settings
from graph.server import LocalNeo4j

REAL = "a-real-secret-of-enough-length"


@pytest.mark.parametrize(
    ("password", "key"),
    [(LOCAL_PASSWORD, REAL), (REAL, LOCAL_API_KEY), ("changeme", REAL), (REAL, "short"), (REAL, "")],
)
def test_production_refuses_placeholder_secrets(password: str, key: str) -> None:
    with pytest.raises(ValidationError, match="production"):
        Settings(environment="production", neo4j_password=password, api_key=key)


def test_production_starts_with_real_secrets_and_development_with_the_local_ones() -> None:
    assert Settings(environment="production", neo4j_password=REAL, api_key=REAL + "-key").api_key
    assert Settings(environment="development").api_key.get_secret_value() == LOCAL_API_KEY


def test_the_local_server_applies_the_style_and_guide_when_browser_connects(tmp_path: Path) -> None:
    server = LocalNeo4j(tmp_path, password="password1", api_url="http://127.0.0.1:8123/")

    server._write_conf()

    conf = (tmp_path / "conf" / "neo4j.conf").read_text(encoding="utf-8").splitlines()
    assert (
        "browser.post_connect_cmd=style http://127.0.0.1:8123/browser/style.grass; "
        "guide http://127.0.0.1:8123/browser/guide.html"
    ) in conf
    assert any(
        line.startswith("browser.remote_content_hostname_whitelist=") and "127.0.0.1" in line for line in conf
    )


def test_the_demo_server_points_browser_at_the_configured_api(tmp_path: Path) -> None:
    settings = Settings(neo4j_home=tmp_path, api_host="0.0.0.0", api_port=8123)

    server = local_neo4j(settings)

    assert server.api_url == "http://127.0.0.1:8123"  # a browser cannot open 0.0.0.0


def test_the_development_example_env_works_as_it_is(tmp_path: Path) -> None:
    settings = Settings(_env_file=PROJECT_ROOT / ".env.example")  # type: ignore[call-arg]

    assert settings.environment == "development"
    assert settings.api_key.get_secret_value() == LOCAL_API_KEY


def test_the_compose_example_env_needs_its_two_secrets_replaced(tmp_path: Path) -> None:
    example = (PROJECT_ROOT / ".env.compose.example").read_text(encoding="utf-8")
    with pytest.raises(ValidationError, match="NEO4J_PASSWORD and API_KEY are placeholders"):
        Settings(_env_file=PROJECT_ROOT / ".env.compose.example")  # type: ignore[call-arg]
    filled = re.sub(r"(?m)^(NEO4J_PASSWORD|API_KEY)=.*$", lambda m: f"{m[1]}={REAL}-{m[1].lower()}", example)
    (tmp_path / ".env").write_text(filled, encoding="utf-8")

    settings = Settings(_env_file=tmp_path / ".env")  # type: ignore[call-arg]

    assert settings.environment == "production"
    assert settings.neo4j_uri == "bolt://neo4j:7687"


def _didar(tmp_path: Path, **variables: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **variables}
    env.pop("API_KEY", None)
    return subprocess.run(
        [sys.executable, "-m", "app.cli", "neo4j", "status"],
        cwd=tmp_path,  # no .env here
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    ("variables", "says"),
    [
        ({"ENVIRONMENT": "production", "NEO4J_PASSWORD": REAL}, "API_KEY is a placeholder or shorter"),
        ({"API_PORT": "eighty"}, "API_PORT: Input should be a valid integer"),
    ],
)
def test_a_settings_error_is_one_line_naming_the_variable(
    tmp_path: Path, variables: dict[str, str], says: str
) -> None:
    done = _didar(tmp_path, **variables)

    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1, done.stderr
    assert done.stderr.startswith("didar: invalid settings (from the environment or .env): ")
    assert says in done.stderr
