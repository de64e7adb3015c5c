"""Cross-article identity: which Person a mention is and which Meeting a report is, with the rule why.

A batch is resolved inside its write transaction, after the graph lock (graph/articles.py), so every
decision sees every committed person and meeting. The rules, in order:

- a named mention is its own node when that exists; else the person an earlier decision (a `Merge`
  node, kept while some article uses it) gave it;
- `same_name`: the same name once spaces, ZWNJ, ye/kaf and hamza seats ("رئیسی" / "رییسی") are
  ignored, countries not in conflict;
- `same_holder`: the knowledge base recognised both as one officeholder (the same English name), and
  exactly one person the graph holds is he, countries not in conflict: "عراقچی" and "سید عباس عراقچی"
  are one node whichever came first, where the name rules would leave a bare surname apart whenever
  two persons end in it;
- `spelling`: two transliterations of one foreign name ("مایک پمپئو" / "مایک پامپئو", graph/keys.py
  `spelling_key`: the inner long vowels and s/z aside, for names whose given name is not Persian or
  Arabic), countries not in conflict, and exactly one such person;
- `short_name`: one name is the other's last word(s), countries not in conflict, and exactly one such
  person: two Larijanis of one country stay two, and an ambiguous surname stays its own node. When the
  shorter name is a bare surname, titles are the identity evidence (`office_key` in graph/keys.py:
  "وزیر خارجه" and "وزیر امور خارجه" are one office, a deputy or acting one another): the surname joins
  no one seen in another office within OFFICE_PERIOD of its date (careers move: the mayor of 2011 is the
  speaker of 2022), and a surname without a title the role table knows joins only someone seen within
  SURNAME_PERIOD of its date ("آیت‌الله خاتمی" of 2026 is not the president of 2004). A given name is
  evidence enough;
- `role_holder`: an unnamed officeholder is the one person the graph saw in that role (of that country
  or organisation) within TENURE_SLACK of the meeting's date; else it stays an unnamed node;
- a report joins a meeting of the same parties and kind on the same date, or `within_a_day` when
  either date is missing (the article's date standing in for it), whatever the words for the parties'
  roles (graph/meeting_identity.py); its unnamed parties then take the persons they stand for there.

Then the analysts' corrections (graph/corrections.py): a person merged into another is that one, and
in the articles of a split, the person split off is the new one (which no rule above gives others).

Each decision of the rules that maps a mention to another node is a `Merge` node (`key` -> `person`,
`rule`, the articles that use it; graph/merges.py); undoing one blocks the rule for that pair from then
on, and re-queues those articles so their facts are rewritten without it.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, LiteralString

from neo4j import ManagedTransaction

from graph.corrections import Corrections
from graph.keys import known_office, office_key
from graph.meeting_identity import (
    DAY,
    MEETINGS_OF_DAYS,
    KnownMeeting,
    choose_meeting,
    days_around,
    known_meeting,
    meeting_seats,
    report_seats,
    stand_ins,
)
from graph.rows import SAME_MEETING, Decision, Mention, NameForms, Report, name_forms

SAME_NAME = "same_name"
SAME_HOLDER = "same_holder"
SPELLING = "spelling"
SHORT_NAME = "short_name"
ROLE_HOLDER = "role_holder"
TENURE_SLACK = timedelta(days=60)
OFFICE_PERIOD = timedelta(days=2 * 365)
SURNAME_PERIOD = timedelta(days=10 * 365)

Days = tuple[date, date]  # the first and the last day someone was seen (in an office)


@dataclass
class Candidate:
    """A person a named mention may be: what the graph (or this batch) knows of them."""

    id: str
    names: NameForms
    countries: set[str] = field(default_factory=set)
    orgs: set[str] = field(default_factory=set)
    offices: set[str] = field(default_factory=set)
    tenures: dict[str, Days] = field(default_factory=dict)  # office -> the dated days it was seen in it
    seen: Days | None = None  # the first and last dated meeting of any kind
    pinned: bool = False  # made by an analyst's split: reached only through it (graph/corrections.py)
    english: str | None = None  # the knowledge base's name for them, when it recognised them


class Pool:
    """The persons a batch may resolve to, indexed by the same name keys the graph lookup uses, so a
    mention is compared with the few persons that share a word with it, not the whole batch."""

    def __init__(self) -> None:
        self.persons: dict[str, Candidate] = {}
        self._by_name: dict[str, set[str]] = defaultdict(set)  # whole names
        self._by_end: dict[str, set[str]] = defaultdict(set)  # last one or two words
        self._by_english: dict[str, set[str]] = defaultdict(set)  # the knowledge base's name
        self._by_spelling: dict[str, set[str]] = defaultdict(set)  # transliterations of a foreign name

    def __contains__(self, person_id: object) -> bool:
        return person_id in self.persons

    def add(self, person: Candidate) -> Candidate:
        self.persons[person.id] = person
        self.index(person)
        return person

    def index(self, person: Candidate) -> None:
        """(Re-)index a person's names; keys of an earlier, shorter name stay (a harmless superset)."""
        self._by_name[person.names.compact].add(person.id)
        for key in {person.names.surname, person.names.tail}:
            self._by_end[key].add(person.id)
        if person.english:
            self._by_english[person.english].add(person.id)
        if person.names.spelling:
            self._by_spelling[person.names.spelling].add(person.id)

    def near(self, names: NameForms, english: str | None = None) -> list[Candidate]:
        """As PERSON_CANDIDATES: shorter or equal names among the mention's suffixes, longer ones by ends,
        the persons of the mention's English name and those of another spelling of it."""
        found = set(self._by_end.get(names.compact, set()))
        for key in names.suffixes:
            found |= self._by_name.get(key, set())
        if english:
            found |= self._by_english.get(english, set())
        if names.spelling:
            found |= self._by_spelling.get(names.spelling, set())
        return [self.persons[person_id] for person_id in sorted(found)]


def name_rule(mention: NameForms, person: NameForms) -> str | None:
    if mention.compact == person.compact:
        return SAME_NAME
    if mention.spelling and mention.spelling == person.spelling:
        return SPELLING
    if mention.compact in person.suffixes or person.compact in mention.suffixes:
        return SHORT_NAME
    return None


def near(days: Days | None, day: date | None, period: timedelta) -> bool:
    """`day` falls within `period` of the days; an unknown side counts as near (the cautious answer)."""
    return days is None or day is None or days[0] - period <= day <= days[1] + period


def conflicts(mention: Mention, person: Candidate, *, roles: bool, day: date | None = None) -> bool:
    """Different countries (or organisations), two officeholders the knowledge base tells apart, or, when
    asked, another office the person held around `day` (an office seen only long before or after it is a
    career, not a conflict). Only offices the role table knows count: a title in other words ("رئیس شورای
    رهبری دفتر سیاسی") is no evidence."""
    if mention.country and person.countries and mention.country not in person.countries:
        return True
    if mention.english and person.english and mention.english != person.english:
        return True
    if not mention.country and mention.org_id and person.orgs and mention.org_id not in person.orgs:
        return True
    if not roles or not known_office(mention.office) or mention.office in person.offices:
        return False
    offices = [office for office in person.offices if known_office(office)]
    return any(near(person.tenures.get(office), day, OFFICE_PERIOD) for office in offices)


def bare_surname(mention: NameForms, person: NameForms) -> bool:
    """The shorter of two names is one word: only titles and dates tell whose surname it is."""
    return min(len(mention.key.split()), len(person.key.split())) == 1


def surname_fits(mention: Mention, person: Candidate, day: date | None) -> bool:
    """A bare surname and a fuller name: no other office of theirs around that day; and a surname
    without a title the role table knows is evidence only in the same period (no title says whose surname
    an ayatollah's of 2026 is)."""
    assert mention.names is not None
    if conflicts(mention, person, roles=True, day=day):
        return False
    bare_mention = len(mention.names.key.split()) == 1
    # Only an office the role table knows is evidence ("عضو کمیسیون حقوقی مجلس" of 2007 is not the
    # foreign minister's assistant of 2020 who shares the surname).
    if bare_mention:
        titled = known_office(mention.office)
    else:
        titled = any(known_office(office) for office in person.offices)
    return titled or near(person.seen, day, SURNAME_PERIOD)


def choose_person(
    mention: Mention, candidates: Iterable[Candidate], blocked: set[str], day: date | None = None
) -> Decision | None:
    """The person a named mention (of a meeting on `day`) is by `same_name`, `same_holder`, `spelling`
    or `short_name`, or None for a new node."""
    assert mention.names is not None
    pool = [c for c in candidates if c.id not in blocked and not c.pinned]
    same = sorted(
        (c for c in pool if name_rule(mention.names, c.names) == SAME_NAME),
        key=lambda c: (c.id != mention.surface, c.id),
    )
    same = [c for c in same if not conflicts(mention, c, roles=False)]
    if same:
        chosen = same[0]
        if chosen.id == mention.surface:
            return Decision(chosen.id)
        return Decision(chosen.id, SAME_NAME, f"{mention.names.key} = {chosen.names.key}")
    holders = [
        c
        for c in pool
        if mention.english and c.english == mention.english and not conflicts(mention, c, roles=False)
    ]
    if len(holders) == 1:
        return Decision(
            holders[0].id, SAME_HOLDER, f"{mention.names.key} = {holders[0].names.key}: {mention.english}"
        )
    spelt = [
        c
        for c in pool
        if name_rule(mention.names, c.names) == SPELLING and not conflicts(mention, c, roles=False)
    ]
    if len(spelt) == 1:
        return Decision(spelt[0].id, SPELLING, f"{mention.names.key} ~ {spelt[0].names.key}")
    short = [
        c
        for c in pool
        if name_rule(mention.names, c.names) == SHORT_NAME
        and not conflicts(mention, c, roles=False)
        and (not bare_surname(mention.names, c.names) or surname_fits(mention, c, day))
    ]
    if len(short) == 1:
        return Decision(short[0].id, SHORT_NAME, f"{mention.names.key} ~ {short[0].names.key}")
    return None


@dataclass(frozen=True)
class Tenure:
    person: str
    role_id: str
    first: date
    last: date


def choose_holder(mention: Mention, day: date | None, tenures: Iterable[Tenure]) -> Decision | None:
    """The one person seen in the unnamed party's role around `day`, if exactly one."""
    if day is None or not mention.role_id or not (mention.country or mention.org_id):
        return None
    holding = {
        t.person: t
        for t in tenures
        if t.role_id == mention.role_id and t.first - TENURE_SLACK <= day <= t.last + TENURE_SLACK
    }
    if len(holding) != 1:
        return None
    person, tenure = next(iter(holding.items()))
    role = mention.party.role_en or mention.party.role
    detail = f"{role} of {mention.country or mention.org_id} on {day}: seen {tenure.first}..{tenure.last}"
    return Decision(person, ROLE_HOLDER, detail)


# A mention's candidates: persons whose whole name is the mention or one of its last words (shorter or
# equal), and persons whose last one or two words are the whole mention (longer), of the mention's country
# or none: a surname-only mention would otherwise fetch everyone in any country who shares it. Also the
# persons of the mention's English name, and those whose name is another transliteration of it (a whole
# foreign name, which few persons share: `conflicts` weighs their countries as for the English name).
PERSON_CANDIDATES: LiteralString = """
CALL () {
    UNWIND $shorter AS key
    MATCH (p:Person {compact_key: key}) RETURN p
    UNION
    UNWIND $longer AS mention
    MATCH (p:Person {surname_key: mention.key})
    WHERE mention.country IS NULL OR NOT EXISTS { (p)-[:REPRESENTS]->() }
       OR EXISTS { (p)-[:REPRESENTS]->(:Country {code: mention.country}) }
    RETURN p
    UNION
    UNWIND $longer AS mention
    MATCH (p:Person {tail_key: mention.key})
    WHERE mention.country IS NULL OR NOT EXISTS { (p)-[:REPRESENTS]->() }
       OR EXISTS { (p)-[:REPRESENTS]->(:Country {code: mention.country}) }
    RETURN p
    UNION
    UNWIND $english AS name
    MATCH (p:Person {name_en: name})
    RETURN p
    UNION
    UNWIND $spellings AS key
    MATCH (p:Person {spelling_key: key})
    RETURN p
}
CALL (p) {
    OPTIONAL MATCH (p)-[:PARTICIPATED_IN]->(m:Meeting)
    RETURN min(m.approx_date) AS first_day, max(m.approx_date) AS last_day
}
RETURN p.id AS id, p.name_key AS name_key, p.name_en AS name_en, first_day, last_day,
       [(p)-[:REPRESENTS]->(c:Country) | c.code] AS countries,
       [(p)-[h:HOLDS]->(r:Role) |
           {title: coalesce(r.name, r.name_en), first: h.first_seen, last: h.last_seen}] AS titles,
       [(p)-[:HOLDS]->(:Role)-[:OF]->(o:Organization) | o.id] AS orgs
"""

MERGES_OF_KEYS: LiteralString = """
MATCH (g:Merge) WHERE g.key IN $keys
RETURN g.key AS key, g.person AS person, g.undone AS undone, g.rule AS rule, g.detail AS detail
"""

# HOLDS keeps the first and last day a person was named in the role (graph/articles.py).
TENURES: LiteralString = """
UNWIND $roles AS role
MATCH (:Role {id: role})<-[h:HOLDS]-(p:Person)
WHERE h.first_seen IS NOT NULL AND NOT p.unnamed
RETURN role, p.id AS person, h.first_seen AS first, h.last_seen AS last
"""


def _native(value: Any) -> Any:
    return value.to_native() if hasattr(value, "to_native") else value


class GraphResolver:
    """Resolves one batch against the graph, as seen inside its write transaction."""

    def __init__(self, tx: ManagedTransaction, reports: list[Report]) -> None:
        self.tx = tx
        self.corrections = Corrections.load(tx)
        self.people: dict[tuple[str, int, int], Decision | None] = {}
        self.meetings: dict[tuple[str, date], list[KnownMeeting]] = defaultdict(list)  # by kind, day
        self._resolve_named(reports)
        self._resolve_unnamed(reports)
        self._load_meetings(reports)

    def person(self, report: Report, index: int) -> Decision | None:
        return self.people[_place(report, index)]

    def meeting(self, report: Report, parties: list[str]) -> Decision:
        """The meeting the report is (graph/meeting_identity.py); joining one, its unnamed parties take
        the persons they stand for there."""
        people = [self.people[_place(report, i)] for i in range(len(report.mentions))]
        meeting, seats = report.meeting, report_seats(report, people)
        day = report.when
        known = [
            m
            for shift in (-DAY, timedelta(0), DAY)
            if day
            for m in self.meetings[(meeting.kind, day + shift)]
        ]
        decision = choose_meeting(report, parties, seats, known)
        joined = next((m for m in known if m.id == decision.id), None)
        if joined is None:
            joined = KnownMeeting(decision.id, meeting.kind, meeting.status, meeting.date, day)
            if day:
                self.meetings[(meeting.kind, day)].append(joined)
        else:
            for index, person in stand_ins(seats, joined).items():
                detail = f"the {report.mentions[index].party.role or 'party'} of {decision.id}"
                self.people[_place(report, index)] = Decision(person, SAME_MEETING, detail)
        people = [self.people[_place(report, i)] for i in range(len(report.mentions))]
        joined.seats.extend(meeting_seats(report, people, joined))
        joined.articles.add(report.article_id)
        return decision

    def _resolve_named(self, reports: list[Report]) -> None:
        named = [(r, i, m) for r in reports for i, m in enumerate(r.mentions) if m.names]
        shorter = sorted({k for _, _, m in named if m.names for k in m.names.suffixes})
        ends = sorted({(m.names.compact, m.country or "") for _, _, m in named if m.names})
        longer = [{"key": key, "country": country or None} for key, country in ends]
        english = sorted({m.english for _, _, m in named if m.english})
        spellings = sorted({m.names.spelling for _, _, m in named if m.names and m.names.spelling})
        pool = Pool()
        found = (
            self.tx.run(
                PERSON_CANDIDATES, shorter=shorter, longer=longer, english=english, spellings=spellings
            )
            if named
            else ()
        )
        for row in found:
            person = Candidate(
                row["id"], name_forms(row["name_key"]), set(row["countries"]), set(row["orgs"]),
                pinned=row["id"] in self.corrections.pinned, english=row["name_en"],
            )  # fmt: skip
            for title in row["titles"]:
                if office := office_key(title["title"]):
                    person.offices.add(office)
                    for day in (_native(title["first"]), _native(title["last"])):
                        _hold(person, office, day)
            for day in (_native(row["first_day"]), _native(row["last_day"])):
                person.seen = _widen(person.seen, day)
            pool.add(person)
        blocked: dict[str, set[str]] = defaultdict(set)
        earlier: dict[str, Decision] = {}
        surfaces = sorted({m.surface for _, _, m in named})
        for row in self.tx.run(MERGES_OF_KEYS, keys=surfaces) if surfaces else ():
            if row["undone"]:
                blocked[row["key"]].add(row["person"])
            else:
                earlier[row["key"]] = Decision(row["person"], row["rule"], row["detail"])
        decided: dict[str, Decision] = {}
        # Fuller names first, so a surname-only mention finds the full name of the same batch.
        for report, index, mention in sorted(named, key=_fullness):
            decision = decided.get(mention.surface)
            if decision is None:
                decision = self._decide(mention, report.when, pool, earlier, blocked[mention.surface])
                decided[mention.surface] = decision
            corrected = self.corrections.apply(decision, report.article_id, mention.surface)
            assert corrected is not None
            self.people[_place(report, index)] = corrected
            _learn(pool, corrected.id, mention, report.when)
            pool.persons[corrected.id].pinned |= corrected.id in self.corrections.pinned

    @staticmethod
    def _decide(
        mention: Mention, day: date | None, pool: Pool, earlier: dict[str, Decision], blocked: set[str]
    ) -> Decision:
        """Its own node, else the decision other articles already use (stable), else the rules."""
        assert mention.names is not None
        if mention.surface in pool:
            return Decision(mention.surface)
        decision = earlier.get(mention.surface)
        # A surname once merged by its office is not the same person when written with another office.
        short = decision is not None and decision.rule == SHORT_NAME
        if (
            decision
            and decision.id in pool
            and not conflicts(mention, pool.persons[decision.id], roles=short, day=day)
        ):
            return decision
        chosen = choose_person(mention, pool.near(mention.names, mention.english), blocked, day)
        return chosen or Decision(mention.surface)

    def _resolve_unnamed(self, reports: list[Report]) -> None:
        unnamed = [(r, i, m) for r in reports for i, m in enumerate(r.mentions) if not m.names]
        roles = sorted({m.role_id for _, _, m in unnamed if m.role_id and (m.country or m.org_id)})
        spans: dict[tuple[str, str], list[date]] = defaultdict(list)
        for row in self.tx.run(TENURES, roles=roles) if roles else ():
            spans[(row["person"], row["role"])] += [_native(row["first"]), _native(row["last"])]
        for report in reports:  # this batch's own named officeholders count too
            for index, mention in enumerate(report.mentions):
                decision = self.people.get(_place(report, index))
                if decision and mention.role_id in roles and report.meeting.date:
                    spans[(decision.id, mention.role_id)].append(report.meeting.date)
        tenures = [Tenure(person, role, min(days), max(days)) for (person, role), days in spans.items()]
        for report, index, mention in unnamed:
            decision = choose_holder(mention, report.when, tenures)
            self.people[_place(report, index)] = self.corrections.apply(decision, report.article_id)

    def _load_meetings(self, reports: list[Report]) -> None:
        days = days_around(report.when for report in reports)
        for row in self.tx.run(MEETINGS_OF_DAYS, days=days) if days else ():
            known = known_meeting(row.data())
            if known.approx_date:
                self.meetings[(known.kind, known.approx_date)].append(known)
        for known_list in self.meetings.values():
            known_list.sort(key=lambda known: known.id)


def _place(report: Report, index: int) -> tuple[str, int, int]:
    return (report.article_id, report.index, index)


def _fullness(item: tuple[Report, int, Mention]) -> tuple[int, str, str]:
    mention = item[2]
    assert mention.names is not None
    return (-len(mention.names.compact), mention.names.compact, mention.surface)


def _widen(days: Days | None, day: date | None) -> Days | None:
    if day is None:
        return days
    return (min(days[0], day), max(days[1], day)) if days else (day, day)


def _hold(person: Candidate, office: str, day: date | None) -> None:
    if (days := _widen(person.tenures.get(office), day)) is not None:
        person.tenures[office] = days


def _learn(pool: Pool, person_id: str, mention: Mention, day: date | None) -> None:
    """What a mention tells about the person it resolved to, for the rest of the batch."""
    assert mention.names is not None
    person = pool.persons.get(person_id)
    if person is None:
        person = pool.add(Candidate(person_id, mention.names, english=mention.english))
    else:
        longer = len(mention.names.compact) > len(person.names.compact)
        recognised = bool(mention.english) and not person.english
        if longer:
            person.names = mention.names
        if recognised:
            person.english = mention.english
        if longer or recognised:
            pool.index(person)
    person.countries |= {mention.country} if mention.country else set()
    person.orgs |= {mention.org_id} if mention.org_id and not mention.country else set()
    person.seen = _widen(person.seen, day)
    if mention.office:
        person.offices.add(mention.office)
        _hold(person, mention.office, day)
