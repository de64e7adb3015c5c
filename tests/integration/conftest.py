"""Fixtures for the graph and API tests: a Graph and an app on the clean test database, and hand-built
articles with their extractions (the extractor is tested elsewhere; here only what graph/ is given)."""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from app.api import create_app
from app.settings import Settings
from graph.driver import Graph, connect
from graph.schema import migrate
from ingest.model import Article, Extraction, Meeting, Party, Place, Span
from tests.conftest import DELETE_ALL_NODES, TestNeo4j
from tests.integration.graph_state import graph_state
from tests.integration.meetings_data import write_week

ARAGHCHI = Party(
    name="عباس عراقچی",
    name_en="Abbas Araghchi",
    name_source="text",
    role="وزیر امور خارجه",
    role_en="Minister of Foreign Affairs",
    country="IR",
    country_fa="ایران",
    country_en="Iran",
)
MIRZOYAN = Party(
    name="آرارات میرزویان",
    name_en="Ararat Mirzoyan",
    role="وزیر امور خارجه",
    role_en="Minister of Foreign Affairs",
    country="AM",
    country_fa="ارمنستان",
    country_en="Armenia",
)
SAUDI_MINISTER = Party(  # named by title only
    role="وزیر امور خارجه",
    role_en="Minister of Foreign Affairs",
    country="SA",
    country_fa="عربستان سعودی",
    country_en="Saudi Arabia",
)
CAUCASUS_SENTENCE = "عباس عراقچی با آرارات میرزویان در تهران درباره قفقاز دیدار کرد."
PHONE_SENTENCE = "وزیر امور خارجه عربستان سعودی با عراقچی تلفنی درباره غزه گفت‌وگو کرد."


def _news_code(article_id: str) -> str:
    """An outlet's own line under the story ("news code: ..."), so that articles of other ids are other
    texts: the same text under another id is a copy of one article (graph/copies.py)."""
    return f"کد خبر: {article_id}"


def caucasus_article(article_id: str = "a-1") -> tuple[Article, Extraction]:
    """One article: Araghchi and Mirzoyan met in Tehran on 2024-05-01 about Karabakh (South Caucasus)."""
    body = f"{CAUCASUS_SENTENCE}\n{_news_code(article_id)}"
    text = f"دیدار در تهران\n{body}"
    article = Article(
        id=article_id,
        title="دیدار در تهران",
        text=body,
        published=date(2024, 5, 1),
        url=f"https://news.example/{article_id}",
        source="example",
    )
    start = text.index(CAUCASUS_SENTENCE)
    meeting = Meeting(
        participants=[ARAGHCHI, MIRZOYAN],
        date=date(2024, 5, 1),
        place=Place(city="تهران", city_en="Tehran", country="IR"),
        topics=["caucasus"],
        subtopics=["karabakh"],
        evidence=CAUCASUS_SENTENCE,
        evidence_span=Span(start=start, end=start + len(CAUCASUS_SENTENCE)),
    )
    return article, Extraction(id=article.key, meetings=[meeting], extractor_version="test", text=text)


def phone_article(article_id: str = "a-2") -> tuple[Article, Extraction]:
    """An undated phone call between Araghchi and the unnamed Saudi foreign minister about Gaza."""
    body = f"{PHONE_SENTENCE}\n{_news_code(article_id)}"
    article = Article(id=article_id, title="گفت‌وگوی تلفنی", text=body, source="example")
    text = f"گفت‌وگوی تلفنی\n{body}"
    start = text.index(PHONE_SENTENCE)
    meeting = Meeting(
        participants=[SAUDI_MINISTER, ARAGHCHI],
        kind="phone",
        topics=["gaza"],
        evidence=PHONE_SENTENCE,
        evidence_span=Span(start=start, end=start + len(PHONE_SENTENCE)),
    )
    return article, Extraction(id=article.key, meetings=[meeting], extractor_version="test", text=text)


@pytest.fixture
def graph(neo4j_driver: Driver, neo4j_settings: Settings) -> Iterator[Graph]:
    """A Graph on the clean, migrated test database."""
    graph = connect(neo4j_settings.neo4j)
    migrate(graph)
    yield graph
    graph.close()


@pytest.fixture
def client(neo4j_driver: Driver, neo4j_settings: Settings) -> Iterator[TestClient]:
    """The API on the clean test database (its lifespan migrates it), with the real driver; its requests
    carry the API key (tests of the key itself override the header). The app reads its catalog of topics
    and countries at its first request: a test that writes after reading needs a new client."""
    with _api(neo4j_settings) as client:
        yield client


def _api(settings: Settings) -> TestClient:
    return TestClient(create_app(settings), headers={"X-API-Key": settings.api_key.get_secret_value()})


@dataclass
class _Written:
    state: str | None = None  # the database's state just after the week was written


@pytest.fixture(scope="session")
def _week_written() -> _Written:
    return _Written()


@pytest.fixture
def week_api(
    neo4j_session_driver: Driver, neo4j_server: TestNeo4j, neo4j_settings: Settings, _week_written: _Written
) -> Iterator[TestClient]:
    """The API over the week of meetings_data, for tests that only read it. Writing the week is most of
    such a test's time, so it is written once and kept while the database stays as it was written; a
    test in between that wipes or writes anything makes the next reader write it again."""
    database = neo4j_server.database
    if graph_state(neo4j_session_driver, database) != _week_written.state:
        neo4j_session_driver.execute_query(DELETE_ALL_NODES, database_=database)
        graph = connect(neo4j_settings.neo4j)
        try:
            migrate(graph)
            write_week(graph)
        finally:
            graph.close()
        _week_written.state = graph_state(neo4j_session_driver, database)
    with _api(neo4j_settings) as client:
        yield client
