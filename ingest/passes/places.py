"""Pass: where each meeting a sentence reports took place: a city or country the sentence sets it in,
else, for a meeting in person, the city the report was filed from ("به گزارش ... از اصفهان")."""

from ingest.doc import Doc
from ingest.places import dateline_place, meeting_place


def place_meetings(doc: Doc) -> Doc:
    for readings in doc.readings:
        for reports in readings.distinct():
            for found in reports:
                found.place = meeting_place(found) or (
                    dateline_place(found.analysis) if found.kind == "in_person" else None
                )
    return doc
