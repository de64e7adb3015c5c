"""The pure parts of the query layer: the search query, the anchor a list starts from, pair conditions."""

import re

import pytest

from graph.catalog import Catalog, Country
from graph.filters import ALL_SIDES, Anchor, MeetingFilter, Sides, choose_anchor, has_pair, pair_conditions
from graph.persons import search_query
from graph.topics import Topic


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("عراقچی", ["(عراقچی^2 OR عراقچی*)"]),
        ("عراقچي", ["(عراقچی^2 OR عراقچی*)"]),  # Arabic ye becomes Persian ye, as in ingest
        ("Araghchi", ["(araghchi^2 OR araghchi*)"]),
        ("عباس عراقچی", ["((عباس^2 OR عباس*) AND (عراقچی^2 OR عراقچی*))", "(عباسعراقچی^2 OR عباسعراقچی*)"]),
        ("احمدی\u200cنژاد", ["((احمدی^2 OR احمدی*) AND (نژاد^2 OR نژاد*))", "(احمدینژاد^2 OR احمدینژاد*)"]),
        ("عبداللهیان", ['"عبد اللهیان"', '"عبدال لهیان"']),  # written apart, halves of 3+ letters
        ("رئیسی", ["(رییسی^2 OR رییسی*)"]),  # hamza seats folded, as the index's search key is
        ("مؤمنی", ["(مومنی^2 OR مومنی*)"]),
    ],
)
def test_search_query(text: str, parts: list[str]) -> None:
    query = search_query(text)

    assert query is not None
    for part in parts:
        assert part in query
    assert '"عب داللهیان"' not in query


@pytest.mark.parametrize("text", ["***", "  ", "?!", ""])
def test_nothing_to_search(text: str) -> None:
    assert search_query(text) is None


@pytest.mark.parametrize("text", ['" OR *:*', "name:(x) AND y~", "a) OR (b", "\\ / ^ [ ] { }", "AND OR NOT"])
def test_no_input_reaches_lucene_as_syntax(text: str) -> None:
    query = search_query(text) or ""
    words = re.sub(r"\^2|\*|[()\"]| AND | OR ", " ", query)

    assert re.fullmatch(r"[\w ]*", words)
    assert "AND" not in words and "OR" not in words  # the operators are ours; what was typed is lower case


CATALOG = Catalog(
    topics=(
        Topic("caucasus", "South Caucasus", "قفقاز", None, 5000),
        Topic("karabakh", "Karabakh", "قره‌باغ", "caucasus", 40),
    ),
    countries=(Country("IR", "ایران", "Iran", 900, 35000), Country("AM", "ارمنستان", "Armenia", 100, 1700)),
    meetings=56000,
)


@pytest.mark.parametrize(
    ("selection", "anchor"),
    [
        (MeetingFilter(), Anchor.DATE),
        (MeetingFilter(persons=("p-1",), topics=("karabakh",)), Anchor.PERSON),  # a person, size unknown
        (MeetingFilter(persons=("p-1",), person_meetings=30), Anchor.PERSON),
        (MeetingFilter(persons=("p-1",), person_meetings=20000), Anchor.DATE),  # the busiest: walk the dates
        (MeetingFilter(topics=("karabakh",)), Anchor.TOPIC),  # 40 meetings: cheaper than walking 56000
        (MeetingFilter(topics=("caucasus", "karabakh")), Anchor.DATE),  # a page is ~230 meetings away
        (MeetingFilter(countries=("IR",)), Anchor.DATE),
        (MeetingFilter(countries=("IR",), with_countries=("AM",), topics=("caucasus",)), Anchor.WITH_COUNTRY),
        (MeetingFilter(countries=("NZ",)), Anchor.COUNTRY),  # no meeting known: nothing to walk
    ],
)
def test_the_anchor_is_the_cheapest_seek(selection: MeetingFilter, anchor: Anchor) -> None:
    assert choose_anchor(selection, CATALOG, 20) is anchor


def test_pair_conditions_have_no_null_checks_and_list_a_pair_once() -> None:
    for sides in ALL_SIDES:
        condition = pair_conditions(sides)
        assert "IS NULL" not in condition and "a <> b" in condition
        assert "a.id < b.id" in condition
    assert pair_conditions(Sides()) == "a <> b AND a.id < b.id"
    assert has_pair(Sides()) == "true"
    assert "$with_countries" in has_pair(Sides(with_countries=True))
