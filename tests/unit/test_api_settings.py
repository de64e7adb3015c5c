"""Settings refuse placeholder secrets in production; the local server's conf wires the Browser style."""

from pathlib import Path

import pytest
from pydantic import ValidationError

from app.cli_neo4j import local_neo4j
from app.settings import LOCAL_API_KEY, LOCAL_PASSWORD, Settings
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
