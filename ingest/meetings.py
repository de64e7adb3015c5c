"""Reads who meets whom from one sentence: the parties around a meeting word."""

from ingest.factuality import Clauses
from ingest.lexicon import one_word, phrases, verb_forms, word_class
from ingest.meeting_context import (
    MODIFIER_REACH,
    adjective,
    after_finished_clause,
    first_person,
    is_anaphoric,
    is_background,
    is_interview,
    is_venue,
    meeting_modifier,
    quote_start,
    rank,
)
from ingest.meeting_groups import meeting_groups
from ingest.parties import SentenceParties
from ingest.party_phrase import PartyPhrase
from ingest.placenames import journey_destination
from ingest.segment import is_punctuation
from ingest.sentence_meeting import (
    SentenceMeeting,
    chain,
    expand,
    first_party_at_or_after,
    fuller,
    same_parties,
)
from ingest.triggers import Trigger, blocked, negated

_TOGETHER = word_class("reciprocal")
_SINGULAR_VERBS = verb_forms("agreement_verb", "3sg")
_PLURAL_VERBS = verb_forms("agreement_verb", "3pl")
_VERB_REACH = 20
_AND = one_word("and")
_COMITATIVE = one_word("comitative")
_ABLATIVE = one_word("ablative")
_OBJECT = one_word("object_marker")
_RELATIVE = one_word("relativizer")
_ALONG = one_word("along")
_WELCOME = one_word("welcome")
_ATTENDANCE_LIST = phrases("attendance_list")
_CLAUSE_OPENERS = word_class("clause_opener")
_PARTNER_MARKERS = word_class("partner_marker")
_HOSTING_MARKERS = word_class("hosting_marker")
_MEDIATION = phrases("mediation")
_RECEIVED = phrases("received")
_BETWEEN = word_class("between")
_ADVERBIAL_REACH = 6  # "از Y در کاخ ریاست‌جمهوری به گرمی استقبال کرد"
_COLON = one_word("colon")
_SEMICOLONS = word_class("semicolon")


class MeetingReader:
    def __init__(self, analysis: SentenceParties, clauses: Clauses, *, told_before: bool = True) -> None:
        self.told_before, self.clauses = told_before, clauses
        self.sentence = analysis.sentence
        self.analysis = analysis
        self.words = self.analysis.words
        self.parties = self.analysis.parties
        self.party_starts = frozenset(party.first for party in self.parties)
        # A meeting word on a journey with one party and no partner: kept in case the sentence
        # reports no other meeting, when the host country is the partner.
        self.journey: tuple[Trigger, PartyPhrase] | None = None

    def read(self) -> list[SentenceMeeting]:
        if blocked(self.sentence, self.clauses.names) or negated(self.sentence):
            return []
        triggers = self.analysis.triggers
        # The members named in a venue ("در حاشیه نشست وزرای خارجه بریکس") are no side of a meeting.
        venues = {trigger.last for trigger in triggers if is_venue(self.words, trigger)}
        self.parties = [party for party in self.parties if party.first not in venues]
        self.party_starts = frozenset(party.first for party in self.parties)
        if not triggers or not self.parties:
            return []
        found: list[SentenceMeeting] = []
        for trigger in sorted(triggers, key=lambda trigger: rank(self.words, trigger)):
            if self.told_before and is_anaphoric(self.words, trigger):
                continue  # "این دیدار", "این نخستین دیدار": a meeting already reported
            if trigger.last in venues:
                continue  # "در حاشیه نشست وزرای خارجه ...", "برای شرکت در اجلاس ...": where, not whom
            if is_background(self.words, trigger):
                continue  # "ماه گذشته نیز دیداری با X داشت": history, not the news
            if is_interview(self.words, trigger):
                continue  # "در گفت‌وگو با خبرنگار ...", "در گفت‌وگوی تلویزیونی با شبکه ..."
            if self.clauses.mood(trigger.first, trigger.last) in ("unreal", "negated"):
                continue  # "خواستار دیدار با X شد", "احتمالا ... دیدار کنند", "دیدار نکرد"
            # A sentence may report two meetings ("نشست معاونان ... به پایان رسید اما نشست وزرای ...
            # در جریان است"); a trigger whose parties an earlier meeting already took adds nothing.
            batch = self._around(trigger, triggers)
            if is_anaphoric(self.words, trigger):
                # The first report of a meeting only referred to ("در این نشست X و Y ..."): only when
                # it says who met.
                batch = [m for m in batch if all(p.name or p.country or p.org_id for p in m.parties)]
            same = [earlier for earlier in found if any(same_parties(meeting, earlier) for meeting in batch)]
            if not same:
                found.extend(batch)
            elif fuller(batch, same):
                found[found.index(same[0])] = batch[0]
        if not found and self.journey is not None:
            trigger, visitor = self.journey
            host = self._host_of_journey(visitor)
            if host is not None:
                found.append(SentenceMeeting(self.analysis, trigger, triggers, [visitor, host], False))
        return found

    def _around(self, trigger: Trigger, triggers: list[Trigger]) -> list[SentenceMeeting]:
        """The meetings the trigger reports: its subjects (before it in its clause, or a nominal's
        parties after it) and its partners (after "با" or a hosting word), grouped into meetings."""
        writer, before_finished, clause = self._clause_of(trigger)
        ba = self._partner_marker(trigger, triggers)
        if ba is not None and tuple(self.words[ba - 1 : ba + 1]) in _ATTENDANCE_LIST:
            listed = self._attendance_list(trigger, ba, clause)
            if listed is not None:
                return [SentenceMeeting(self.analysis, trigger, triggers, listed, False)]
        if ba is not None:
            subjects, partners = self._sides_with_partner(trigger, ba, clause)
        else:
            sides = self._sides_without_partner(trigger, clause)
            if sides is None:
                return []
            subjects, partners = sides
        if not partners and len(self._expanded(subjects)) < 2:
            self._note_journey(trigger, subjects or self._shared(before_finished, clause))
            return []
        # "منبع آگاه: ... مذاکره‌کنندگان قطری سفر کردند تا با ایرانی‌ها دیدار کنند": the speaker is
        # no subject of a meeting the quote tells in the third person, nor is the article's first party.
        others = not writer and self._speakers(subjects, trigger) and self._told_of_others(trigger)
        if others:
            subjects = []
        elif not subjects:
            subjects = self._shared(before_finished, clause)
        if self._second_title_of_one_person(subjects, trigger):
            subjects = subjects[:1]
        subject_missing = not subjects and not others
        if writer and subject_missing:
            before = [p for p in self.parties if p.last <= self.words.index(_COLON)]
            if before:
                subjects, subject_missing = [before[0]], False
        return [
            SentenceMeeting(self.analysis, trigger, triggers, group, subject_missing, writer)
            for group in meeting_groups(self.sentence, trigger, triggers, subjects, partners)
        ]

    def _clause_of(self, trigger: Trigger) -> tuple[bool, int, int]:
        """Whether a first-person post quotes the writer, where the trigger's clause starts before a
        finished clause is skipped, and where it starts."""
        words = self.words
        clause = self.analysis.lead_in
        colon = words.index(_COLON) if _COLON in words else len(words)
        writer = colon < trigger.first and first_person(words[colon:])
        clause = max(clause, colon + 1 if writer else quote_start(words, trigger.first))
        # "X با Y دیدار کرد؛ Z میزبان W بود": a semicolon closes the clause before it.
        clause = max([clause, *(i + 1 for i in range(clause, trigger.first) if words[i] in _SEMICOLONS)])
        if not writer:
            clause = max(clause, self._quoted_clause(clause, trigger))
        finished = after_finished_clause(self.words, clause, trigger.first, self.party_starts)
        return writer, clause, max(clause, finished)

    def _quoted_clause(self, clause: int, trigger: Trigger) -> int:
        """ "سخنگوی دولت: رئیس‌جمهور امروز با X دیدار کرد": what follows a speaker's colon is a clause of its
        own when it names a party before the meeting word; the speaker is none of its parties."""
        colon = self._last_colon(clause, trigger)
        if colon is not None and any(colon < party.first < trigger.first for party in self.parties):
            return colon + 1
        return clause

    def _last_colon(self, start: int, trigger: Trigger) -> int | None:
        """The last colon between `start` and the meeting word: where a speaker's quote opens."""
        return next((i for i in range(trigger.first - 1, start - 1, -1) if self.words[i] == _COLON), None)

    def _attendance_list(self, trigger: Trigger, ba: int, clause: int) -> list[PartyPhrase] | None:
        """ "دیدار ... با حضور X، Y و Z برگزار شد": the attendance list is the whole meeting; "X در
        نشستی با حضور Y و Z گفت‌وگو کرد": X held it."""
        words, parties = self.words, self.parties
        position = first_party_at_or_after(parties, ba + 1, 1)
        attendees = chain(parties, position, words, roll=True) if position is not None else []
        if len(self._expanded(attendees)) < 2:
            return None
        # "نشست X و Y با حضور Z", "نشست ... به ریاست X و با حضور Y": the session's own parties too;
        # a group there is the persons listed ("نشست سران ... با حضور A، B و C").
        own = self._named_by_nominal(trigger, ba - 1)
        if any(p.name for p in attendees):
            own = [p for p in own if not p.of_a_group]
        return self._expanded(self._clause_subjects(clause, min(ba - 1, trigger.first)) + own + attendees)

    def _sides_with_partner(
        self, trigger: Trigger, ba: int, clause: int
    ) -> tuple[list[PartyPhrase], list[PartyPhrase]]:
        """Partners after "با"; subjects: a nominal "دیدار X با Y" names X between the trigger and با,
        otherwise the clause's first party before the trigger."""
        words, parties = self.words, self.parties
        position = first_party_at_or_after(parties, ba + 1, words=words)
        partners = chain(parties, position, words) if position is not None else []
        own = self._named_by_nominal(trigger, ba) if ba > trigger.first else []
        if own:
            return own, partners
        return self._clause_subjects(clause, min(ba, trigger.first)), partners

    def _named_by_nominal(self, trigger: Trigger, marker: int) -> list[PartyPhrase]:
        """The parties a meeting noun names between itself and the "با" at `marker`, as one chain
        ("دیدار X با Y", "نشست X و Y با حضور Z")."""
        between = [p for p in self.parties if trigger.last <= p.first and p.last <= marker]
        return chain(self.parties, self.parties.index(between[0]), self.words) if between else []

    def _sides_without_partner(
        self, trigger: Trigger, clause: int
    ) -> tuple[list[PartyPhrase], list[PartyPhrase]] | None:
        """No "با": the one received, the parties after a nominal, or none; None for a session of one
        body."""
        words, parties = self.words, self.parties
        position = first_party_at_or_after(parties, self._past_modifiers(trigger.last), limit=1)
        roll = trigger.kind == "session"
        after = chain(parties, position, words, roll=roll) if position is not None else []
        subjects = self._clause_subjects(clause, trigger.first)
        received = self._received_before(trigger)
        if received:
            # "X، Y را به حضور پذیرفت": Y is the one received.
            return [p for p in subjects if all(p is not r for r in received)], received
        if set(words) & _TOGETHER:
            return subjects, []
        if len(self._expanded(after)) >= 2 and (not subjects or self._heads_clause(trigger)):
            return after, []  # "دیدار X و Y": the parties follow the trigger
        if after and self._speakers(subjects, trigger):
            return after, []  # "سخنگو: گفت‌وگوی رئیس‌جمهور با مردم ...": the quote names the talk's party
        if trigger.kind == "session" and after and all(p.group or p.group_role for p in after):
            return None  # "X در نشست شورای وزیران خارجه گفت": a session of one body (docs/annotation.md, 2)
        return subjects, after

    def _speakers(self, subjects: list[PartyPhrase], trigger: Trigger) -> bool:
        """Does a party speak before a colon that opens the meeting word's quote ("X: ...") and the quote
        name no subject of its own before the meeting word (the subjects found are the speaker's)?"""
        colon = self._last_colon(0, trigger)
        if colon is None or not any(p.last <= colon for p in self.parties):
            return False
        return all(p.last <= colon for p in subjects)

    def _told_of_others(self, trigger: Trigger) -> bool:
        """Is the meeting word's own verb in the third person ("دیدار کنند", "گفت‌وگو کرد")? Quoted, it
        tells of others: a speaker meets in the first person ("دیدار کردم")."""
        return self.clauses.own_verb_person(trigger.first, trigger.last) == "3"

    def _note_journey(self, trigger: Trigger, visitor: list[PartyPhrase]) -> None:
        """A meeting word with one party and no partner: the journey's host may be the partner."""
        if (
            len(self._expanded(visitor)) == 1
            and trigger.kind in ("meeting", "talk")
            and _COMITATIVE
            not in self.words[max(0, trigger.first - 3) : trigger.first]  # "تا با او ملاقات کنم"
            and self.journey is None
        ):
            self.journey = (trigger, visitor[0])

    def _host_of_journey(self, visitor: PartyPhrase) -> PartyPhrase | None:
        """ "همتی برای گفت‌وگو ... به دوحه سفر کرد", "X وارد پکن شد و دیدار رسمی خود را آغاز کرد":
        talks on a journey whose host the text does not name are with the host country."""
        destination = journey_destination(self.analysis)
        if destination is None:
            return None
        first, last, country = destination
        if country == visitor.country or visitor.group:
            return None
        return PartyPhrase.of_state(first, last, country)

    def _second_title_of_one_person(self, subjects: list[PartyPhrase], trigger: Trigger) -> bool:
        """ "X دبیر شورای عالی امنیت ملی و مذاکره‌کننده ارشد کشورمان ... دیدار کرد": a singular verb
        makes the untitled-by-name office after "و" a second title of X ("کردند" would make two)."""
        if len(subjects) != 2:
            return False
        named, other = subjects
        if not named.name or other.name or other.people or other.plural_countries or other.group:
            return False
        if other.country not in (None, named.country) and named.country is not None:
            return False
        if list(self.words[named.last : other.first]) != [_AND]:
            return False
        for word in self.words[trigger.last : trigger.last + _VERB_REACH]:
            if word in _PLURAL_VERBS:
                return False
            if word in _SINGULAR_VERBS:
                return True
        return False

    def _shared(self, start: int, clause: int) -> list[PartyPhrase]:
        """ "X وارد پکن شد و دیدار رسمی خود را آغاز کرد": a clause joined by "و" that names no subject
        of its own shares the finished clause's."""
        if clause <= start or self.words[clause - 1] != _AND:
            return []
        return self._clause_subjects(start, clause - 1)

    def _received_before(self, trigger: Trigger) -> list[PartyPhrase]:
        """The parties received: "... Y را به حضور پذیرفت", "X از Y و Z استقبال کرد", also with an
        adverbial of place, time or manner before the verb ("از Y در کاخ ... به گرمی استقبال کرد")."""
        if trigger.kind != "hosting" or trigger.first < 2:
            return []
        words = self.words
        if words[trigger.first] == _WELCOME:
            for start, party in enumerate(self.parties):
                if party.first > 0 and words[party.first - 1] == _ABLATIVE and party.last <= trigger.first:
                    received = chain(self.parties, start, words)
                    if self._adverbial(received[-1].last, trigger.first):
                        return received
            return []
        ra = next((i for i in range(trigger.first - 1, 0, -1) if words[i] == _OBJECT), None)
        if ra is None or not self._adverbial(ra + 1, trigger.first):
            return []
        return [p for p in self.parties if p.last in (ra, ra - 1) and p.first > 0][:1]

    def _adverbial(self, first: int, last: int) -> bool:
        """Whether the words from `first` to `last` can be an adverbial between an object and its verb:
        a few words, no punctuation, no relative clause, no party."""
        gap = self.words[first:last]
        return (
            len(gap) <= _ADVERBIAL_REACH
            and not any(is_punctuation(word) or word == _RELATIVE for word in gap)
            and not any(first <= start < last for start in self.party_starts)
        )

    def _heads_clause(self, trigger: Trigger) -> bool:
        """ "... اما نشست X و Y در جریان است": a meeting noun that opens a clause names all its parties."""
        return trigger.first > 0 and self.words[trigger.first - 1] in _CLAUSE_OPENERS

    def _past_modifiers(self, start: int) -> int:
        """Where a meeting noun's parties may start after what modifies it: time and manner ("در دیدار
        عصر امروز X", "با استقبال رسمی X"), a length ("تماس ۸۵ دقیقه‌ای X و Y"), adjectives ("گفت‌وگوی
        پرتنشی X و Y", "طولانی و دشوار") and a "بین" ending them ("مذاکرات طولانی بین X و Y")."""
        words, starts = self.words, self.party_starts
        index = start
        while index < min(len(words), start + MODIFIER_REACH) and index not in starts:
            word, following = words[index], words[index + 1] if index + 1 < len(words) else ""
            if not (meeting_modifier(word) or (word == _AND and adjective(following))):
                break
            index += 1
        if index < len(words) and words[index] in _BETWEEN and index not in starts:
            index += 1
        return index

    def _expanded(self, parties: list[PartyPhrase]) -> list[PartyPhrase]:
        return [single for party in parties for single in expand(party)]

    def _partner_marker(self, trigger: Trigger, triggers: list[Trigger]) -> int | None:
        """The "با" that introduces the other side: the nearest one, before or after the trigger,
        that a party follows and that no other meeting word has just before it ("دیدار کند و سپس
        برای دیدار با Y": that "با" is the second meeting's)."""
        owned = {
            other.last for other in triggers if other is not trigger and not is_anaphoric(self.words, other)
        }
        candidates = [
            index
            for index, word in enumerate(self.words)
            if word in _PARTNER_MARKERS
            and index not in owned
            and (index == 0 or self.words[index - 1] != _ALONG)
            and first_party_at_or_after(self.parties, index + 1, words=self.words) is not None
        ]
        hosting = [
            index
            for index, word in enumerate(self.words)
            if (
                word in _HOSTING_MARKERS
                or (index > 0 and tuple(self.words[index - 1 : index + 1]) in _MEDIATION)  # "میانجی‌گری X"
                or (index > 0 and tuple(self.words[index - 1 : index + 1]) in _RECEIVED)
            )
            and first_party_at_or_after(self.parties, index + 1, words=self.words) is not None
        ]
        candidates += hosting
        if not candidates:
            return None
        return min(candidates, key=lambda index: abs(index - trigger.first))

    def _clause_subjects(self, clause: int, end: int) -> list[PartyPhrase]:
        before = [p for p in self.parties if p.first >= clause and p.last <= end]
        if not before:
            return []
        return chain(self.parties, self.parties.index(before[0]), self.words)


def read_meetings(analysis: SentenceParties, clauses: Clauses, *, told_before: bool) -> list[SentenceMeeting]:
    """The meetings a sentence reports; `told_before`: whether the article already reported one, so
    that "این دیدار" refers back (else "در این نشست X و Y ..." is the first report of it)."""
    return MeetingReader(analysis, clauses, told_before=told_before).read()
