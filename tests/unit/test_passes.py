"""Each pass of ingest.pipeline alone: a Doc of sentences the team wrote, made by the passes before it,
the pass applied, its own layer checked (the whole-article tests in test_extract_rules.py and others are
the regression tests of all of them together)."""

from collections.abc import Callable
from datetime import date

from ingest.doc import Doc
from ingest.mentions import Kind
from ingest.model import Article
from ingest.passes.candidates import read_candidates
from ingest.passes.clauses import cut_clauses
from ingest.passes.coreference import link_article
from ingest.passes.dates import date_meetings
from ingest.passes.days import date_from_context
from ingest.passes.discussion import attach_discussion
from ingest.passes.events import merge_events
from ingest.passes.meetings import find_meetings
from ingest.passes.mentions import find_mentions
from ingest.passes.names import tag_names
from ingest.passes.parties import find_parties
from ingest.passes.places import place_meetings
from ingest.passes.records import write_meetings
from ingest.passes.sentences import split_into_sentences
from ingest.passes.status import read_status
from ingest.passes.text import normalize_text
from ingest.passes.topics import tag_topics
from ingest.passes.triggers import find_meeting_words
from ingest.pipeline import PASSES
from ingest.sentence_words import UNDECIDED

Pass = Callable[[Doc], Doc]


def _before(step: Pass, text: str, title: str = "", published: date | None = None) -> Doc:
    """A Doc of the article with every pass before `step` applied."""
    doc = Doc(Article(id="t", title=title, text=text, published=published))
    for earlier in PASSES[: PASSES.index(step)]:
        doc = earlier(doc)
    return doc


def test_each_pass_runs_once_from_the_article_text_to_the_records() -> None:
    assert len(set(PASSES)) == len(PASSES)
    assert PASSES[0] is normalize_text and PASSES[-1] is write_meetings


def test_normalize_text_puts_the_title_line_first_in_normal_form() -> None:
    doc = normalize_text(_before(normalize_text, "وزیر امورخارجه با همتای خود دیدار كرد", title="دیدار"))
    title, body = doc.text.split("\n")
    assert title == "دیدار"
    assert "امور خارجه" in body and "کرد" in body  # spacing fixed, Arabic kaf made Persian


def test_normalize_text_ends_a_headline_the_page_ran_into_the_lead() -> None:
    title = "سفیر ما در پاریس به تهران بازگشت"
    glued = f"{title}به گزارش خبرنگار ما، سفیر با وزیر خارجه دیدار کرد."
    doc = normalize_text(_before(normalize_text, glued, title=title))
    assert doc.text.split("\n")[1:] == [title, "به گزارش خبرنگار ما، سفیر با وزیر خارجه دیدار کرد."]
    # a headline the body quotes inside a sentence, or a short one, is left where it is
    quoted = f"او گفت {title} و رفت."
    assert normalize_text(_before(normalize_text, quoted, title=title)).text.split("\n")[1] == quoted
    short = normalize_text(_before(normalize_text, "دیدارها ادامه دارد", title="دیدار"))
    assert short.text.split("\n")[1] == "دیدارها ادامه دارد"


def test_split_into_sentences_keeps_offsets_into_the_text() -> None:
    doc = split_into_sentences(
        _before(split_into_sentences, "وزیر خارجه به مسکو رفت. او با همتای روس خود دیدار کرد.", title="سفر")
    )
    assert [sentence.line for sentence in doc.sentences] == [0, 1, 1]
    for sentence in doc.sentences:
        assert doc.text[sentence.start : sentence.end] == sentence.text
        assert all(doc.text[token.start : token.end] == token.text for token in sentence.tokens)


def test_cut_clauses_cuts_the_clause_after_a_word_and_reads_its_mood() -> None:
    text = "وزیر خارجه با همتای خود دیدار خواهد کرد؛ سپس به پاریس نمی‌رود."
    doc = cut_clauses(_before(cut_clauses, text))
    (clauses,) = doc.clauses
    sentence = doc.sentences[0]
    meeting = sentence.words.index("دیدار")
    assert clauses.after(sentence.spans[meeting][1]) == ["خواهد", "کرد"]  # up to the semicolon
    assert clauses.after(sentence.spans[meeting][1] - 2) == ["ار", "خواهد", "کرد"]  # a word cut
    assert clauses.mood(meeting, meeting + 1) == "future"


def test_find_meeting_words_marks_meeting_words_but_not_a_press_conference() -> None:
    doc = find_meeting_words(
        _before(find_meeting_words, "رئیس‌جمهور با نخست‌وزیر دیدار کرد. سخنگو در نشست خبری سخن گفت.")
    )
    met, press = doc.triggers
    assert [(doc.sentences[0].words[t.first], t.kind) for t in met] == [("دیدار", "meeting")]
    assert press == []


def test_find_mentions_makes_plural_titles_singular_and_skips_the_lead_in() -> None:
    doc = find_mentions(_before(find_mentions, "به گزارش ایرنا، وزرای خارجه ایران و روسیه گفت‌وگو کردند."))
    (layer,) = doc.mentions
    words = doc.sentences[0].words
    assert words[layer.lead_in] == "وزرای" and layer.singular[layer.lead_in] == "وزیر"
    kinds = [(mention.kind, words[mention.first]) for mention in layer.mentions]
    assert (Kind.TITLE, "وزرای") in kinds and (Kind.GEO, "روسیه") in kinds


def test_tag_names_reads_a_sentence_where_a_name_can_matter_and_no_other() -> None:
    doc = tag_names(_before(tag_names, "رئیس‌جمهور با علی دلاوری دیدار کرد. هوا امروز در شهر بارانی بود."))
    met, weather = doc.names
    words = doc.sentences[0].words
    # The sentence with a meeting word is read: its name over the value an unread word gets, its meeting
    # word under it; the weather sentence is not read at all.
    assert met[words.index("دلاوری")] > UNDECIDED > met[words.index("دیدار")]
    assert weather == [UNDECIDED] * len(doc.sentences[1].words)


def test_tag_names_reads_every_headline_so_a_phrase_before_its_comma_is_no_name() -> None:
    doc = tag_names(_before(tag_names, "هوا بارانی بود.", title="نگران نباشید، ملت ایران می‌داند"))
    headline = doc.names[0]
    assert headline != [UNDECIDED] * len(headline)
    parties = find_parties(_before(find_parties, "هوا بارانی بود.", title="نگران نباشید، ملت ایران می‌داند"))
    assert not [party for party in parties.parties[0].parties if party.name]


def test_find_parties_reads_a_name_with_its_title_and_country() -> None:
    doc = find_parties(_before(find_parties, "سرگئی لاوروف وزیر امور خارجه روسیه به تهران رفت."))
    (party,) = doc.parties[0].parties
    assert (party.name, party.role, party.country) == ("سرگئی لاوروف", "وزیر امور خارجه", "RU")


def test_link_article_finds_a_surname_the_article_gave_in_full_before() -> None:
    doc = link_article(
        _before(link_article, "بهرام پاکزاد، وزیر امور خارجه، به کابل رفت. پاکزاد در کابل سخن گفت.")
    )
    assert [party.name for party in doc.parties[1].parties] == ["پاکزاد"]
    assert doc.registry is not None and doc.registry.home_country == "IR"


def test_find_meetings_reads_who_met_whom_in_each_sentence() -> None:
    text = "وزیر امور خارجه ایران با وزیر امور خارجه ترکیه دیدار کرد. هوا بارانی بود."
    doc = find_meetings(_before(find_meetings, text))
    met, weather = doc.readings
    (found,) = met.told
    assert [(party.role, party.country) for party in found.parties] == [
        ("وزیر امور خارجه", "IR"),
        ("وزیر امور خارجه", "TR"),
    ]
    assert met.first is met.told and weather.told == []


def test_find_meetings_reads_a_meeting_referred_back_to_both_ways() -> None:
    text = "در این نشست وزیر امور خارجه ایران و وزیر امور خارجه ترکیه درباره تجارت سخن گفتند."
    (readings,) = find_meetings(_before(find_meetings, text)).readings
    assert readings.told == []  # the meeting the article told before
    assert len(readings.first) == 1  # the article's first report of it


def test_read_status_reads_the_kind_and_whether_the_meeting_is_still_ahead() -> None:
    text = (
        "وزیر امور خارجه ایران با وزیر امور خارجه ترکیه تلفنی گفت‌وگو کرد. "
        "وزیر دفاع ایران با وزیر دفاع عراق دیدار خواهد کرد."
    )
    doc = read_status(_before(read_status, text))
    (call,), (visit,) = (readings.told for readings in doc.readings)
    assert (call.kind, call.status) == ("phone", "held")
    assert (visit.kind, visit.status) == ("in_person", "planned")


def test_date_meetings_dates_a_meeting_and_a_journey_from_the_day_of_publication() -> None:
    text = (
        "وزیر امور خارجه ایران دیروز با وزیر امور خارجه ترکیه دیدار کرد. "
        "وزیر دفاع قرار است فردا به کابل سفر کند."
    )
    doc = date_meetings(_before(date_meetings, text, published=date(2024, 5, 6)))
    (found,) = doc.readings[0].told
    assert found.day == date(2024, 5, 5)
    assert doc.trip_days == [None, date(2024, 5, 7)]


def test_place_meetings_finds_the_city_else_the_dateline() -> None:
    text = (
        "وزیر امور خارجه ایران در تهران با وزیر امور خارجه ترکیه دیدار کرد. "
        "به گزارش ایرنا از اصفهان، وزیر نیرو با وزیر نیروی عراق دیدار کرد."
    )
    doc = place_meetings(_before(place_meetings, text))
    (in_tehran,), (filed,) = (readings.told for readings in doc.readings)
    assert in_tehran.place is not None and in_tehran.place.city == "تهران"
    assert filed.place is not None and filed.place.city == "اصفهان"


def test_read_candidates_makes_one_candidate_for_each_report() -> None:
    text = "وزیر امور خارجه ایران امروز در تهران با وزیر امور خارجه ترکیه دیدار کرد."
    doc = read_candidates(_before(read_candidates, text, published=date(2024, 5, 6)))
    (event,) = doc.candidates
    assert sorted(party.country or "" for party in event.parties) == ["IR", "TR"]
    assert (event.kind, event.status, event.day) == ("in_person", "held", date(2024, 5, 6))
    assert event.place is not None and event.place.city == "تهران"


def test_date_from_context_dates_a_meeting_by_the_one_before_and_by_the_journey() -> None:
    same_day = (
        "وزیر امور خارجه ایران دیروز با وزیر امور خارجه ترکیه دیدار کرد. "
        "وزیر دفاع ایران صبح همان روز با وزیر دفاع عراق دیدار کرد."
    )
    doc = _before(date_from_context, same_day, published=date(2024, 5, 6))
    assert [event.day for event in doc.candidates] == [date(2024, 5, 5), None]
    assert [event.day for event in date_from_context(doc).candidates] == [date(2024, 5, 5)] * 2
    trip = (
        "وزیر دفاع ایران قرار است فردا به کابل سفر کند. وی در این سفر با وزیر دفاع افغانستان دیدار خواهد کرد."
    )
    doc = date_from_context(_before(date_from_context, trip, published=date(2024, 5, 6)))
    assert [event.day for event in doc.candidates] == [date(2024, 5, 7)]


def test_merge_events_folds_a_headline_into_the_body_that_repeats_it() -> None:
    doc = merge_events(
        _before(
            merge_events,
            "وزیر امور خارجه ایران امروز در تهران با وزیر امور خارجه ترکیه دیدار کرد.",
            title="دیدار وزیران خارجه ایران و ترکیه",
        )
    )
    assert len(doc.candidates) == 2
    (event,) = doc.events
    assert len(event.reports) == 2


def test_attach_discussion_gives_an_event_the_sentences_that_follow_its_report() -> None:
    text = "وزیر امور خارجه ایران با وزیر امور خارجه ترکیه دیدار کرد. دو طرف درباره تجارت و انرژی سخن گفتند."
    doc = attach_discussion(_before(attach_discussion, text))
    (event,) = doc.events
    assert [sentence.index for sentence in event.sentences] == [0, 1]  # no title: the body is first


def test_tag_topics_tags_an_event_from_the_sentences_that_discuss_it() -> None:
    text = "وزیر امور خارجه ایران با وزیر امور خارجه ترکیه دیدار کرد. دو طرف درباره تجارت سخن گفتند."
    (event,) = tag_topics(_before(tag_topics, text)).events
    assert "economy-trade" in event.subtopics + event.topics


def test_write_meetings_writes_the_contract_record_of_each_event() -> None:
    text = "وزیر امور خارجه ایران با وزیر امور خارجه ترکیه دیدار کرد."
    doc = write_meetings(_before(write_meetings, text))
    (meeting,) = doc.meetings
    assert sorted(party.country_en or "" for party in meeting.participants) == ["Iran", "Türkiye"]
    assert meeting.evidence == text
    assert doc.text[meeting.evidence_span.start : meeting.evidence_span.end] == text
