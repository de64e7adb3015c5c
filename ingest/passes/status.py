"""Pass: the kind of each meeting a sentence reports (in person, by phone, by video) and its status
(held, or planned: its verb future, a plan or a departure framing it), read from the clauses layer."""

from ingest.doc import Doc
from ingest.triggers import meeting_kind, meeting_status


def read_status(doc: Doc) -> Doc:
    for readings, clauses in zip(doc.readings, doc.clauses, strict=True):
        for reports in readings.distinct():
            for found in reports:
                found.kind = meeting_kind(found.sentence, found.triggers)
                found.status = meeting_status(clauses, found.trigger)
    return doc
