"""Reads who meets whom from one sentence: the parties around a meeting word."""

from dataclasses import dataclass, replace
from functools import cache

from ingest.factuality import mood
from ingest.gazetteer import Gazetteer
from ingest.lexicon import rows
from ingest.parties import DELEGATION_WORDS, PartyPhrase, SentenceParties
from ingest.places import journey_destination
from ingest.segment import Sentence
from ingest.triggers import Trigger, blocked, find_triggers, meeting_kind, negated

_COMPANY = {("به", "همراه"), ("همراه", "با"), ("و", "همراه", "با")}  # "X به همراه Y": both attend
_QUOTE_MARKS = {"«", "»", '"', "("}
_LINKS = {"و", "،", ",", "«", "»", '"'}
_TOGETHER = {"یکدیگر", "همدیگر"}
_INTERVIEW_REACH = 4  # "در گفت‌وگوی تلویزیونی با شبکه ...": the "با" of a talk, right after it
_FIRST_PERSON_VERBS = {"بودم", "کردم", "داشتم", "شدم", "بودیم", "کردیم", "داشتیم", "شدیم", "کرده‌ام"}
_REPORTING_VERBS = {("اعلام", "کرد"), ("خبر", "داد"), ("تصریح", "کرد"), ("اظهار", "داشت"), ("تأکید", "کرد")}
_SPEECH_VERBS = {"گفت", "افزود", "نوشت", "داشت", "کرد", "گفته", "تصریح", "یادآور"}
_EARLIER = {"پیشتر", "قبلا", "قبلاً", "سابقا", "سابقاً", "بارها"}
_LONG_AGO_UNITS = {"ماه", "سال", "ماه‌های", "سال‌های", "ها"}
_NEGATIVE_VERBS = {
    "نخواهد",
    "نخواهند",
    "نخواهیم",
    "نخواهم",
    "نداشت",
    "نداشتند",
    "نداشتیم",
    "نکرد",
    "نکردند",
    "نکرده",
    "ندارم",
    "ندارد",
    "نداریم",
    "ندارند",
    "نمی",
}
_LIGHT_VERBS = {
    "کرد",
    "کردند",
    "کرده",
    "کند",
    "کنند",
    "می",
    "خواهد",
    "خواهند",
    "داشت",
    "داشتند",
    "نمود",
    "نمودند",
}
_ANAPHORA = {"این", "همین", "آن"}
_ORDINALS = {"نخستین", "اولین", "دومین", "سومین", "آخرین"}  # "این نخستین دیدار"
_REFUSALS = {"رد", "تکذیب", "نپذیرفت", "نپذیرفته"}  # "دیدار با X را رد کرد"
_REFUSAL_REACH = 10
_CLAUSE_END_VERBS = {"شد", "شدند", "کرد", "کردند", "است", "بود", "بودند", "داد", "دادند", "داشت", "داشتند"}
_SEPARATE = {"جداگانه", "جداگانه‌ای", "جدا"}
_MANNER = {"رسمی", "گرم", "صمیمانه", "باشکوه", "و"}  # "استقبال گرم و رسمی X"
# "با برخی از نمایندگان", "با جمعی از فعالان": a quantifier may stand between "با" and the group.
_QUANTIFIERS = frozenset(row["word"] for row in rows("quantifiers"))
_FILLERS = _QUOTE_MARKS | _MANNER | _QUANTIFIERS
_SINGULAR_VERBS = {"کرد", "کند", "داشت", "دارد", "نمود", "خواهد", "گفت", "رسید", "پذیرفت"}
_PLURAL_VERBS = {"کردند", "کنند", "داشتند", "دارند", "نمودند", "خواهند", "گفتند", "رسیدند", "پذیرفتند"}
_VERB_REACH = 20
_JOINT = {"کنفرانس", "ویدئوکنفرانس"}
_MEETING_WORDS = {"دیدار", "نشست", "جلسه", "گفت‌وگوی", "وگوی", "ملاقات"}  # "دیدار مشترک": one table
_MANY = {"سه", "چهار", "پنج", "چند"}  # "سه‌جانبه" is read as "سه" "جانبه"; "دوجانبه" is bilateral


@dataclass
class SentenceMeeting:
    """One meeting a sentence reports; `sides` are the parties, before coreference."""

    analysis: SentenceParties
    trigger: Trigger
    triggers: list[Trigger]
    parties: list[PartyPhrase]
    subject_missing: bool
    writer_subject: bool = False

    @property
    def sentence(self) -> Sentence:
        return self.analysis.sentence


def _expand(party: PartyPhrase) -> list[PartyPhrase]:
    """ "وزرای خارجه ایران و روسیه" stands for one party per country."""
    if party.plural_orgs:
        return [
            replace(party, org_id=org_id, org=written, country=country, plural_orgs=[])
            for org_id, written, country in party.plural_orgs
        ]
    if party.plural_roles:
        return [
            replace(party, role=role, title_id=title, plural_roles=[]) for role, title in party.plural_roles
        ]
    if not party.plural_countries:
        return [party]
    return [replace(party, country=code, plural_countries=[]) for code in party.plural_countries]


def _chain(parties: list[PartyPhrase], start: int, words: list[str]) -> list[PartyPhrase]:
    """The parties starting at `parties[start]` that only "و" and commas separate."""
    chain = [parties[start]]
    for party in parties[start + 1 :]:
        gap = words[chain[-1].last : party.first]
        if not gap or all(word in _LINKS for word in gap) or tuple(gap) in _COMPANY:
            chain.append(party)
        else:
            break
    return chain


def _quote_start(words: list[str], trigger: int) -> int:
    """After "X گفت:", "X گفت «" or "X اعلام کرد ...", the speaker is not a party of what the
    report says."""
    for index in range(trigger - 1, 0, -1):
        if words[index] in (":", "«") and _SPEECH_VERBS & set(words[max(0, index - 3) : index]):
            return index + 1
        if _speech_verb_ends_at(words, index):
            return index + 1
    return 0


def _speech_verb_ends_at(words: list[str], index: int) -> bool:
    word = words[index]
    # "گفت‌وگو", "گفت‌وگوی", "گفت‌وگوها" are read as "گفت" + "وگو...": a talk, not "said".
    following = words[index + 1] if index + 1 < len(words) else ""
    if word in ("گفت", "افزود", "نوشت") and not (following == "و" or following.startswith("وگو")):
        return True
    return word in ("کرد", "داد", "داشت") and index > 0 and (words[index - 1], word) in _REPORTING_VERBS


@cache
def _media_words() -> Gazetteer[bool]:
    return Gazetteer((row["form"], True) for row in rows("media_words"))


@cache
def _time_words() -> frozenset[str]:
    return frozenset(row["word"] for row in rows("not_names") if row["why"] in ("time", "weekday"))


def _same_parties(a: SentenceMeeting, b: SentenceMeeting) -> bool:
    """Do two readings of one sentence read the same meeting? They do when every party of one is a
    party of the other; two meetings of one person ("با X دیدار کند و سپس برای دیدار با Y") share
    only that person."""

    def overlaps(p: PartyPhrase, q: PartyPhrase) -> bool:
        return p.first < q.last and q.first < p.last

    def within(x: SentenceMeeting, y: SentenceMeeting) -> bool:
        return all(any(overlaps(p, q) for q in y.parties) for p in x.parties)

    return within(a, b) or within(b, a)


def _fuller(batch: list[SentenceMeeting], same: list[SentenceMeeting]) -> bool:
    """ "X میزبان Y بود و دو وزیر ... رایزنی کردند": a reading that names the host as well replaces
    the one that found no subject."""
    return (
        len(batch) == len(same) == 1
        and same[0].subject_missing
        and len(batch[0].parties) > len(same[0].parties)
    )


def _joint(words: list[str]) -> bool:
    """Does the sentence say that one meeting joined several sides ("تماس سه‌جانبه", "نشست مشترک")?"""
    return bool(_JOINT.intersection(words)) or any(
        word == "جانبه" and words[index - 1] in _MANY for index, word in enumerate(words) if index
    )


def _first_person(words: list[str]) -> bool:
    """Does the quoted post speak in the first person ("میزبان ... بودم")?"""
    return any(word in _FIRST_PERSON_VERBS for word in words)


def _first_party_at_or_after(
    parties: list[PartyPhrase], index: int, limit: int = 3, words: list[str] | None = None
) -> int | None:
    """The first party starting at `index`, or a few words later when only quotes, an honorific or
    a manner word stand between ("با «X»", "با آقای X", "با استقبال رسمی X"); "با طرح X" is no
    meeting with X."""
    for position, party in enumerate(parties):
        if index <= party.first <= index + limit:
            if words is not None and not all(word in _FILLERS for word in words[index : party.first]):
                return None
            return position
    return None


def _side(party: PartyPhrase) -> str | None:
    if party.country or party.org_id:
        return party.country or party.org_id
    countries = {person.country for person in party.people if person.country}
    return countries.pop() if len(countries) == 1 else None


def _distinct_sides(parties: list[PartyPhrase]) -> bool:
    """Each party from another state or organisation, each known: the stops of a tour."""
    sides = [_side(party) for party in parties]
    return None not in sides and len(set(sides)) == len(sides)


class MeetingReader:
    def __init__(self, analysis: SentenceParties, *, told_before: bool = True) -> None:
        self.told_before = told_before
        self.sentence = analysis.sentence
        self.analysis = analysis
        self.words = self.analysis.words
        self.parties = self.analysis.parties
        # A meeting word on a journey with one party and no partner: kept in case the sentence
        # reports no other meeting, when the host country is the partner.
        self.journey: tuple[Trigger, PartyPhrase] | None = None

    def read(self) -> list[SentenceMeeting]:
        if blocked(self.sentence) or negated(self.sentence):
            return []
        triggers = find_triggers(self.sentence)
        # The members named in a venue ("در حاشیه نشست وزرای خارجه بریکس") are no side of a meeting.
        venues = {trigger.last for trigger in triggers if self._venue(trigger)}
        self.parties = [party for party in self.parties if party.first not in venues]
        if not triggers or not self.parties:
            return []
        found: list[SentenceMeeting] = []
        for trigger in sorted(triggers, key=self._rank):
            if self.told_before and self._anaphoric(trigger):
                continue  # "این دیدار", "این نخستین دیدار": a meeting already reported
            if trigger.last in venues:
                continue  # "در حاشیه نشست وزرای خارجه ...", "برای شرکت در اجلاس ...": where, not whom
            if self._background(trigger):
                continue  # "ماه گذشته نیز دیداری با X داشت": history, not the news
            if self._negative_verb_after(trigger):
                continue  # "قصد دیدار با X را ندارم", "با X دیدار نخواهد کرد"
            if self._interview(trigger):
                continue  # "در گفت‌وگو با خبرنگار ...", "در گفت‌وگوی تلویزیونی با شبکه ..."
            if mood(self.sentence, trigger.first, trigger.last) in ("unreal", "negated"):
                continue  # "خواستار دیدار با X شد", "احتمالا ... دیدار کنند", "دیدار نکرد"
            # A sentence may report two meetings ("نشست معاونان ... به پایان رسید اما نشست وزرای ...
            # در جریان است"); a trigger whose parties an earlier meeting already took adds nothing.
            batch = self._around(trigger, triggers)
            if self._anaphoric(trigger):
                # The first report of a meeting only referred to ("در این نشست X و Y ..."): only when
                # it says who met.
                batch = [m for m in batch if all(p.name or p.country or p.org_id for p in m.parties)]
            same = [earlier for earlier in found if any(_same_parties(meeting, earlier) for meeting in batch)]
            if not same:
                found.extend(batch)
            elif _fuller(batch, same):
                found[found.index(same[0])] = batch[0]
        if not found and self.journey is not None:
            trigger, visitor = self.journey
            host = self._host_of_journey(visitor)
            if host is not None:
                found.append(SentenceMeeting(self.analysis, trigger, triggers, [visitor, host], False))
        return found

    def _around(self, trigger: Trigger, triggers: list[Trigger]) -> list[SentenceMeeting]:
        words, parties = self.words, self.parties
        partners: list[PartyPhrase] = []
        subjects: list[PartyPhrase] = []
        clause = self.analysis.lead_in
        writer = (
            ":" in words and words.index(":") < trigger.first and _first_person(words[words.index(":") :])
        )
        if writer:
            clause = max(clause, words.index(":") + 1)
        else:
            clause = max(clause, _quote_start(words, trigger.first))
        # "X با Y دیدار کرد؛ Z میزبان W بود": a semicolon closes the clause before it.
        clause = max([clause, *(i + 1 for i in range(clause, trigger.first) if words[i] in ("؛", ";"))])
        before_finished = clause
        clause = max(clause, self._after_finished_clause(clause, trigger.first))
        ba = self._partner_marker(trigger, triggers)
        if ba is not None and words[ba] == "حضور" and words[ba - 1] == "با":
            # "دیدار ... با حضور X، Y و Z برگزار شد": the attendance list is the whole meeting.
            position = _first_party_at_or_after(parties, ba + 1, 1)
            attendees = _chain(parties, position, words) if position is not None else []
            if len(self._expanded(attendees)) >= 2:
                # "X در نشستی با حضور Y و Z گفت‌وگو کرد": X held it; "نشست ... با حضور ..." lists all.
                holder = self._clause_subjects(clause, min(ba - 1, trigger.first)) or self._described(
                    before_finished, clause
                )
                listed = self._expanded(holder + attendees)
                return [SentenceMeeting(self.analysis, trigger, triggers, listed, False)]
        if ba is not None:
            position = _first_party_at_or_after(parties, ba + 1, words=words)
            if position is not None:
                partners = _chain(parties, position, words)
            # Subjects: a nominal "دیدار X با Y" names X between the trigger and با; otherwise the
            # clause's first party before the trigger.
            between = [p for p in parties if trigger.last <= p.first and p.last <= ba]
            if ba > trigger.first and between:
                subjects = _chain(parties, parties.index(between[0]), words)
            else:
                subjects = self._clause_subjects(clause, min(ba, trigger.first))
        else:
            # "در دیدار عصر امروز X", "با استقبال رسمی X": time and manner words may sit between the
            # meeting noun and its party.
            after_time = trigger.last
            while after_time < len(words) and (
                words[after_time] in _time_words() or words[after_time] in _MANNER
            ):
                after_time += 1
            position = _first_party_at_or_after(parties, after_time, limit=1)
            after = _chain(parties, position, words) if position is not None else []
            subjects = self._clause_subjects(clause, trigger.first)
            received = self._object_before(trigger) or self._informed_after(trigger)
            if received is not None:
                # "X، Y را به حضور پذیرفت": Y is the one received.
                partners = [received]
                subjects = [p for p in subjects if p is not received]
            elif set(words) & _TOGETHER:
                partners = []
            elif len(self._expanded(after)) >= 2 and (not subjects or self._heads_clause(trigger)):
                subjects, partners = after, []  # "دیدار X و Y": the parties follow the trigger
            elif trigger.kind == "session" and after and all(p.group or p.group_role for p in after):
                return []  # "X در نشست شورای وزیران خارجه گفت": a session of one body (docs/annotation.md, 2)
            else:
                partners = after
        if not partners and len(self._expanded(subjects)) < 2:
            visitor = subjects or self._described(before_finished, clause)
            if (
                len(self._expanded(visitor)) == 1
                and trigger.kind in ("meeting", "talk")
                and "با" not in words[max(0, trigger.first - 3) : trigger.first]  # "تا با او ملاقات کنم"
                and self.journey is None
            ):
                self.journey = (trigger, visitor[0])
            return []
        if not subjects:
            subjects = self._described(before_finished, clause)
        if self._second_title_of_one_person(subjects, trigger):
            subjects = subjects[:1]
        subject_missing = not subjects
        if writer and subject_missing:
            before = [p for p in parties if p.last <= words.index(":")]
            if before:
                subjects, subject_missing = [before[0]], False
        subject_parties = self._expanded(subjects)
        partner_parties = self._expanded(partners)
        # Several delegations received together are still separate audiences.
        delegations = any(
            (p.plural_countries and (p.role or "").split(" ")[0] in DELEGATION_WORDS) or p.plural_roles
            for p in subjects + partners
        )
        # "تماس‌های تلفنی با A و B": a plural meeting word means one meeting with each.
        plural_trigger = any(
            word in ("های", "ها") for word in words[trigger.first + 1 : trigger.last + 1]
        ) or any(
            word.endswith(("های", "ها"))
            for word in words[trigger.first : trigger.last]  # "گفت‌وگوهای"
        )
        # A call is between two ends unless the text says it joined more ("تماس سه‌جانبه").
        call = meeting_kind(self.sentence, triggers) == "phone" and not _joint(words)
        # "در این سفر با A، B و C دیدار خواهد کرد": a visitor meets a list of officials one by one.
        itinerary = (
            trigger.kind in ("meeting", "talk")
            and len(subject_parties) == 1
            and len(partners) > 1  # a list of phrases; "همتایان روس و چینی خود" is one
            and not (trigger.first > 0 and words[trigger.first - 1] == "در")  # "در دیدار با A، B و C": one
            and not _joint(words)
            and not set(words) & _TOGETHER
            and not any(words[i] == "مشترک" and words[i - 1] in _MEETING_WORDS for i in range(1, len(words)))
            and all(not p.group for p in partner_parties)
            and _distinct_sides(partner_parties)  # "با ویتکاف و کوشنر": one delegation, one meeting
        )
        separate = bool(set(words) & _SEPARATE) or delegations or plural_trigger
        meeting_groups: list[list[PartyPhrase]]
        if (separate or call or itinerary) and len(partner_parties) > 1:
            meeting_groups = [[*subject_parties, partner] for partner in partner_parties]
        elif separate and len(subject_parties) > 1 and partner_parties:
            meeting_groups = [[subject, *partner_parties] for subject in subject_parties]
        else:
            meeting_groups = [[*subject_parties, *partner_parties]]
        return [
            SentenceMeeting(self.analysis, trigger, triggers, group, subject_missing, writer)
            for group in meeting_groups
        ]

    def _interview(self, trigger: Trigger) -> bool:
        """A talk with a reporter, a channel or a paper is an interview, not a meeting."""
        if trigger.kind != "talk":
            return False
        end = min(len(self.words), trigger.last + _INTERVIEW_REACH)
        ba = next((i for i in range(trigger.last, end) if self.words[i] == "با"), None)
        if ba is None:
            return False
        media = _media_words()
        around = (*range(trigger.last, ba), ba + 1, ba + 2)  # the talk's own words, then its partner
        return any(media.match_at(self.words, i) for i in around if i < end)

    def _host_of_journey(self, visitor: PartyPhrase) -> PartyPhrase | None:
        """ "همتی برای گفت‌وگو ... به دوحه سفر کرد", "X وارد پکن شد و دیدار رسمی خود را آغاز کرد":
        talks on a journey whose host the text does not name are with the host country."""
        destination = journey_destination(self.analysis)
        if destination is None:
            return None
        first, last, country = destination
        if country == visitor.country or visitor.group:
            return None
        return PartyPhrase(first, last, country=country, group=True)

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
        if list(self.words[named.last : other.first]) != ["و"]:
            return False
        for word in self.words[trigger.last : trigger.last + _VERB_REACH]:
            if word in _PLURAL_VERBS:
                return False
            if word in _SINGULAR_VERBS:
                return True
        return False

    def _described(self, start: int, clause: int) -> list[PartyPhrase]:
        """ "X که امروز وارد مسکو شد، با Y دیدار کرد": the party a finished relative clause describes."""
        relative = next((i for i in range(start, clause) if self.words[i] == "که"), None)
        if relative is None or not any(p.last == relative for p in self.parties):
            return []
        return self._clause_subjects(start, relative)

    def _object_before(self, trigger: Trigger) -> PartyPhrase | None:
        """The party received: "... Y را به حضور پذیرفت", "X از Y استقبال کرد"."""
        if trigger.kind != "hosting" or trigger.first < 2:
            return None
        if self.words[trigger.first] == "استقبال":
            before = [p for p in self.parties if p.last == trigger.first and p.first > 0]
            return before[0] if before and self.words[before[0].first - 1] == "از" else None
        ra = next(
            (i for i in range(trigger.first - 1, max(0, trigger.first - 4), -1) if self.words[i] == "را"),
            None,
        )
        if ra is None:
            return None
        return next((p for p in self.parties if p.last in (ra, ra - 1) and p.first > 0), None)

    def _informed_after(self, trigger: Trigger) -> PartyPhrase | None:
        """ "X در تماسی، Y را در جریان ... قرار داد": the object of the clause is the other side."""
        if trigger.first == 0 or self.words[trigger.first - 1] != "در":
            return None
        for party in self.parties:
            if party.first < trigger.last or party.first > trigger.last + 4:
                continue
            if ":" in self.words[trigger.last : party.first]:
                return None  # "X در دیدار Y: Z را ...": what X said, not whom X informed
            if party.last < len(self.words) and self.words[party.last] == "را":
                return party
        return None

    def _heads_clause(self, trigger: Trigger) -> bool:
        """ "... اما نشست X و Y در جریان است": a meeting noun that opens a clause names all its parties."""
        return trigger.first > 0 and self.words[trigger.first - 1] in ("اما", "ولی", "هنوز", "و", "،")

    def _rank(self, trigger: Trigger) -> int:
        """Try the meeting word that carries the verb first ("دیدار کرد"), then "در دیدار با", then
        the rest ("برگزاری نشست" names an event, not who met)."""
        following = self.words[trigger.last] if trigger.last < len(self.words) else ""
        if following in _LIGHT_VERBS:
            return 0
        if following == "با" or (trigger.first > 0 and self.words[trigger.first - 1] == "در"):
            return 1
        return 2

    def _venue(self, trigger: Trigger) -> bool:
        before = list(self.words[max(0, trigger.first - 2) : trigger.first])
        return trigger.kind == "session" and (before[-1:] == ["حاشیه"] or before == ["شرکت", "در"])

    def _anaphoric(self, trigger: Trigger) -> bool:
        before = self.words[max(0, trigger.first - 2) : trigger.first]
        return bool(before) and (
            before[-1] in _ANAPHORA
            or (len(before) == 2 and before[0] in _ANAPHORA and before[1] in _ORDINALS)
        )

    def _background(self, trigger: Trigger) -> bool:
        """ "ماه گذشته نیز دیداری با X داشت", "در دیدار سال گذشته ...": a meeting long past."""
        before = self.words[max(0, trigger.first - 8) : trigger.first]
        after = self.words[trigger.last : trigger.last + 3]
        # "نشست هفته گذشته X و Y" names an earlier meeting; "هفته گذشته با Y دیدار کرد" may be news.
        long_ago = any(
            window[i] in units and window[i + 1] in ("گذشته", "پیش", "قبل")
            for window, units in ((before, _LONG_AGO_UNITS), (after, _LONG_AGO_UNITS | {"هفته"}))
            for i in range(len(window) - 1)
        )
        # "X پیش‌تر نیز ... با Y دیدار کرده بود": told as what happened before the news.
        told_before = self.words[: trigger.first]
        earlier = any(word in _EARLIER for word in told_before) or any(
            told_before[i] == "پیش" and told_before[i + 1] == "تر" for i in range(len(told_before) - 1)
        )
        return long_ago or (earlier and any(word in ("بود", "بودند") for word in after))

    def _negative_verb_after(self, trigger: Trigger) -> bool:
        """ "با X دیدار نخواهد کرد", "هرگونه دیدار با X را رد کرد": no meeting."""
        words = self.words
        if trigger.first > 0 and words[trigger.first - 1] == "هرگونه":
            return True
        after = words[trigger.last : trigger.last + _REFUSAL_REACH]
        refused = any(after[i] == "را" and after[i + 1] in _REFUSALS for i in range(len(after) - 1))
        return refused or any(word in _NEGATIVE_VERBS for word in words[trigger.last : trigger.last + 6])

    def _after_finished_clause(self, start: int, end: int) -> int:
        """ "... برگزار خواهد شد و X با Y دیدار خواهد کرد": a verb and "و" close the clause before."""
        found = start
        for index in range(start, end - 1):
            if self.words[index] in _CLAUSE_END_VERBS and self.words[index + 1] in ("و", "،"):
                found = index + 2
        return found

    def _expanded(self, parties: list[PartyPhrase]) -> list[PartyPhrase]:
        return [single for party in parties for single in _expand(party)]

    def _partner_marker(self, trigger: Trigger, triggers: list[Trigger]) -> int | None:
        """The "با" that introduces the other side: the nearest one, before or after the trigger,
        that a party follows and that no other meeting word has just before it ("دیدار کند و سپس
        برای دیدار با Y": that "با" is the second meeting's)."""
        owned = {other.last for other in triggers if other is not trigger and not self._anaphoric(other)}
        candidates = [
            index
            for index, word in enumerate(self.words)
            if word in ("با", "بااستقبال")
            and index not in owned
            and (index == 0 or self.words[index - 1] != "همراه")
            and _first_party_at_or_after(self.parties, index + 1, words=self.words) is not None
        ]
        hosting = [
            index
            for index, word in enumerate(self.words)
            if (
                word in ("میزبان", "میزبانی", "استقبال", "پذیرای", "تقدیم", "میانجیگری")
                or (word == "گری" and index > 0 and self.words[index - 1] == "میانجی")  # "میانجی‌گری X"
                or (word == "حضور" and index > 0 and self.words[index - 1] in ("با", "به"))
            )
            and _first_party_at_or_after(self.parties, index + 1, words=self.words) is not None
        ]
        candidates += hosting
        if not candidates:
            return None
        return min(candidates, key=lambda index: abs(index - trigger.first))

    def _clause_subjects(self, clause: int, end: int) -> list[PartyPhrase]:
        before = [p for p in self.parties if p.first >= clause and p.last <= end]
        if not before:
            return []
        return _chain(self.parties, self.parties.index(before[0]), self.words)


def read_meetings(analysis: SentenceParties, *, told_before: bool = True) -> list[SentenceMeeting]:
    """The meetings a sentence reports; `told_before`: whether the article already reported one, so
    that "این دیدار" refers back (else "در این نشست X و Y ..." is the first report of it)."""
    return MeetingReader(analysis, told_before=told_before).read()
