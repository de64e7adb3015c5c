"""Synthetic Persian news articles for benchmarks, deterministic per seed, from the team's own templates.

`generate(n, seed)` returns articles in the extract contract's shape (`id`, `title`, `text`, `published`,
`source`). Article i depends only on (seed, i), so a smaller corpus is a prefix of a larger one. The
language data lives in `bench/data/*.tsv` (templates, roles, countries, surnames) and
`ingest/data/first_names.tsv`; nothing here is taken from real articles.
"""

import csv
import random
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import TypeVar

import jdatetime

T = TypeVar("T")

DATA = Path(__file__).with_name("data")
FIRST_NAMES = Path(__file__).parent.parent / "ingest" / "data" / "first_names.tsv"

# (source id, agency as the text names it, channel handle)
AGENCIES = (
    ("tasnim", "خبرگزاری تسنیم", "TasnimNews"),
    ("irna", "ایرنا", "irna_1313"),
    ("fars", "خبرگزاری فارس", "farsna"),
    ("mehr", "خبرگزاری مهر", "mehrnews"),
    ("isna", "ایسنا", "isna94"),
)
# Kinds of article, repeated in proportion to how often the bench draws them.
KINDS = ("meeting",) * 9 + ("phone",) * 4 + ("planned",) * 2 + ("statement",) * 3 + ("negative",) * 2
PHRASE_KEYS = (
    "purpose",
    "emphasis",
    "thanks",
    "quote",
    "quote_short",
    "topic_short",
    "event",
    "venue",
    "summit",
    "duration",
    "period",
    "hashtag",
)
JALALI_MONTHS = (
    *("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور"),
    *("مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"),
)
GREGORIAN_MONTHS = (
    *("ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن"),
    *("ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر"),
)
WEEKDAYS = ("دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه", "یکشنبه")
WHEN = ("امروز", "عصر امروز", "صبح امروز", "دیروز", "شامگاه دیروز", "روز {weekday}", "امروز {weekday} {date}")
FUTURE = ("فردا", "هفته آینده", "روز {weekday}", "در روزهای آینده", "روز {weekday} {date}")
BULLETS = ("", "", "", "🔹 ", "🔸 ", "▪️ ", "🔴 ")
FIRST_DAY, LAST_DAY = date(2003, 1, 1), date(2026, 6, 30)
SPAN_DAYS = (LAST_DAY - FIRST_DAY).days
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    adjective: str
    capital: str
    origin: str


@dataclass(frozen=True, slots=True)
class Party:
    name: str
    surname: str
    role: str
    affiliation: str  # the country's name, or the organisation for its officials


@dataclass(frozen=True, slots=True)
class Vocabulary:
    countries: tuple[Country, ...]
    first_names: dict[str, tuple[str, ...]]
    surnames: dict[str, tuple[str, ...]]
    roles: tuple[tuple[str, str], ...]
    state_roles: tuple[tuple[str, str], ...]
    templates: dict[tuple[str, str], tuple[str, ...]]
    topics: dict[str, tuple[str, ...]]
    topic_ids: tuple[str, ...]


def _tsv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


@cache
def vocabulary() -> Vocabulary:
    """The bench's language data, read once."""
    first: dict[str, list[str]] = defaultdict(list)
    for row in _tsv(FIRST_NAMES):
        for origin in row["origin"].split("|"):
            first[origin].append(row["name_fa"].split("|")[0])
    last: dict[str, list[str]] = defaultdict(list)
    for row in _tsv(DATA / "surnames.tsv"):
        last[row["origin"]].append(row["name_fa"])
    templates: dict[tuple[str, str], list[str]] = defaultdict(list)
    topics: dict[str, list[str]] = defaultdict(list)
    for row in _tsv(DATA / "templates.tsv"):
        if row["kind"] == "topic":
            topics[row["key"]].append(row["text"])
        else:
            templates[row["kind"], row["key"]].append(row["text"])
    roles = tuple((row["role_fa"], row["org_fa"]) for row in _tsv(DATA / "roles.tsv"))
    return Vocabulary(
        countries=tuple(
            Country(row["code"], row["name_fa"], row["adjective_fa"], row["capital_fa"], row["origin"])
            for row in _tsv(DATA / "countries.tsv")
        ),
        first_names={origin: tuple(names) for origin, names in first.items()},
        surnames={origin: tuple(names) for origin, names in last.items()},
        roles=roles,
        state_roles=tuple(role for role in roles if not role[1]),
        templates={key: tuple(texts) for key, texts in templates.items()},
        topics={topic: tuple(texts) for topic, texts in topics.items()},
        topic_ids=tuple(sorted(topics)),
    )


class _Picker:
    """Uniform choices from one seeded generator; cheaper than `random.choice` on the hot path."""

    __slots__ = ("random",)

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed).random

    def __call__(self, items: Sequence[T]) -> T:
        return items[int(self.random() * len(items))]

    def chance(self, probability: float) -> bool:
        return self.random() < probability

    def between(self, low: int, high: int) -> int:
        return low + int(self.random() * (high - low + 1))


def _party(pick: _Picker, vocab: Vocabulary, country: Country, org_allowed: bool) -> Party:
    role, org = pick(vocab.roles if org_allowed else vocab.state_roles)
    origin = country.origin if country.origin in vocab.surnames else "english"
    first = pick(vocab.first_names.get(origin) or vocab.first_names["english"])
    surname = pick(vocab.surnames[origin])
    if origin == "persian" and pick.chance(0.15):
        first = f"سید{first}" if pick.chance(0.5) else f"سید {first}"
    return Party(f"{first} {surname}", surname, role, org or country.name)


def _dates(pick: _Picker, published: date) -> dict[str, str]:
    """Date phrases around the publication day, in Jalali or Gregorian, Persian or Latin digits."""
    day = published + timedelta(days=pick((-1, 0, 0, 2, 5)))
    if pick.chance(0.6):
        jalali = jdatetime.date.fromgregorian(date=day)
        text = f"{jalali.day} {JALALI_MONTHS[jalali.month - 1]} {jalali.year}"
    else:
        text = f"{day.day} {GREGORIAN_MONTHS[day.month - 1]} {day.year}"
    if pick.chance(0.85):
        text = text.translate(PERSIAN_DIGITS)
    return {"date": text, "weekday": WEEKDAYS[day.weekday()]}


def _fields(pick: _Picker, vocab: Vocabulary, published: date) -> dict[str, str]:
    countries = vocab.countries
    home = countries[0] if pick.chance(0.6) else pick(countries)
    guest = pick(countries)
    while guest == home:
        guest = pick(countries)
    a, b = _party(pick, vocab, home, False), _party(pick, vocab, guest, True)
    source, agency, handle = pick(AGENCIES)
    fields = {
        "source": source,
        "agency": agency,
        "handle": handle,
        "a_name": a.name,
        "a_surname": a.surname,
        "a_role": a.role,
        "a_country": a.affiliation,
        "b_name": b.name,
        "b_surname": b.surname,
        "b_role": b.role,
        "b_country": b.affiliation,
        "b_adjective": guest.adjective,
        "b_capital": guest.capital,
        "city": pick((home.capital, guest.capital)),
        "score": f"{pick.between(0, 4)} بر {pick.between(0, 3)}".translate(PERSIAN_DIGITS),
    }
    fields |= _dates(pick, published)
    for key in PHRASE_KEYS:
        fields[key] = pick(vocab.templates["phrase", key])
    fields["when"] = pick(WHEN).format_map(fields)
    fields["future"] = pick(FUTURE).format_map(fields)
    return fields


def _body(
    pick: _Picker, vocab: Vocabulary, kind: str, fields: dict[str, str], topics: list[str], length: int
) -> list[str]:
    """Paragraphs of body sentences, each template used once before any repeats, up to ~2,000 chars."""
    templates = list(vocab.templates["body", "any"])
    if kind in ("meeting", "phone", "planned"):
        templates += vocab.templates["body", "meeting"]
    random.Random(pick.random()).shuffle(templates)
    target, cursor = pick.between(1600, 2100), 0
    paragraphs: list[str] = []
    while length < target:
        sentences = []
        for _ in range(pick.between(2, 4)):
            fields["topic_phrase"] = pick(vocab.topics[pick(topics)])
            fields["quote"] = pick(vocab.templates["phrase", "quote"])
            sentences.append(templates[cursor % len(templates)].format_map(fields))
            cursor += 1
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        length += len(paragraph) + 1
    return paragraphs


def article(seed: int, index: int) -> dict[str, str]:
    """Article `index` of the corpus of `seed`."""
    vocab = vocabulary()
    pick = _Picker(seed * 1_000_003 + index)
    published = FIRST_DAY + timedelta(days=int(pick.random() * SPAN_DAYS))
    kind = pick(KINDS)
    fields = _fields(pick, vocab, published)
    topics = [pick(vocab.topic_ids) for _ in range(pick.between(1, 3))]
    fields["topic_phrase"] = pick(vocab.topics[topics[0]])
    titles, leads = vocab.templates["title", kind], vocab.templates["lead", kind]
    # Where a kind has as many titles as leads they go in pairs (a match's title with a match's lead).
    choice = pick.between(0, len(leads) - 1)
    title = (titles[choice] if len(titles) == len(leads) else pick(titles)).format_map(fields)
    lead = leads[choice].format_map(fields)
    bullet = pick(BULLETS)
    body = _body(pick, vocab, kind, fields, topics, len(lead))
    lines = [bullet + line for line in (lead, *body)]
    lines.append(pick(vocab.templates["closing", "any"]).format_map(fields))
    text = "\n".join(lines)
    if published.year < 2010 and pick.chance(0.5):
        # Older agency text used Arabic ye and kaf.
        title = title.replace("ی", "ي").replace("ک", "ك")
        text = text.replace("ی", "ي").replace("ک", "ك")
    elif pick.chance(0.1):
        text = text.replace("\u200c", pick(("", " ")))  # feeds that drop the ZWNJ
    return {
        "id": f"bench-{seed}-{index:06d}",
        "title": title,
        "text": text,
        "published": published.isoformat(),
        "source": fields["source"],
    }


def generate(n: int, seed: int = 0) -> list[dict[str, str]]:
    """`n` synthetic articles of about 2,000 characters each."""
    return [article(seed, index) for index in range(n)]
