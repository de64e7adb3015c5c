"""A synthetic graph for the API bench: articles with their extractions, built from the bench corpus's
language data (bench/corpus.py, bench/data/*.tsv) without running the extractor, and written by
graph/articles.py exactly as the ingest path writes them.

Persons come from a fixed pool per country whose activity is skewed (a foreign minister meets far more
people than a deputy), the well-known officeholders of ingest/data/officeholders.tsv among them with their
English names; about a third of the articles re-report a recent meeting, as agencies do. Article i depends
only on (seed, i), so a run is reproducible.
"""

import csv
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from itertools import accumulate, batched
from pathlib import Path

from bench import corpus
from graph import keys
from ingest.model import Article, Extraction, Meeting, Party, Place, Span
from ingest.normalize import normalize_key

INGEST_DATA = Path(__file__).resolve().parent.parent / "ingest" / "data"
FIRST_DAY = date(2003, 1, 1)
SPAN_DAYS = (date(2026, 6, 30) - FIRST_DAY).days
POOL_SIZE = {"IR": 400}  # persons per country; every other country gets DEFAULT_POOL
DEFAULT_POOL = 60
KINDS = (("in_person", 0.65), ("phone", 0.27), ("video", 0.08))


@dataclass(frozen=True, slots=True)
class Official:
    party: Party
    surname: str


@dataclass(frozen=True, slots=True)
class World:
    countries: tuple[corpus.Country, ...]
    officials: dict[str, tuple[Official, ...]]
    weights: dict[str, tuple[float, ...]]  # cumulative, for random.choices
    city_en: dict[str, str]
    country_en: dict[str, str]
    topics: tuple[tuple[str, str | None], ...]  # (id, parent)


def _tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


@cache
def world(seed: int = 0) -> World:
    """The persons, places and topics every article draws from."""
    vocab = corpus.vocabulary()
    pick = random.Random(seed)
    country_en = {row["code"]: row["name_en"] for row in _tsv(INGEST_DATA / "countries.tsv")}
    city_en = {row["name_fa"]: row["name_en"] for row in _tsv(INGEST_DATA / "cities.tsv")}
    role_en = {row["title_fa"]: row["title_en"] for row in _tsv(INGEST_DATA / "roles.tsv")}
    role_by_id = {row["id"]: (row["title_fa"], row["title_en"]) for row in _tsv(INGEST_DATA / "roles.tsv")}
    known: dict[str, list[Official]] = {}
    for row in _tsv(INGEST_DATA / "officeholders.tsv"):
        if row["org"] or row["role_id"] not in role_by_id:
            continue
        title, title_en = role_by_id[row["role_id"]]
        party = Party(
            name=row["name_fa"],
            name_en=row["name_en"],
            name_source="knowledge_base",
            role=title,
            role_en=title_en,
            country=row["country"],
        )
        known.setdefault(row["country"], []).append(Official(party, row["name_fa"].split()[-1]))
    officials: dict[str, tuple[Official, ...]] = {}
    weights: dict[str, tuple[float, ...]] = {}
    for country in vocab.countries:
        origin = country.origin if country.origin in vocab.surnames else "english"
        firsts = vocab.first_names.get(origin) or vocab.first_names["english"]
        pool = [
            Official(
                Party(
                    name=f"{pick.choice(firsts)} {surname}",
                    role=role,
                    role_en=role_en.get(role),
                    country=country.code,
                    country_fa=country.name,
                    country_en=country_en.get(country.code),
                ),
                surname,
            )
            for role, _ in (pick.choice(vocab.state_roles) for _ in range(POOL_SIZE.get(country.code, 60)))
            for surname in [pick.choice(vocab.surnames[origin])]
        ]
        famous = [
            Official(
                official.party.model_copy(
                    update={"country_fa": country.name, "country_en": country_en.get(country.code)}
                ),
                official.surname,
            )
            for official in known.get(country.code, [])
        ]
        people = famous + pool
        officials[country.code] = tuple(people)
        # Zipf-like: the few at the top of the list take most of the meetings.
        weights[country.code] = tuple(accumulate(1.0 / (rank + 1) for rank in range(len(people))))
    topics = tuple((row["id"], row["parent"] or None) for row in _tsv(INGEST_DATA / "topics.tsv"))
    return World(vocab.countries, officials, weights, city_en, country_en, topics)


def _official(pick: random.Random, wld: World, code: str) -> Party:
    people = wld.officials[code]
    return pick.choices(people, cum_weights=wld.weights[code])[0].party


def _unnamed(pick: random.Random, wld: World, code: str) -> Party:
    party = _official(pick, wld, code)
    return Party(
        role=party.role, role_en=party.role_en, country=code, country_fa=party.country_fa,
        country_en=party.country_en,
    )  # fmt: skip


def _meeting(pick: random.Random, wld: World, evidence: str) -> Meeting:
    countries = wld.countries
    home = countries[0] if pick.random() < 0.6 else pick.choice(countries)
    guest = pick.choice([country for country in countries if country != home])
    parties = [_official(pick, wld, home.code)]
    parties.append(
        _unnamed(pick, wld, guest.code) if pick.random() < 0.1 else _official(pick, wld, guest.code)
    )
    if pick.random() < 0.08:
        third = pick.choice([c for c in countries if c not in (home, guest)])
        parties.append(_official(pick, wld, third.code))
    kind = pick.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
    day = FIRST_DAY + timedelta(days=int(SPAN_DAYS * pick.random() ** 0.7))
    host = pick.choice((home, guest))
    place = (
        Place(city=host.capital, city_en=wld.city_en.get(host.capital), country=host.code)
        if kind == "in_person"
        else None
    )
    topic, parent = pick.choice(wld.topics)
    return Meeting(
        participants=parties,
        kind=kind,  # type: ignore[arg-type]
        status="planned" if pick.random() < 0.13 else "held",
        date=None if pick.random() < 0.03 else day,
        place=place,
        topics=[parent or topic],
        subtopics=[topic] if parent else [],
        evidence=evidence,
        evidence_span=Span(start=0, end=len(evidence)),
    )


def _sentence(pick: random.Random, meeting: Meeting) -> tuple[str, str]:
    """A title and a lead sentence from the corpus templates, naming the meeting's first two parties."""
    vocab = corpus.vocabulary()
    fields = corpus._fields(corpus._Picker(pick.randrange(1 << 30)), vocab, meeting.date or FIRST_DAY)
    for side, party in zip("ab", meeting.participants, strict=False):
        fields[f"{side}_name"] = party.name or ""
        fields[f"{side}_surname"] = (party.name or party.role or "").split()[-1]
        fields[f"{side}_role"] = party.role or ""
        fields[f"{side}_country"] = party.country_fa or ""
    fields["topic_phrase"] = pick.choice(vocab.topics[pick.choice(vocab.topic_ids)])
    if meeting.place and meeting.place.city:
        fields["city"] = meeting.place.city
    kind = "phone" if meeting.kind == "phone" else "planned" if meeting.status == "planned" else "meeting"
    title = pick.choice(vocab.templates["title", kind]).format_map(fields)
    lead = pick.choice(vocab.templates["lead", kind]).format_map(fields)
    return title, lead


def article(seed: int, index: int, recent: list[Meeting]) -> tuple[Article, Extraction]:
    """Article `index`: no meeting (15%), a re-report of a recent meeting (30%), or a new one.
    `recent` is the caller's window of recent meetings, appended to here."""
    pick = random.Random(seed * 1_000_003 + index)
    wld = world(seed)
    draw = pick.random()
    meetings: list[Meeting] = []
    if draw >= 0.15:
        if draw < 0.45 and recent:
            meetings.append(pick.choice(recent))
        else:
            meetings.append(_meeting(pick, wld, ""))
    title, lead = (
        _sentence(pick, meetings[0]) if meetings else ("بیانیه", "سخنگوی وزارت امور خارجه بیانیه داد.")
    )
    text = f"{title}\n{lead}"
    meetings = [
        m.model_copy(update={"evidence": lead, "evidence_span": Span(start=len(title) + 1, end=len(text))})
        for m in meetings
    ]
    recent.extend(meetings)
    del recent[:-200]
    published = (
        meetings[0].date if meetings and meetings[0].date else FIRST_DAY + timedelta(days=index % SPAN_DAYS)
    )
    source, _, _ = corpus.AGENCIES[index % len(corpus.AGENCIES)]
    item = Article(
        id=f"bench-api-{seed}-{index:06d}",
        title=title,
        text=lead,
        published=published,
        url=f"https://{source}.example/news/{seed}/{index}",
        source=source,
    )
    return item, Extraction(id=item.key, meetings=meetings, extractor_version="bench", text=text)


def articles(n: int, seed: int = 0) -> Iterator[tuple[Article, Extraction]]:
    # The writer normalises every name and role it keys on; the pool repeats them, so remember the answers.
    keys.normalize_key = cache(normalize_key)
    recent: list[Meeting] = []
    for index in range(n):
        yield article(seed, index, recent)


def batches(n: int, seed: int = 0, size: int = 1000) -> Iterator[tuple[tuple[Article, Extraction], ...]]:
    yield from batched(articles(n, seed), size)
