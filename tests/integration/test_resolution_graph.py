"""One person and one meeting however many articles report them, against the real test Neo4j: merges
with their rule, unnamed officeholders, meetings within a day, undo, and re-processing."""

from datetime import date

from neo4j import Driver

from app.settings import Settings
from graph.articles import write_extractions
from graph.driver import Graph
from graph.merges import list_merges, undo_merge
from graph.queue import enqueue, get_article
from graph.resolution import ROLE_HOLDER, SAME_HOLDER, SAME_NAME, SHORT_NAME, SPELLING
from ingest.model import Article, Extraction, Meeting, Party, Place, Span
from tests.integration.conftest import ARAGHCHI, MIRZOYAN
from tests.integration.workers import drain

SENTENCE = "عراقچی با میرزویان دیدار کرد."


def _article(
    article_id: str, *parties: Party, day: date | None, published: date | None = None, topics: list[str] = ()
) -> tuple[Article, Extraction]:  # type: ignore[assignment]
    article = Article(id=article_id, title=f"خبر {article_id}", text=SENTENCE, published=published or day)
    meeting = Meeting(
        participants=list(parties),
        date=day,
        topics=list(topics),
        evidence=SENTENCE,
        evidence_span=Span(start=0, end=len(SENTENCE)),
    )
    return article, Extraction(id=article_id, meetings=[meeting], extractor_version="t", text=SENTENCE)


def _people(driver: Driver) -> list[tuple[str | None, int]]:
    records, _, _ = driver.execute_query(
        "MATCH (p:Person) "
        "RETURN p.name AS name, count { (p)-[:PARTICIPATED_IN]->() } AS meetings ORDER BY name"
    )
    return [(r["name"], r["meetings"]) for r in records]


def _reports(driver: Driver) -> list[int]:
    records, _, _ = driver.execute_query(
        "MATCH (m:Meeting) RETURN count { (m)-[:REPORTED_IN]->() } AS n ORDER BY n DESC"
    )
    return [r["n"] for r in records]


def test_one_person_under_a_full_name_a_surname_and_spelling_variants(
    graph: Graph, neo4j_driver: Driver
) -> None:
    surname = ARAGHCHI.model_copy(update={"name": "عراقچی", "name_en": None})
    arabic_ye = ARAGHCHI.model_copy(update={"name": "عباس عراقچي"})  # the same key once normalised
    mirzoyan_zwnj = MIRZOYAN.model_copy(update={"name": "آرارات\u200cمیرزویان"})  # likewise
    mirzoyan_space = MIRZOYAN.model_copy(update={"name": "آرارات میر زویان"})
    write_extractions(graph, [_article("a-1", surname, MIRZOYAN, day=date(2024, 5, 1))])
    write_extractions(graph, [_article("a-2", ARAGHCHI, mirzoyan_zwnj, day=date(2024, 6, 1))])
    write_extractions(graph, [_article("a-3", arabic_ye, mirzoyan_space, day=date(2024, 7, 1))])

    assert _people(neo4j_driver) == [("آرارات میرزویان", 3), ("عباس عراقچی", 3)]  # the fullest name wins
    merges = {(m["name"], m["rule"], tuple(m["sources"])) for m in list_merges(graph)}
    assert merges == {("عباس عراقچی", SHORT_NAME, ("a-2", "a-3")), ("آرارات میر زویان", SAME_NAME, ("a-3",))}


def test_a_batch_with_two_mentions_of_one_person_keeps_the_english_name_either_gives(
    graph: Graph, neo4j_driver: Driver
) -> None:
    """One batch, one person written twice with names of equal length: the knowledge base's English name
    of the second mention stays, so a later mention of the holder finds him by it."""
    unknown = ARAGHCHI.model_copy(update={"name": "عباس\u200cعراقچی", "name_en": None})
    write_extractions(
        graph,
        [
            _article("b-1", unknown, MIRZOYAN, day=date(2024, 5, 1)),
            _article("b-2", ARAGHCHI, MIRZOYAN, day=date(2024, 5, 2)),
        ],
    )
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (p:Person) WHERE p.name_key = 'عباس عراقچی' RETURN p.name_en AS en"
    )
    assert [r["en"] for r in records] == ["Abbas Araghchi"]


def test_the_knowledge_bases_holder_is_one_person_whatever_name_came_first(
    graph: Graph, neo4j_driver: Driver
) -> None:
    """A bare surname written before the full name, with a namesake in the graph that makes the surname
    ambiguous to the name rules: the knowledge base's holder keeps the minister one node."""
    surname = ARAGHCHI.model_copy(update={"name": "عراقچی"})
    honorific = ARAGHCHI.model_copy(update={"name": "سید عباس عراقچی"})
    namesake = Party(name="کاظم عراقچی", role="استاندار", country="IR")
    write_extractions(graph, [_article("k-1", namesake, MIRZOYAN, day=date(2024, 5, 1))])
    write_extractions(graph, [_article("k-2", surname, MIRZOYAN, day=date(2024, 6, 1))])
    write_extractions(graph, [_article("k-3", honorific, MIRZOYAN, day=date(2024, 7, 1))])
    write_extractions(graph, [_article("k-4", surname, MIRZOYAN, day=date(2024, 8, 1))])

    assert _people(neo4j_driver) == [("آرارات میرزویان", 4), ("سید عباس عراقچی", 3), ("کاظم عراقچی", 1)]
    merges = {(m["name"], m["rule"], tuple(m["sources"])) for m in list_merges(graph)}
    assert ("سید عباس عراقچی", SAME_HOLDER, ("k-3",)) in merges


def test_two_transliterations_of_a_foreign_name_are_one_person(graph: Graph, neo4j_driver: Driver) -> None:
    """The graph finds the earlier spelling by its spelling key; a Persian namesake's vowels still
    tell two people apart."""
    pompeo = Party(name="مایک پمپئو", role="وزیر خارجه", country="US")
    write_extractions(graph, [_article("s-1", pompeo, MIRZOYAN, day=date(2019, 5, 1))])
    variant = pompeo.model_copy(update={"name": "مایک پامپئو"})
    write_extractions(graph, [_article("s-2", variant, MIRZOYAN, day=date(2019, 6, 1))])
    hassan = Party(name="حسن روحانی", role="رئیس‌جمهور", country="IR")
    hossein = Party(name="حسین روحانی", role="استاندار", country="IR")
    write_extractions(graph, [_article("s-3", hassan, MIRZOYAN, day=date(2019, 7, 1))])
    write_extractions(graph, [_article("s-4", hossein, MIRZOYAN, day=date(2019, 8, 1))])

    # The fullest name (most letters) names the node.
    assert _people(neo4j_driver) == [
        ("آرارات میرزویان", 4), ("حسن روحانی", 1), ("حسین روحانی", 1), ("مایک پامپئو", 2)
    ]  # fmt: skip
    merges = {(m["name"], m["rule"], tuple(m["sources"])) for m in list_merges(graph)}
    assert ("مایک پامپئو", SPELLING, ("s-2",)) in merges


def test_two_people_who_share_a_surname_stay_two(graph: Graph, neo4j_driver: Driver) -> None:
    putin = Party(name="ولادیمیر پوتین", role="رئیس‌جمهور", country="RU")
    ali = Party(name="علی لاریجانی", role="رئیس مجلس", country="IR")
    sadegh = Party(name="صادق لاریجانی", role="رئیس قوه قضاییه", country="IR")
    speaker = Party(name="لاریجانی", role="رئیس مجلس", country="IR")
    turk = Party(name="لاریجانی", role="سفیر", country="TR")
    write_extractions(graph, [_article("l-1", ali, putin, day=date(2012, 3, 1))])
    write_extractions(graph, [_article("l-2", sadegh, putin, day=date(2012, 3, 5))])
    write_extractions(graph, [_article("l-3", speaker, putin, day=date(2012, 3, 9))])
    write_extractions(graph, [_article("l-4", turk, putin, day=date(2012, 3, 12))])

    assert _people(neo4j_driver) == [
        ("صادق لاریجانی", 1),
        ("علی لاریجانی", 2),  # the speaker, by role and country
        ("لاریجانی", 1),  # a Turkish ambassador: another country
        ("ولادیمیر پوتین", 4),
    ]


def test_an_unnamed_officeholder_is_linked_to_the_known_holder_at_that_date(
    graph: Graph, neo4j_driver: Driver
) -> None:
    unnamed = Party(role=ARAGHCHI.role, country="IR", country_fa="ایران")
    write_extractions(graph, [_article("u-1", ARAGHCHI, MIRZOYAN, day=date(2024, 9, 1))])
    write_extractions(graph, [_article("u-2", ARAGHCHI, MIRZOYAN, day=date(2025, 2, 1))])
    write_extractions(graph, [_article("u-3", unnamed, MIRZOYAN, day=date(2024, 12, 1), topics=["gaza"])])
    write_extractions(graph, [_article("u-4", unnamed, MIRZOYAN, day=date(2019, 1, 1))])

    records, _, _ = neo4j_driver.execute_query(
        """
        MATCH (p:Person)-[t:PARTICIPATED_IN]->(m:Meeting)
        WHERE t.role_id IS NOT NULL AND NOT p.name = 'آرارات میرزویان' OR p.unnamed
        RETURN toString(m.date) AS day, p.name AS name, p.unnamed AS unnamed, t.rule AS rule ORDER BY day
        """
    )
    assert [(r["day"], r["name"], r["rule"]) for r in records] == [
        ("2019-01-01", None, None),  # nobody known in that role then: an unnamed node
        ("2024-09-01", "عباس عراقچی", None),
        ("2024-12-01", "عباس عراقچی", ROLE_HOLDER),
        ("2025-02-01", "عباس عراقچی", None),
    ]
    [merge] = [m for m in list_merges(graph) if m["rule"] == ROLE_HOLDER]
    assert "2024-12-01" in merge["detail"] and merge["sources"] == ["u-3"]


def test_one_meeting_reported_by_several_articles(graph: Graph, neo4j_driver: Driver) -> None:
    surname = ARAGHCHI.model_copy(update={"name": "عراقچی"})
    write_extractions(graph, [_article("r-1", ARAGHCHI, MIRZOYAN, day=date(2024, 5, 1))])
    write_extractions(graph, [_article("r-2", surname, MIRZOYAN, day=None, published=date(2024, 5, 2))])
    write_extractions(graph, [_article("r-3", MIRZOYAN, ARAGHCHI, day=date(2024, 5, 1))])
    write_extractions(graph, [_article("r-4", ARAGHCHI, MIRZOYAN, day=None, published=date(2024, 5, 5))])

    assert _reports(neo4j_driver) == [3, 1]  # same date, or within a day when undated; not 4 days later
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (:Meeting)-[r:REPORTED_IN]->(a:Article) RETURN a.id AS id, r.rule AS rule ORDER BY id"
    )
    assert [(r["id"], r["rule"]) for r in records] == [
        ("r-1", None),
        ("r-2", "within_a_day"),
        ("r-3", None),
        ("r-4", None),
    ]


def test_two_outlets_title_one_minister_differently_and_report_one_meeting(
    graph: Graph, neo4j_driver: Driver
) -> None:
    full = Party(name="سید عباس عراقچی", role="وزیر امور خارجه", country="IR")
    short = Party(name="عراقچی", role="وزیر خارجه", country="IR")
    fidan = Party(name="حاکان فیدان", role="وزیر امور خارجه", country="TR")
    fidan_short = Party(name="فیدان", role="وزیر خارجه", country="TR")
    envoy = Party(role="سفیر", country="TR")
    envoy_other_words = Party(role="سفیر کبیر", country="TR")
    day = date(2025, 3, 1)
    write_extractions(graph, [_article("o-1", full, fidan_short, envoy, day=day)])
    write_extractions(graph, [_article("o-2", short, fidan, envoy_other_words, day=day)])
    deputy = Party(name="عراقچی", role="معاون وزیر خارجه", country="IR")
    write_extractions(graph, [_article("o-3", deputy, fidan, day=date(2025, 9, 1))])

    people = _people(neo4j_driver)
    assert ("سید عباس عراقچی", 1) in people and ("حاکان فیدان", 2) in people  # meetings each
    assert ("عراقچی", 1) in people  # a deputy minister's surname in the same period: kept apart
    assert _reports(neo4j_driver) == [2, 1]  # the wording of the roles does not split the meeting


def test_a_surname_in_an_office_of_another_period_is_the_same_person(
    graph: Graph, neo4j_driver: Driver
) -> None:
    minister = Party(name="سید عباس عراقچی", role="وزیر امور خارجه", country="IR")
    deputy = Party(name="عراقچی", role="معاون وزیر خارجه", country="IR")
    fidan = Party(name="حاکان فیدان", role="وزیر امور خارجه", country="TR")
    write_extractions(graph, [_article("c-1", minister, fidan, day=date(2025, 3, 1))])
    write_extractions(graph, [_article("c-2", deputy, fidan, day=date(2019, 3, 1))])

    assert ("سید عباس عراقچی", 2) in _people(neo4j_driver)  # deputy in 2019, minister in 2025: a career


def test_undoing_a_merge_splits_the_person_and_keeps_it_apart(
    graph: Graph, neo4j_driver: Driver, neo4j_settings: Settings
) -> None:
    surname = ARAGHCHI.model_copy(update={"name": "عراقچی", "name_en": None})
    items = dict(
        (article.key, (article, extraction))
        for article, extraction in (
            _article("d-1", ARAGHCHI, MIRZOYAN, day=date(2024, 5, 1)),
            _article("d-2", surname, MIRZOYAN, day=date(2024, 6, 1)),
        )
    )
    write_extractions(graph, items.values())
    [merge] = list_merges(graph)
    assert merge["rule"] == SHORT_NAME

    assert undo_merge(graph, merge["id"]) == 1  # its one article is queued to be rewritten
    assert get_article(graph, "d-2")["status"] == "queued"
    drain(graph, neo4j_settings, extract=lambda article: items[article.key][1])

    assert _people(neo4j_driver) == [("آرارات میرزویان", 2), ("عباس عراقچی", 1), ("عراقچی", 1)]
    [undone] = list_merges(graph, undone=True)
    assert undone["undone"] and undone["id"] == merge["id"]
    write_extractions(graph, items.values())  # the rule stays blocked
    assert len(_people(neo4j_driver)) == 3


def test_reprocessing_replaces_only_what_the_article_supported(
    graph: Graph, neo4j_driver: Driver, neo4j_settings: Settings
) -> None:
    one = _article("p-1", ARAGHCHI, MIRZOYAN, day=date(2024, 5, 1), topics=["caucasus"])
    two = _article("p-2", ARAGHCHI, MIRZOYAN, day=date(2024, 5, 1), topics=["karabakh"])
    write_extractions(graph, [one, two])
    enqueue(graph, [one[0]], force=True)
    nothing = Extraction(id="p-1", meetings=[], extractor_version="t2", text=SENTENCE)

    drain(graph, neo4j_settings, extract=lambda article: nothing)

    records, _, _ = neo4j_driver.execute_query(
        """
        MATCH (m:Meeting)
        RETURN [(m)-[:ABOUT]->(t) | t.id] AS topics, [(m)-[:REPORTED_IN]->(a) | a.id] AS articles,
               [(m)<-[t:PARTICIPATED_IN]-() | t.sources] AS sources
        """
    )
    [meeting] = records
    assert (meeting["topics"], meeting["articles"]) == (["karabakh"], ["p-2"])
    assert meeting["sources"] == [["p-2"], ["p-2"]]
    assert get_article(graph, "p-1")["extractor_version"] == "t2"


def test_reprocessing_keeps_a_name_compared_with_its_hamza_seats_folded(
    graph: Graph, neo4j_driver: Driver, neo4j_settings: Settings
) -> None:
    """The names left after an article is reprocessed are compared as the writer compares them, so the
    other spelling of the minister still finds him."""
    momeni = Party(name="اسکندر مؤمنی", role="وزیر کشور", country="IR")
    one = _article("h-1", momeni, MIRZOYAN, day=date(2024, 5, 1))
    two = _article("h-2", momeni, MIRZOYAN, day=date(2024, 6, 1))
    write_extractions(graph, [one, two])
    enqueue(graph, [one[0]], force=True)
    drain(
        graph,
        neo4j_settings,
        extract=lambda article: Extraction(id="h-1", meetings=[], extractor_version="t2"),
    )
    write_extractions(
        graph,
        [_article("h-3", momeni.model_copy(update={"name": "اسکندر مومنی"}), MIRZOYAN, day=date(2024, 7, 1))],
    )

    records, _, _ = neo4j_driver.execute_query(
        "MATCH (p:Person) WHERE p.name_key STARTS WITH 'اسکندر' "
        "RETURN p.name AS name, p.compact_key AS compact, p.search_key AS search"
    )
    assert [(r["name"], r["compact"], r["search"]) for r in records] == [
        ("اسکندر مؤمنی", "اسکندرمومنی", "اسکندر مومنی")
    ]


def test_a_country_known_only_as_a_venue_gets_its_names(graph: Graph, neo4j_driver: Driver) -> None:
    article, extraction = _article("v-1", ARAGHCHI, MIRZOYAN, day=date(2024, 5, 1))
    extraction.meetings[0].place = Place(city="ژنو", country="CH")
    write_extractions(graph, [(article, extraction)])
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (c:Country {code: 'CH'}) RETURN c.name_fa AS fa, c.name_en AS en"
    )
    assert [(r["fa"], r["en"]) for r in records] == [("سوئیس", "Switzerland")]


def test_reports_of_one_meeting_across_outlets_are_one_meeting_whatever_their_wording(
    graph: Graph, neo4j_driver: Driver
) -> None:
    araghchi = Party(name="سید عباس عراقچی", role="وزیر امور خارجه", country="IR")
    albusaidi = Party(name="بدر البوسعیدی", role="وزیر امور خارجه", country="OM")
    oman_fm = Party(role="وزیر خارجه", country="OM")  # unnamed, in other words
    counterpart = Party(role="همتای ایرانی", country="IR")  # unnamed, a wording the table does not know
    ambassador = Party(role="سفیر", country="OM")  # another office: another meeting
    day = date(2025, 7, 11)
    write_extractions(graph, [_article("x-1", araghchi, albusaidi, day=day)])
    write_extractions(graph, [_article("x-2", araghchi, oman_fm, day=None, published=date(2025, 7, 12))])
    write_extractions(graph, [_article("x-3", counterpart, oman_fm, day=day)])
    planned = _article("x-4", araghchi, albusaidi, day=None, published=date(2025, 7, 11))
    planned[1].meetings[0].status = "planned"  # "will meet today"
    write_extractions(graph, [planned])
    write_extractions(graph, [_article("x-5", araghchi, ambassador, day=day)])

    records, _, _ = neo4j_driver.execute_query(
        """
        MATCH (m:Meeting)
        RETURN m.status AS status, [(m)-[:REPORTED_IN]->(a) | a.id] AS articles,
               [(m)<-[:PARTICIPATED_IN]-(p) | coalesce(p.name, p.unnamed)] AS parties
        ORDER BY size(articles) DESC
        """
    )
    one, other = records
    assert (sorted(one["articles"]), one["status"]) == (["x-1", "x-2", "x-3", "x-4"], "held")
    assert sorted(one["parties"]) == ["بدر البوسعیدی", "سید عباس عراقچی"]  # the unnamed ones named there
    assert other["articles"] == ["x-5"]
    rules, _, _ = neo4j_driver.execute_query(
        "MATCH ()-[r:REPORTED_IN]->(a:Article) RETURN a.id AS id, r.rule AS rule ORDER BY id"
    )
    assert [r["rule"] for r in rules] == [None, "within_a_day", "same_parties", "within_a_day", None]


def test_two_meetings_one_article_tells_stay_two(graph: Graph, neo4j_driver: Driver) -> None:
    article, extraction = _article("y-1", ARAGHCHI, MIRZOYAN, day=date(2024, 5, 1))
    morning = extraction.meetings[0]
    evening = morning.model_copy(update={"participants": [ARAGHCHI, Party(role="هیئت", country="AM")]})
    extraction.meetings.append(evening)
    write_extractions(graph, [(article, extraction)])

    assert _reports(neo4j_driver) == [1, 1]


def test_a_middle_initial_does_not_make_another_person(graph: Graph, neo4j_driver: Driver) -> None:
    netanyahu = Party(name="بنیامین نتانیاهو", role="نخست‌وزیر", country="IL")
    write_extractions(
        graph,
        [_article("t-1", Party(name="دونالد جی. ترامپ", country="US"), netanyahu, day=date(2026, 5, 1))],
    )
    write_extractions(
        graph, [_article("t-2", Party(name="دونالد ترامپ", country="US"), netanyahu, day=date(2026, 5, 9))]
    )
    write_extractions(
        graph, [_article("t-3", Party(name="ترامپ", country="US"), netanyahu, day=date(2026, 5, 19))]
    )

    assert ("دونالد جی. ترامپ", 3) in _people(neo4j_driver)  # one Trump: the surname is no longer ambiguous
