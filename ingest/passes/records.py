"""Pass: the contract's record of each event: participants with their lexicon names, kind, status, date,
place, topics and the evidence sentence."""

from ingest.doc import Doc, Event
from ingest.knowledge import knowledge
from ingest.model import Meeting, Party, Span
from ingest.sentence_meeting import SentenceMeeting


def write_meetings(doc: Doc) -> Doc:
    doc.meetings = [_meeting(event) for event in doc.events]
    return doc


def _best_report(event: Event) -> SentenceMeeting:
    """The body sentence that names most parties, else the first report."""

    def named(report: SentenceMeeting) -> tuple[int, int]:
        return (not report.sentence.is_title, sum(1 for p in report.parties if p.name))

    return max(event.reports, key=named)


def _meeting(event: Event) -> Meeting:
    kb = knowledge()
    report = _best_report(event)
    participants = []
    for party in event.parties:
        country = kb.countries.get(party.country or "")
        org = kb.organizations.get(party.org_id or "")
        title = kb.titles_by_id.get(party.title_id or "")
        participants.append(
            Party(
                name=party.name,
                name_en=party.person.name_en if party.person else None,
                name_source=party.name_source or ("text" if party.name else None),
                role=party.role,
                role_en=title.title_en if title else None,
                country=party.country,
                country_fa=country.name_fa if country else None,
                country_en=country.name_en if country else None,
                org=party.org or (org.name_fa if org else None),
                org_id=party.org_id,
                org_en=org.name_en if org else None,
            )
        )
    return Meeting(
        participants=participants,
        kind=event.kind,
        status=event.status,
        date=event.day,
        place=event.place,
        topics=event.topics,
        subtopics=event.subtopics,
        evidence=report.sentence.text,
        evidence_span=Span(start=report.sentence.start, end=report.sentence.end),
    )
