"""Which Meeting a report is: the same parties after identity, the same kind, and the same date (or within
a day when one of the two is undated), whatever words the reports use for the parties' roles, and
whether a report says it is planned ("will meet today") or held (the meeting is held once one says so,
graph/derived.py).

A report's parties are seats: a person (named, or an unnamed party resolved to a person) or an unnamed
party, each on a side (its country, else its organisation). A report and a meeting have the same parties
when they have the same sides and, side by side, the same persons, except that an unnamed party may
stand for a person the other names ("وزیر خارجه عمان" for Albusaidi) and any unnamed party matches
another (a counterpart, a delegation, the minister): the wording of a role never splits a meeting. An
office the role table knows is still evidence: an unnamed ambassador is not a named foreign minister.
When a report joins a meeting, its unnamed parties take the persons they stand for there (`same_meeting`).
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, LiteralString

from graph.keys import known_office, meeting_key_of, office_key, unnamed_person_key
from graph.rows import Decision, Report

WITHIN_A_DAY = "within_a_day"
SAME_PARTIES = "same_parties"
DAY = timedelta(days=1)


@dataclass(frozen=True)
class Seat:
    """One party of a report or meeting: `person` is None for an unnamed party of a report."""

    person: str | None
    named: bool
    side: str
    office: str | None


@dataclass
class KnownMeeting:
    id: str
    kind: str
    status: str
    day: date | None  # its date, if a report gives one
    approx_date: date | None  # else the first report's article date
    seats: list[Seat] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)  # the articles that report it


def _offices_fit(office: str | None, other: str | None) -> bool:
    """Two titles may be one office: the same, or either one not an office the table knows."""
    return office == other or not known_office(office) or not known_office(other)


def _by_side(seats: Iterable[Seat]) -> dict[str, list[Seat]]:
    sides: dict[str, list[Seat]] = defaultdict(list)
    for seat in seats:
        sides[seat.side].append(seat)
    return sides


def _side_fits(mine: list[Seat], theirs: list[Seat]) -> bool:
    """Each person one side names that the other does not is covered by an unnamed party there whose
    office fits; an unnamed party fits any party of that side whose office fits."""
    for ours, others in ((mine, theirs), (theirs, mine)):
        persons = {s.person for s in others if s.named}
        unnamed = [s for s in others if not s.named]
        missing = [s for s in ours if s.named and s.person not in persons]
        if len(missing) > len(unnamed):
            return False
        if any(not any(_offices_fit(s.office, u.office) for u in unnamed) for s in missing):
            return False
        for seat in ours:
            if not seat.named and not any(_offices_fit(seat.office, o.office) for o in others):
                return False
    return True


def same_parties(mine: Sequence[Seat], theirs: Sequence[Seat]) -> bool:
    """The same sides, and on each the same persons up to unnamed parties (see the module's doc). Unnamed
    parties alone say too little within one country (a day of provincial officials' meetings): without a
    person in common, only parties of two sides or more are compared."""
    ours, others = _by_side(mine), _by_side(theirs)
    if ours.keys() != others.keys():
        return False
    shared = {s.person for s in mine if s.named} & {s.person for s in theirs if s.named}
    if not shared and len(ours) < 2:
        return False
    return all(_side_fits(ours[side], others[side]) for side in ours)


def stand_ins(mine: Sequence[Seat], meeting: KnownMeeting) -> dict[int, str]:
    """The person of the meeting each unnamed party of the report stands for, by its index: a person
    the report does not name on that side, else an unnamed party of the meeting there."""
    taken = {seat.person for seat in mine if seat.named}
    found: dict[int, str] = {}
    for index, seat in enumerate(mine):
        if seat.named:
            continue
        candidates = [s for s in meeting.seats if s.side == seat.side and s.person and s.person not in taken]
        candidates = [s for s in candidates if _offices_fit(seat.office, s.office)]
        candidates.sort(key=lambda s: (not s.named, s.office != seat.office, s.person or ""))
        if candidates:
            found[index] = str(candidates[0].person)
            taken.add(found[index])
    return found


def report_seats(report: Report, people: Sequence[Decision | None]) -> list[Seat]:
    """A report's parties as seats, given whom each mention was resolved to (None: an unnamed party)."""
    return [
        Seat(person.id if person else None, person is not None, m.country or m.org_id or "", m.office)
        for m, person in zip(report.mentions, people, strict=True)
    ]


def meeting_seats(report: Report, people: Sequence[Decision | None], meeting: KnownMeeting) -> list[Seat]:
    """The report's parties as new seats of its meeting, for later reports of the batch: an unnamed one
    under the id the writer gives it (graph/rows.py); those the meeting has already are left out."""
    present = {seat.person for seat in meeting.seats}
    look_alikes: dict[str, int] = {}
    seats = []
    for mention, person in zip(report.mentions, people, strict=True):
        if person is None:
            look_alikes[mention.said] = look_alikes.get(mention.said, 0) + 1
            key = unnamed_person_key(mention.said, meeting.id, look_alikes[mention.said])
        else:
            key = person.id
        if key not in present:
            seats.append(
                Seat(key, person is not None, mention.country or mention.org_id or "", mention.office)
            )
            present.add(key)
    return seats


def _dates_fit(report: Report, meeting: KnownMeeting) -> int | None:
    """The days between them if they may be one meeting (the same date, or within a day when one is
    undated), else None."""
    day = report.when
    if day is None or meeting.approx_date is None:
        return None
    if report.meeting.date and meeting.day:
        return 0 if report.meeting.date == meeting.day else None
    gap = abs((meeting.approx_date - day).days)
    return gap if gap <= 1 else None


def choose_meeting(
    report: Report, parties: list[str], seats: Sequence[Seat], known: Iterable[KnownMeeting]
) -> Decision:
    """The meeting this report is: its own key's, else the nearest meeting of the same parties and kind
    on the same date or within a day (`within_a_day`, `same_parties` when only the wording of the
    parties differs), else a new one."""
    meeting = report.meeting
    when = meeting.date.isoformat() if meeting.date else f"article:{report.article_id}"
    own = meeting_key_of(parties, meeting.kind, meeting.status, when)
    near: list[tuple[int, bool, str, KnownMeeting]] = []
    for other in known:
        if other.id == own:
            return Decision(own)
        if other.kind != meeting.kind:
            continue
        if report.article_id in other.articles:  # an article that tells two meetings means two
            continue
        gap = _dates_fit(report, other)
        if gap is not None and same_parties(seats, other.seats):
            near.append((gap, other.day is None, other.id, other))
    if not near:
        return Decision(own)
    gap, _, _, chosen = min(near)
    dated = report.meeting.date is not None and chosen.day is not None
    if dated and gap == 0:
        return Decision(chosen.id, SAME_PARTIES, f"on {chosen.day}")
    return Decision(chosen.id, WITHIN_A_DAY, f"{report.when} ~ {chosen.approx_date}")


# The meetings of the days a batch's reports fall on (and the days beside them), with their parties.
MEETINGS_OF_DAYS: LiteralString = """
UNWIND $days AS day
MATCH (m:Meeting) WHERE m.approx_date = day
RETURN m.id AS id, m.kind AS kind, m.status AS status, m.date AS date, m.approx_date AS approx_date,
       [(m)-[:REPORTED_IN]->(a:Article) | a.id] AS articles,
       [(m)<-[t:PARTICIPATED_IN]-(p:Person) | {
           person: p.id, unnamed: p.unnamed, role: coalesce(t.role, t.role_en),
           country: head([(p)-[:REPRESENTS]->(c:Country) | c.code]),
           org: head([(p)-[:HOLDS]->(:Role)-[:OF]->(o:Organization) | o.id])}] AS seats
"""


def days_around(days: Iterable[date | None]) -> list[date]:
    return sorted({d + shift for d in days if d is not None for shift in (-DAY, timedelta(0), DAY)})


def _native(value: Any) -> Any:
    return value.to_native() if hasattr(value, "to_native") else value


def known_meeting(row: dict[str, Any]) -> KnownMeeting:
    seats = [
        Seat(s["person"], not s["unnamed"], s["country"] or s["org"] or "", office_key(s["role"]))
        for s in row["seats"]
    ]
    return KnownMeeting(
        row["id"], row["kind"], row["status"], _native(row["date"]), _native(row["approx_date"]), seats,
        set(row["articles"]),
    )  # fmt: skip
