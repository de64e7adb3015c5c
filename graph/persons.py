"""Reads about persons: name search, one person with the roles they were seen in, their contacts.

Search goes through the `person_search_folded` full-text index (migration 13 in graph/schema.py) over
`search_key` (the name's comparison key with its hamza seats folded, graph/keys.py `compared`), `name_en`
and `latin_key` (the English name's transliteration skeleton, graph/keys.py), so "Qalibaf" finds
"Ghalibaf", "Mousavi" finds "Musavi" and "رییسی" finds "رئیسی". The query text is normalised and folded
the same way, so Arabic and Persian ye and kaf, hamza seats, ZWNJ and spaces compare as identity compares
them, and each word may also be written joined to the next or split in two ("عبداللهیان" finds
"عبد اللهیان").
"""

import re
from dataclasses import dataclass
from typing import Any, LiteralString

from graph.errors import NotFound
from graph.keys import compared, latin_key, name_key
from graph.meetings import COUNTRY_FIELDS
from graph.reader import Reader

_WORD = re.compile(r"\w+")
_PERSON_ID = re.compile(r"p-[0-9a-f]{16}")
MAX_WORDS = 6
MAX_SEARCH_RESULTS = 1000  # how deep search pages go
RESOLVE_CANDIDATES = 10  # persons a name filter stands for at most
RESOLVE_SCORE_SHARE = 0.75  # ... those scoring at least this share of the best


def _term(word: str) -> str:
    """A word as it is or as the start of a longer one; the exact form scores higher."""
    return f"({word}^2 OR {word}*)" if len(word) > 1 else word


def _all_of(parts: list[str]) -> str:
    return "(" + " AND ".join(parts) + ")"


def search_query(text: str) -> str | None:
    """The Lucene query for what a person typed, or None if it has no letters or digits. Only `\\w`
    runs of the normalised text reach Lucene, so no input can break its syntax."""
    words = _WORD.findall(compared(name_key(text)))[:MAX_WORDS]
    if not words:
        return None
    terms = [_term(word) for word in words]
    alternatives = [_all_of(terms)]
    for i in range(len(words) - 1):  # two words written as one
        alternatives.append(_all_of([*terms[:i], _term(words[i] + words[i + 1]), *terms[i + 2 :]]))
    for i, word in enumerate(words):  # one word written as two
        for cut in range(3, len(word) - 2):
            alternatives.append(_all_of([*terms[:i], f'"{word[:cut]} {word[cut:]}"', *terms[i + 1 :]]))
    skeleton = latin_key(" ".join(words)).split()[:MAX_WORDS]
    if skeleton:  # another transliteration of the same name
        alternatives.append(_all_of([_term(word) for word in skeleton]))
    return " OR ".join(alternatives)


PERSON_SUMMARY: LiteralString = (
    """person {.id, .name, .name_en, .unnamed,
    country: head([(person)-[:REPRESENTS]->(c:Country) | c """
    + COUNTRY_FIELDS
    + """]),
    meetings: COUNT { (person)-[:PARTICIPATED_IN]->() }}"""
)

SEARCH_PERSONS: LiteralString = (
    """
CALL db.index.fulltext.queryNodes('person_search_folded', $query, {limit: $candidates}) YIELD node, score
WITH node AS person, score
ORDER BY score DESC, COUNT { (person)-[:PARTICIPATED_IN]->() } DESC, person.id
SKIP $offset LIMIT $limit
RETURN """
    + PERSON_SUMMARY
    + " AS person, score"
)

LIST_PERSONS: LiteralString = (
    """
MATCH (person:Person) WHERE person.id > $after
WITH person ORDER BY person.id
LIMIT $limit
RETURN """
    + PERSON_SUMMARY
    + " AS person, null AS score"
)


async def search_persons(
    reader: Reader, text: str | None, *, limit: int, offset: int = 0
) -> list[dict[str, Any]]:
    """Persons whose name (Persian or English) matches, best first; without text, every person by id
    (`offset` is then ignored: use `list_persons`). Returns limit+1 rows at most."""
    query = search_query(text) if text else None
    if query is None:
        return []
    rows = await reader.read(
        SEARCH_PERSONS,
        query=query,
        candidates=min(offset + limit + 1, MAX_SEARCH_RESULTS),
        offset=offset,
        limit=limit + 1,
    )
    return [row["person"] | {"score": row["score"]} for row in rows]


async def list_persons(reader: Reader, *, limit: int, after: str = "") -> list[dict[str, Any]]:
    """Every person in id order, after the id `after`; limit+1 rows at most."""
    rows = await reader.read(LIST_PERSONS, after=after, limit=limit + 1)
    return [row["person"] for row in rows]


PERSON_EXISTS: LiteralString = (
    "MATCH (p:Person {id: $id}) RETURN p.id AS id, COUNT { (p)-[:PARTICIPATED_IN]->() } AS meetings"
)


@dataclass(frozen=True)
class PersonMatch:
    """The persons a filter stands for, and how many meetings they took part in (for the planner)."""

    ids: list[str]
    meetings: int


async def resolve_person(reader: Reader, term: str) -> PersonMatch:
    """The persons a person filter stands for: an existing id, else the best name matches (those scoring
    near the best, at most RESOLVE_CANDIDATES); NotFound when nothing matches."""
    term = term.strip()
    if _PERSON_ID.fullmatch(term):
        return await require_person(reader, term)
    found = await search_persons(reader, term, limit=RESOLVE_CANDIDATES)
    if not found:
        raise NotFound("person", term)
    best = found[0]["score"]
    chosen = [p for p in found[:RESOLVE_CANDIDATES] if p["score"] >= best * RESOLVE_SCORE_SHARE]
    return PersonMatch([p["id"] for p in chosen], sum(p["meetings"] for p in chosen))


async def require_person(reader: Reader, person_id: str) -> PersonMatch:
    """The person with this id; NotFound if there is none."""
    rows = await reader.read(PERSON_EXISTS, id=person_id)
    if not rows:
        raise NotFound("person", person_id)
    return PersonMatch([person_id], rows[0]["meetings"])


# Roles are the ones the texts gave the person in each meeting, grouped by role, with the dates seen.
GET_PERSON: LiteralString = (
    """
MATCH (person:Person {id: $id})
CALL (person) {
    MATCH (person)-[:PARTICIPATED_IN]->(m:Meeting)
    RETURN count(m) AS meetings, min(m.date) AS first_seen, max(m.date) AS last_seen
}
CALL (person) {
    MATCH (person)-[taking_part:PARTICIPATED_IN]->(m:Meeting)
    WHERE taking_part.role IS NOT NULL OR taking_part.role_en IS NOT NULL
    WITH coalesce(taking_part.role_id, taking_part.role, taking_part.role_en) AS key,
         collect(taking_part)[0] AS example, min(m.date) AS first, max(m.date) AS last, count(*) AS times
    OPTIONAL MATCH (role:Role {id: key})
    WITH first, last, times, {name: coalesce(role.name, example.role),
        name_en: coalesce(role.name_en, example.role_en),
        first_seen: toString(first), last_seen: toString(last), meetings: times,
        organization: head([(role)-[:OF]->(o:Organization) | o {.id, .name, .name_en}]),
        country: head([(role)-[:OF]->(c:Country) | c """
    + COUNTRY_FIELDS
    + """])} AS item
    ORDER BY last IS NULL, last DESC, times DESC, item.name
    RETURN collect(item) AS roles
}
RETURN person {.id, .name, .name_en, .unnamed, .name_source,
    countries: [(person)-[:REPRESENTS]->(c:Country) | c """
    + COUNTRY_FIELDS
    + """],
    meetings: meetings, first_seen: toString(first_seen), last_seen: toString(last_seen), roles: roles
} AS person
"""
)


async def get_person(reader: Reader, person_id: str) -> dict[str, Any]:
    """A person, the countries they represent and the roles they were seen in; NotFound if unknown."""
    rows = await reader.read(GET_PERSON, id=person_id)
    if not rows:
        raise NotFound("person", person_id)
    person: dict[str, Any] = rows[0]["person"]
    person["countries"] = sorted(person["countries"], key=lambda country: country["code"])
    return person


@dataclass(frozen=True)
class ContactKey:
    """The sort key of the last contact of a page: most meetings first, then by id."""

    meetings: int
    id: str


# Who a person met, how often, when first and last, and the topics they met about most.
FIND_CONTACTS: LiteralString = (
    """
MATCH (:Person {id: $id})-[:PARTICIPATED_IN]->(m:Meeting)<-[:PARTICIPATED_IN]-(person:Person)
WHERE person.id <> $id
WITH person, collect(DISTINCT m) AS together
WITH person, together, size(together) AS times
WHERE $after IS NULL OR times < $after.meetings OR (times = $after.meetings AND person.id > $after.id)
ORDER BY times DESC, person.id
LIMIT $limit
RETURN """
    + PERSON_SUMMARY
    + """ AS person, times AS meetings,
    toString(reduce(acc = null, m IN together | CASE WHEN m.date IS NOT NULL AND (acc IS NULL OR m.date < acc)
        THEN m.date ELSE acc END)) AS first_met,
    toString(reduce(acc = null, m IN together | CASE WHEN m.date IS NOT NULL AND (acc IS NULL OR m.date > acc)
        THEN m.date ELSE acc END)) AS last_met,
    COLLECT {
        UNWIND together AS m
        MATCH (m)-[:ABOUT]->(t:Topic)
        WITH t, count(*) AS n
        RETURN t {.id, .label_en, .label_fa, meetings: n} AS topic ORDER BY n DESC, t.id LIMIT 5
    } AS topics
"""
)


async def find_contacts(
    reader: Reader, person_id: str, *, limit: int, after: ContactKey | None = None
) -> tuple[list[dict[str, Any]], ContactKey | None]:
    """The persons someone met, most meetings first; and the key after the page's last one."""
    await require_person(reader, person_id)
    cursor = {"meetings": after.meetings, "id": after.id} if after else None
    rows = await reader.read(FIND_CONTACTS, id=person_id, after=cursor, limit=limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    last = ContactKey(rows[-1]["meetings"], rows[-1]["person"]["id"]) if more and rows else None
    return rows, last
