#!/usr/bin/env python3
"""Self-probes: sentences the team generates from the knowledge base, in the shapes news reports
meetings in, each with one obvious answer; prints the failures per shape.

    .venv/bin/python bench/probes.py                     # every family, seed 0
    .venv/bin/python bench/probes.py officeholders -n 400 --seed 3 --show 5

Families:
- `officeholders`: two holders of the knowledge base in office on one day, named or titled, in eleven
  shapes ("X، T1 C1، در دیدار با Y، T2 C2، بر ... تاکید کرد", calls, receptions, hosts, plans ...);
  the answer is one meeting of the two, with their countries.
- `counterparts`: one office in two states ("X، T C، با همتای D خود دیدار کرد"), by phone, by video,
  planned; the answer adds the status and the kind.
- `reported`: a third holder reports, announces or welcomes the meeting of two others (no party of it),
  and nouns of meeting with adjectives, lengths and "بین" before their parties.
- `told`: the meeting of two holders told in other ways (spoken with, partner first, a headline, the
  name in another sentence than the title, a pronoun for the visitor, on a visit).
- `groups`: a delegation received or met ("هیئتی از C", "هیئت پارلمانی C", "هیئت X را به حضور
  پذیرفت"), and plural titles over two states ("وزرای خارجه A و B ... دیدار کردند").
- `unknown`: people no lexicon knows in full (given names from `first_names.tsv`, surnames the team makes
  up) with domestic and foreign titles before or after their names; and an interview (an official's
  conversation with a person of no office), which is no meeting.

The probes measure what the annotated sets cannot: constructions rare in a sample of real news but
certain to come (a place name read as a verb, a father's name read as a surname, an initial read as a
sentence's end). They are the team's own text, so fixes found with them are not fitted to any gold; a
failure of a probe is a defect only when a reader would agree, and `--show` prints each for that check.
Needs no `../shared`.
"""

import argparse
import collections
import datetime
import random
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ingest.knowledge import Officeholder, knowledge
from ingest.lexicon import rows
from ingest.model import Article, Meeting
from ingest.normalize import text_key
from ingest.pipeline import extract

LAST_DAY = datetime.date(2026, 6, 1)  # open terms end here

OFFICEHOLDER_SHAPES = {
    "emphasis": "{A}، {ta} {ca}، در دیدار با {B}، {tb} {cb}، بر گسترش همکاری‌ها تاکید کرد.",
    "emphasis-titles": "{ta} {ca} در دیدار با {tb} {cb}، بر گسترش همکاری‌ها تاکید کرد.",
    "call-titles": "{ta} {ca} در تماس تلفنی با {tb} {cb}، درباره تحولات منطقه گفت‌وگو کرد.",
    "reciprocal": "{A} و {B} در تماس تلفنی درباره تحولات منطقه گفت‌وگو کردند.",
    "reciprocal-titles": "{ta} {ca} و {tb} {cb} در تماس تلفنی درباره تحولات منطقه گفت‌وگو کردند.",
    "welcome": "{B}، {tb} {cb}، با استقبال {A}، {ta} {ca}، وارد فرودگاه شد.",
    "received": "{A}، {ta} {ca}، امروز {B}، {tb} {cb}، را به حضور پذیرفت.",
    "host-titles": "{ta} {ca} امروز میزبان {tb} {cb} بود.",
    "said-after": "{A} پس از دیدار با {B} گفت: روابط دو کشور رو به گسترش است.",
    "lead-then-body": "{A}، {ta} {ca}، وارد پایتخت شد. وی در این سفر با {B}، {tb} {cb}، دیدار و گفت‌وگو کرد.",
    "nominal": "در دیدار {A}، {ta} {ca} و {B}، {tb} {cb}، درباره روابط دوجانبه گفت‌وگو شد.",
}
COUNTERPART_SHAPES = {
    "in-person": ("{A}، {ta} {ca}، امروز با همتای {adjb} خود دیدار کرد.", "held", "in_person"),
    "phone": (
        "{A}، {ta} {ca}، در تماس تلفنی با همتای {adjb} خود درباره تحولات منطقه گفت‌وگو کرد.",
        "held",
        "phone",
    ),
    "planned": ("{A}، {ta} {ca}، فردا با همتای {adjb} خود دیدار خواهد کرد.", "planned", "in_person"),
    "video": ("{A}، {ta} {ca}، در نشستی ویدئوکنفرانسی با همتای {adjb} خود گفت‌وگو کرد.", "held", "video"),
}
# A third holder, C, reports or comments on the meeting of A and B: C is no party of it.
REPORTED_SHAPES = {
    "said": ("{C}، {tc} {cc}، گفت {A} با {B} دیدار کرد.", "held"),
    "said-plural": ("مقامات {adjc} گفتند {A} با {B} دیدار خواهد کرد.", "planned"),
    "says": ("رسانه‌های {cc} می‌گویند {A} با {B} دیدار کرده است.", "held"),
    "according-to": ("به گفته {C}، {tc} {cc}، {A} و {B} دیروز دیدار کردند.", "held"),
    "announced": ("{C}، {tc} {cc}، اعلام کرد که {A} و {B} فردا دیدار خواهند کرد.", "planned"),
    "told-of": ("{C} از دیدار {A} و {B} در هفته آینده خبر داد.", "planned"),
    "welcomed": ("{C}، {tc} {cc}، از دیدار {A} و {B} استقبال کرد.", "held"),
    "between": ("تماس تلفنی طولانی میان {A} و {B} درباره تحولات منطقه انجام شد.", "held"),
    "length": ("{A} و {B} در تماسی ۴۰ دقیقه‌ای درباره تحولات منطقه گفت‌وگو کردند.", "held"),
}
# The same meeting of A and B told in other ways news tells it: spoken with, partner first, the name in
# another sentence than the title, a pronoun for the visitor.
TOLD_SHAPES = {
    "spoke-with": ("{A}، {ta} {ca}، امروز با {B}، {tb} {cb}، تلفنی صحبت کرد.", "held", "phone"),
    "spoke-together": ("{A} و {B} روز دوشنبه تلفنی با یکدیگر صحبت کردند.", "held", "phone"),
    "partner-first": ("با {B}، {tb} {cb}، {A}، {ta} {ca}، دیدار کرد.", "held", "in_person"),
    "headline": ("دیدار {A} با {B} در {city}", "held", "in_person"),
    "he-visited": (
        "{A}، {ta} {ca}، روز دوشنبه وارد {city} شد. او در این سفر با {B}، {tb} {cb}، دیدار کرد.",
        "held",
        "in_person",
    ),
    "title-then-name": (
        "{ta} {ca} روز دوشنبه با {tb} {cb} دیدار کرد. {A} در این دیدار گفت روابط دو کشور رو به گسترش است.",
        "held",
        "in_person",
    ),
    "on-a-visit": ("{A}، {ta} {ca}، در سفر به {city} با {B}، {tb} {cb}، دیدار کرد.", "held", "in_person"),
}
UNKNOWN_SHAPES = {
    "names-first": "{A}، {ta}، با {B}، {tb}، دیدار کرد.",
    "emphasis": "{A}، {ta} در دیدار با {B}، {tb}، بر همکاری تاکید کرد.",
    "titles-first": "{ta} {A} با {tb} {B} دیدار کرد.",
    "call": "{A} در تماس تلفنی با {B} درباره روابط دو کشور گفت‌وگو کرد.",
    "titles-apposed": "{ta}، {A}، با {tb}، {B}، دیدار کرد.",
}
# Delegations and plural titles: a delegation the text names as a unit is one party; a plural title
# over two states is one holder each.
GROUP_SHAPES = {
    "delegation-of": ("{A}، {ta} {ca}، امروز با هیئتی از {cb} دیدار کرد.", "delegation"),
    "parliamentary": (
        "{A}، {ta} {ca}، در دیدار با هیئت پارلمانی {cb} بر گسترش روابط تاکید کرد.",
        "delegation",
    ),
    "delegation-adjective": ("{A}، {ta} {ca}، امروز هیئت {adjb} را به حضور پذیرفت.", "delegation"),
    "plural-title": ("{pl} {ca} و {cb} روز دوشنبه در {city} دیدار و گفت‌وگو کردند.", "holders"),
    "plural-title-call": ("{pl} {ca} و {cb} در تماسی تلفنی درباره تحولات منطقه گفت‌وگو کردند.", "holders"),
}
INTERVIEW = "{A}، {ta}، در گفت‌وگو با {B} درباره روابط دو کشور سخن گفت."
# The team's own parts of names and titles for people no lexicon knows.
SURNAME_STEMS = ["کریم", "رحیم", "نور", "صالح", "باقر", "جعفر", "امین", "فرهاد", "بهمن", "شریف", "رستم"]
SURNAME_ENDINGS = ["ی", "یان", "\u200cزاده", "\u200cپور", "\u200cنژاد", "ی\u200cفر"]
FOREIGN_SURNAMES = ["ماتسون", "کوالسکی", "برنارد", "پتروف", "دوبوا", "هاینریش", "نوواک", "فرناندز"]
DOMESTIC_TITLES = ["استاندار تهران", "وزیر کشور", "معاون اول رئیس‌جمهور", "سفیر ایران در ایتالیا"]
FOREIGN_TITLES = ["وزیر امور خارجه لهستان", "سفیر هلند در تهران", "معاون وزیر خارجه سوئد", "وزیر اقتصاد شیلی"]

Probe = tuple[str, str, datetime.date, Callable[[list[Meeting]], bool]]


def _core(name: str | None) -> str:
    """A name without its honorifics ("شیخ" is kept out of names by convention)."""
    honorifics = knowledge().honorific_words
    return " ".join(word for word in text_key(name or "").split() if word not in honorifics)


def _common_day(a: Officeholder, b: Officeholder) -> datetime.date | None:
    if a.start is None or b.start is None:
        return None
    start, end = max(a.start, b.start), min(a.end or LAST_DAY, b.end or LAST_DAY)
    return start + (end - start) / 2 if start < end else None


def _terms() -> list[Officeholder]:
    kb = knowledge()
    return [
        person
        for people in kb.holders_by_office.values()
        for person in people
        if person.country in kb.countries and person.start and person.role_id in kb.titles_by_id
    ]


def _two_of(a: Officeholder, b: Officeholder) -> Callable[[list[Meeting]], bool]:
    names, countries = {_core(a.name_fa), _core(b.name_fa)}, {a.country, b.country}

    def met(meetings: list[Meeting]) -> bool:
        if len(meetings) != 1:
            return False
        parties = meetings[0].participants
        return {_core(p.name) for p in parties} == names and {p.country for p in parties} == countries

    return met


def _two_holders(a: Officeholder, b: Officeholder) -> dict[str, str]:
    """The names, titles and countries of two holders, for a template."""
    kb = knowledge()
    return {
        "A": a.name_fa,
        "B": b.name_fa,
        "ta": kb.titles_by_id[a.role_id].title_fa,
        "tb": kb.titles_by_id[b.role_id].title_fa,
        "ca": kb.countries[a.country or ""].name_fa,
        "cb": kb.countries[b.country or ""].name_fa,
    }


def _in_office(a: Officeholder, b: Officeholder, day: datetime.date) -> bool:
    """Are both the holders of their titles that day? A title alone names only the day's holder."""
    kb = knowledge()
    return (kb.holder(a.role_id, a.country or "", day), kb.holder(b.role_id, b.country or "", day)) == (a, b)


def officeholders(rng: random.Random, draws: int) -> Iterator[Probe]:
    terms = _terms()
    for _ in range(draws):
        a, b = rng.sample(terms, 2)
        day = _common_day(a, b)
        if day is None or a.country == b.country or a.name_en == b.name_en:
            continue
        values = _two_holders(a, b)
        for shape, template in OFFICEHOLDER_SHAPES.items():
            if "titles" in shape and not _in_office(a, b, day):
                continue  # a title alone names only the day's holder
            yield shape, template.format(**values), day, _two_of(a, b)


def counterparts(rng: random.Random, draws: int) -> Iterator[Probe]:
    kb = knowledge()
    adjectives = {row["code"]: (row.get("adjectives_fa") or "").split("|")[0] for row in rows("countries")}
    by_office: dict[str, list[Officeholder]] = collections.defaultdict(list)
    for person in _terms():
        if adjectives.get(person.country or ""):
            by_office[person.role_id].append(person)
    offices = sorted(office for office, people in by_office.items() if len({p.country for p in people}) > 1)
    for _ in range(draws):
        office = rng.choice(offices)
        a, b = rng.sample(by_office[office], 2)
        day = _common_day(a, b)
        if day is None or a.country == b.country:
            continue
        if (kb.holder(office, a.country or "", day), kb.holder(office, b.country or "", day)) != (a, b):
            continue
        values = {
            "A": a.name_fa,
            "ta": kb.titles_by_id[office].title_fa,
            "ca": kb.countries[a.country or ""].name_fa,
            "adjb": adjectives[b.country or ""],
        }
        for shape, (template, status, kind) in COUNTERPART_SHAPES.items():
            yield shape, template.format(**values), day, _as_said(_two_of(a, b), status, kind)


def reported(rng: random.Random, draws: int) -> Iterator[Probe]:
    kb, terms = knowledge(), _terms()
    adjectives = {row["code"]: (row.get("adjectives_fa") or "").split("|")[0] for row in rows("countries")}
    for _ in range(draws):
        a, b, c = rng.sample(terms, 3)
        day = _common_day(a, b)
        if day is None or len({a.country, b.country}) < 2 or len({a.name_en, b.name_en, c.name_en}) < 3:
            continue
        if not adjectives.get(c.country or ""):
            continue
        values = {
            "A": a.name_fa,
            "B": b.name_fa,
            "C": c.name_fa,
            "tc": kb.titles_by_id[c.role_id].title_fa,
            "cc": kb.countries[c.country or ""].name_fa,
            "adjc": adjectives[c.country or ""],
        }
        for shape, (template, status) in REPORTED_SHAPES.items():
            kind = "phone" if "تلفنی" in template or "تماس" in template else "in_person"
            yield shape, template.format(**values), day, _as_said(_two_of(a, b), status, kind)


def told(rng: random.Random, draws: int) -> Iterator[Probe]:
    terms = _terms()
    capitals = {row["country"]: row["name_fa"] for row in rows("cities") if row.get("is_capital") == "1"}
    for _ in range(draws):
        a, b = rng.sample(terms, 2)
        day = _common_day(a, b)
        if day is None or a.country == b.country or a.name_en == b.name_en or b.country not in capitals:
            continue
        values = {**_two_holders(a, b), "city": capitals[b.country or ""]}
        for shape, (template, status, kind) in TOLD_SHAPES.items():
            if "title" in shape and not _in_office(a, b, day):
                continue  # a title alone names only the day's holder
            yield shape, template.format(**values), day, _as_said(_two_of(a, b), status, kind)


def groups(rng: random.Random, draws: int) -> Iterator[Probe]:
    kb, terms = knowledge(), _terms()
    adjectives = {row["code"]: (row.get("adjectives_fa") or "").split("|")[0] for row in rows("countries")}
    plurals = {"foreign_minister": "وزرای خارجه", "president": "روسای جمهور", "prime_minister": "نخست‌وزیران"}
    capitals = {row["country"]: row["name_fa"] for row in rows("cities") if row.get("is_capital") == "1"}
    for _ in range(draws):
        a, b = rng.sample(terms, 2)
        day = _common_day(a, b)
        if day is None or a.country == b.country or not adjectives.get(b.country or ""):
            continue
        values = {
            "A": a.name_fa,
            "ta": kb.titles_by_id[a.role_id].title_fa,
            "ca": kb.countries[a.country or ""].name_fa,
            "cb": kb.countries[b.country or ""].name_fa,
            "adjb": adjectives[b.country or ""],
            "city": capitals.get(b.country or "", ""),
        }
        office = a.role_id if a.role_id in plurals else None
        same_office = office and kb.holder(office, b.country or "", day)
        for shape, (template, answer) in GROUP_SHAPES.items():
            if answer == "delegation":
                yield shape, template.format(**values), day, _with_delegation(a, b.country or "")
            elif office and same_office and kb.holder(office, a.country or "", day) == a and values["city"]:
                text = template.format(**values, pl=plurals[office])
                yield shape, text, day, _two_of(a, same_office)


def _with_delegation(a: Officeholder, country: str) -> Callable[[list[Meeting]], bool]:
    def right(meetings: list[Meeting]) -> bool:
        if len(meetings) != 1 or len(meetings[0].participants) != 2:
            return False
        named = {_core(p.name) for p in meetings[0].participants if p.name}
        return named == {_core(a.name_fa)} and any(
            p.country == country and not p.name for p in meetings[0].participants
        )

    return right


def _as_said(two: Callable[[list[Meeting]], bool], status: str, kind: str) -> Callable[[list[Meeting]], bool]:
    def right(meetings: list[Meeting]) -> bool:
        return two(meetings) and meetings[0].status == status and meetings[0].kind == kind

    return right


def _named(names: set[str]) -> Callable[[list[Meeting]], bool]:
    def right(meetings: list[Meeting]) -> bool:
        return len(meetings) == 1 and {p.name for p in meetings[0].participants} == names

    return right


def _no_meeting(meetings: list[Meeting]) -> bool:
    return not meetings


def unknown(rng: random.Random, draws: int) -> Iterator[Probe]:
    persian = [r["name_fa"].split("|")[0] for r in rows("first_names") if "persian" in r.get("origin", "")]
    foreign = [
        r["name_fa"].split("|")[0]
        for r in rows("first_names")
        if not {"persian", "arabic"} & set(r.get("origin", "").split("|"))
    ]
    for _ in range(draws):
        a = f"{rng.choice(persian)} {rng.choice(SURNAME_STEMS)}{rng.choice(SURNAME_ENDINGS)}"
        b = f"{rng.choice(foreign)} {rng.choice(FOREIGN_SURNAMES)}"
        values = {"A": a, "B": b, "ta": rng.choice(DOMESTIC_TITLES), "tb": rng.choice(FOREIGN_TITLES)}

        for shape, template in UNKNOWN_SHAPES.items():
            yield shape, template.format(**values), datetime.date(2024, 3, 3), _named({a, b})
        # An official's conversation with a person of no office is an interview: no meeting.
        yield "interview", INTERVIEW.format(**values), datetime.date(2024, 3, 3), _no_meeting


FAMILIES = {
    "officeholders": officeholders,
    "counterparts": counterparts,
    "reported": reported,
    "told": told,
    "groups": groups,
    "unknown": unknown,
}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("families", nargs="*", choices=sorted(FAMILIES), help="default: all")
    parser.add_argument("-n", type=int, default=300, help="random draws per family (default 300)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", type=int, default=0, help="print this many failures per shape")
    args = parser.parse_args()
    for family in args.families or sorted(FAMILIES):
        failed: collections.Counter[str] = collections.Counter()
        total: collections.Counter[str] = collections.Counter()
        for shape, text, day, right in FAMILIES[family](random.Random(args.seed), args.n):
            meetings = extract(Article(id="probe", text=text, published=day)).meetings
            total[shape] += 1
            if not right(meetings):
                failed[shape] += 1
                if failed[shape] <= args.show:
                    found = [[(p.name, p.role, p.country) for p in m.participants] for m in meetings]
                    print(f"  {family}/{shape} {day}: {text} -> {found}")
        for shape in total:
            print(f"{family:14} {shape:18} {failed[shape]:4} of {total[shape]:4} wrong")
    return 0


if __name__ == "__main__":
    sys.exit(main())
