"""Whether a meeting word reports a meeting that happens: read from its clause, not the whole sentence.

The verb that governs the meeting word is the first verb after it in its clause; its form says the
mood. Verb forms come from hazm's conjugation table (the Lemmatizer's `verbs`, every inflected form
of every verb with its lemma), so no list of forms is kept here. The words that frame a meeting as a
plan, a wish, a possibility or a condition are data (`ingest/data/modality.tsv`).

- "unreal": asked for, wished, possible or conditional, or a subjunctive verb nothing arranges
  ("خواستار دیدار با X شد", "احتمالا ... دیدار کنند", "می‌خواهد با X دیدار کند");
- "negated": the governing verb is negative ("دیدار نکرد", "دیدار نخواهد کرد") or calls the meeting off
  or refuses it ("دیدار ... لغو شد", "به تعویق افتاد", "از دیدار با X خودداری کرد");
- "future": "خواهد + past stem", or a subjunctive that a plan word arranges ("قرار است ... دیدار کند")
  or a purpose clause no wish heads ("عازم مسکو شد تا ... دیدار کند", not "در تلاش است تا ...");
- "factual": anything else (past, perfect, present of a report).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Literal

from hazm import Lemmatizer

from ingest.gazetteer import Gazetteer
from ingest.knowledge import knowledge
from ingest.lexicon import one_word, rows, verb_forms, verb_lemmas, word_class, word_values
from ingest.segment import Sentence

Mood = Literal["factual", "future", "unreal", "negated"]
_CLAUSE_END = re.compile("[" + "".join(sorted(map(re.escape, word_class("clause_end_mark")))) + "]")
_COMMAS = word_class("comma")
_ENDING_OF = {person: ending for ending, person in word_values("personal_ending").items()}
_PERSONAL_ENDINGS = tuple(_ENDING_OF.values())
_PERSON_OF = {ending: person for person, ending in _ENDING_OF.items()}
_PARTICIPLE = one_word("participle_suffix")
_PERFECT_ENDINGS = word_class("perfect_ending")
(_FUTURE_AUX,) = verb_lemmas("future_auxiliary")
# Verbs whose present indicative takes no "می" ("دارند", "است", "خواهد"): such a form is no subjunctive.
_NO_MI_PRESENT = frozenset(lemma.split("#")[0] for lemma in verb_lemmas("no_mi_present"))
_COPULA = one_word("copula")
_MI = one_word("imperfective_prefix")
_NEGATIVE = one_word("negative_prefix")
_SUBJUNCTIVE = one_word("subjunctive_prefix")
_STEM_VOWEL, _GLIDE = one_word("stem_vowel"), one_word("glide")
_OBJECT = one_word("object_marker")
_PURPOSE_CLAUSE = one_word("purpose_conjunction")
_PURPOSE = word_class("purpose")
# Between a wish noun and the meeting word it is about: "تمایل خود را برای دیدار با X اعلام کرد".
_WISH_FILLERS = word_class("reflexive") | {_OBJECT} | _PURPOSE
# The noun of a verb that calls the meeting off or refuses it ("لغو شد", "به تعویق افتاد", "خودداری کرد").
_CALLING_OFF = word_class("called_off") | word_class("refusal_noun")
_FROM = one_word("ablative")
_AND = one_word("and")
# The first words of the prepositions of time that end in "از" ("پس از", "بعد از", "پیش از", "قبل از").
_TIME_BEFORE_FROM = frozenset(
    phrase.split()[0] for phrase in word_class("time_preposition") if phrase.split()[-1] == _FROM
)
_VERB_REACH = 20  # words after the meeting word in which its verb stands
_WISH_REACH = 3  # "خواستار برگزاری دیدار"
_FRAME_REACH = 10  # words before the meeting word that can frame it as possible or conditional


@dataclass(frozen=True, slots=True)
class Verb:
    form: str
    past: str
    present: str
    next_form: str | None  # the word after, for "خواهد کرد" and "کرده بود"
    complement: str | None  # the word before: the noun of a compound verb ("تلاش کرد")


@cache
def _verbs() -> dict[str, str]:
    return Lemmatizer().verbs


@cache
def _frames() -> Gazetteer[str]:
    return Gazetteer((row["form"], row["class"]) for row in rows("modality"))


@cache
def _boundaries() -> frozenset[str]:
    return frozenset(row["form"] for row in rows("clause_boundaries"))


_WORD = re.compile(r"[^\s«»\"'()\[\]،,]+|[،,]")
_AUXILIARIES = verb_forms("auxiliary") | {_COPULA} | word_class("perfect_ending")


@dataclass(eq=False)
class Clauses:
    """A sentence as the factuality reader cuts it (the clauses pass): its words (a run between spaces,
    quotes, brackets and commas; a comma alone) with their offsets, the marks that end a clause, and
    the mood of each meeting word asked about. Each is made on first use: most sentences have no
    meeting word, and the meetings and status passes both ask for the mood of the ones they have."""

    sentence: Sentence
    # The words of person names (the parties pass sets them): a name is never a verb or a frame.
    names: frozenset[int] = frozenset()
    _moods: dict[tuple[int, int], Mood] = field(default_factory=dict)

    @cached_property
    def _words(self) -> tuple[list[int], list[int]]:
        """The start and the end offset of each word."""
        found = [match.span() for match in _WORD.finditer(self.sentence.text)]
        return [start for start, _ in found], [end for _, end in found]

    @cached_property
    def _ends(self) -> list[int]:
        return [match.start() for match in _CLAUSE_END.finditer(self.sentence.text)]

    @cached_property
    def _name_spans(self) -> list[tuple[int, int]]:
        """Made on first use, after the parties pass has set `names`."""
        return [self.sentence.spans[index] for index in sorted(self.names)]

    def _in_name(self, start: int, end: int) -> bool:
        """Does the word at characters [start, end) lie inside a person's name?"""
        return any(first <= start and end <= last for first, last in self._name_spans)

    def after(self, position: int) -> list[str]:
        """The words of the clause after character `position`, a word running across it cut there."""
        text, (starts, ends) = self.sentence.text, self._words
        marks = self._ends
        mark = bisect_left(marks, position)
        stop = marks[mark] if mark < len(marks) else len(text)
        words = []
        for index in range(bisect_right(ends, position), len(starts)):
            if starts[index] >= stop:
                break
            if self.names and self._in_name(starts[index], ends[index]):
                continue
            words.append(text[max(starts[index], position) : min(ends[index], stop)])
        return [word for word in words if word]

    def own_verb_person(self, first: int, last: int) -> str | None:
        """The grammatical person ("1", "2" or "3") of the meeting word's own light verb ("با X دیدار
        کنند": "3", "دیدار کردم": "1"), None where the clause's verb is another word's or none."""
        following = self.after(self.sentence.spans[last - 1][1])
        verb = _verb_after(following)
        if verb is None or following[0] != verb.form:
            return None
        return _person(verb)

    def mood(self, first: int, last: int) -> Mood:
        """The mood of the meeting word at tokens [first, last) of the sentence (kept: the meetings pass
        asks whether it is a meeting at all, the status pass then for its status)."""
        if (first, last) not in self._moods:
            self._moods[first, last] = _mood(self, first, last)
        return self._moods[first, last]


def _verb_after(tokens: list[str]) -> Verb | None:
    """The first verb in `tokens` (the clause after the meeting word), as written with its ZWNJ.

    Persian puts the verb at the end of its clause, so a form of the conjugation table counts as the
    verb only where its clause ends after it (a comma, a clause word, the end) or an auxiliary or a
    past stem follows it ("خواهد کرد", "کرده است"): "روند" before a noun is "process", not "they go".
    """
    verbs = _verbs()
    boundaries = _boundaries()
    named = _named_words()
    for index, token in enumerate(tokens[:_VERB_REACH]):
        lemma = verbs.get(token)
        if not lemma or "#" not in lemma or lemma == f"#{_COPULA}" or token in _triggers() or token in named:
            continue
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        past, present = lemma.split("#", 1)
        ends_clause = after is None or after in _COMMAS or after in boundaries
        # A simple past ("گفت", "افزود") may run on into what was said; it can only read as factual.
        past_form = token in (past, past + _ENDING_OF["3pl"])
        auxiliary = after is not None and (
            after.removeprefix("\u200c") in _AUXILIARIES or verbs.get(after, "").split("#")[0] == after
        )
        if ends_clause or auxiliary or past_form:
            before = [t for t in tokens[:index] if t != _OBJECT and t not in _COMMAS]
            return Verb(token, past, present, after, before[-1] if before else None)
    return None


@cache
def _named_words() -> frozenset[str]:
    """Places and given names the conjugation table also holds ("هلند" as "they let", "شکری" as
    "you break", "مالی"): in news they are the names."""
    kb = knowledge()
    return frozenset(kb.geo.all_words | kb.first_names)


@cache
def _triggers() -> frozenset[str]:
    """One-word meeting words ("نشست" is also "sat"): never the verb of a clause."""
    return frozenset(row["form"] for row in rows("triggers") if " " not in row["form"])


def _negative(verb: Verb) -> bool:
    form = verb.form
    for prefix in (f"{_NEGATIVE}{_MI}\u200c", _NEGATIVE + _MI, _NEGATIVE):
        rest = form[len(prefix) :]
        if form.startswith(prefix) and rest and _verbs().get(rest) == f"{verb.past}#{verb.present}":
            return not (verb.past.startswith(_NEGATIVE) and form.startswith(verb.past[:2]))
    return False


def _person(verb: Verb) -> str | None:
    """ "کنند", "نمی‌کنند", "خواهند", "کرد" (a bare past stem): "3"; "کردم", "کرده‌ایم": "1"."""
    form = verb.form
    prefixes = (f"{_NEGATIVE}{_MI}\u200c", _NEGATIVE + _MI, f"{_MI}\u200c", _MI, _NEGATIVE, _SUBJUNCTIVE)
    rests = [form] + [form[len(prefix) :] for prefix in prefixes if form.startswith(prefix)]
    for rest in rests:
        if rest == verb.past:
            return "3"
        for stem in (verb.past, verb.present):
            if stem and rest.startswith(stem):
                ending = _simple_ending(rest[len(stem) :], verb.next_form)
                if ending in _PERSON_OF:
                    return _PERSON_OF[ending][0]
    return None


def _simple_ending(ending: str, next_form: str | None) -> str:
    """A perfect's person as a simple ending: "کرده‌ایم" as "یم", "کرده است" as "د"."""
    if not ending.startswith(_PARTICIPLE):
        return ending
    auxiliary = ending[len(_PARTICIPLE) :].lstrip("\u200c") or (next_form or "").lstrip("\u200c")
    if auxiliary in _PERFECT_ENDINGS:
        return auxiliary[1:]  # an alef before the simple ending: "اند" is "ند"
    return _ENDING_OF["3sg"] if auxiliary == _COPULA else ""


def _subjunctive(verb: Verb) -> bool:
    """ "کند", "بکند", "برگزار شود", "باشد": a present stem with a personal ending and no "می"; a
    past form ("انجامید": past stem + ending) is not one, though it may look like present + "ید"."""
    if verb.form.startswith(_MI) or verb.past in _NO_MI_PRESENT or verb.present == _COPULA:
        return False
    if not verb.past:
        return False  # "هستند": the copula's present, which has no past stem
    if any(verb.form == verb.past + ending for ending in ("", *_PERSONAL_ENDINGS)):
        return False
    if verb.form == verb.present + _ENDING_OF["2pl"]:
        return False  # "کشید": news tells the past, not "you (plural) pull"
    if verb.form == verb.present + _ENDING_OF["2sg"]:
        return False  # "شرایط جنگی و ...": an adjective, not "(that) you fight"; news seldom says "you"
    form = verb.form.removeprefix(_SUBJUNCTIVE) if not verb.present.startswith(_SUBJUNCTIVE) else verb.form
    return any(form == verb.present + ending for ending in _PERSONAL_ENDINGS) or (
        verb.present.endswith(_STEM_VOWEL)
        and any(form == verb.present + _GLIDE + e for e in _PERSONAL_ENDINGS)
    )


def _future(verb: Verb) -> bool:
    return f"{verb.past}#{verb.present}" == _FUTURE_AUX and verb.next_form is not None


def _framed(words: tuple[str, ...], first: int, names: frozenset[int] = frozenset()) -> set[str]:
    """The frame classes of the words before the meeting word (wishes only right before it), none of
    them a word of a name ("اگر" of "اشپیندل‌اگر")."""
    found: set[str] = set()
    start = max(0, first - _FRAME_REACH)
    for match in _frames().find_all(words[start:first]):
        kind = match.value
        if kind == "wish" and _words_between(words[start + match.last : first]) > _WISH_REACH - 1:
            continue
        if names.intersection(range(start + match.first, start + match.last)):
            continue
        found.add(kind)
    return found


def _words_between(words: tuple[str, ...]) -> int:
    """How far a wish stands from its meeting word, "خود را برای" not counted."""
    return sum(1 for word in words if word not in _WISH_FILLERS)


@cache
def _adjunct_prepositions() -> frozenset[str]:
    return frozenset(row["form"] for row in rows("adjunct_prepositions"))


def _adjunct(words: tuple[str, ...], first: int) -> bool:
    """Is the meeting word the head of an adverbial phrase ("پس از دیدار", "برای مذاکرات")? Then
    the clause's verb is another event's, and a wish it states is not about the meeting."""
    return first > 0 and words[first - 1] in _adjunct_prepositions()


def _light_verb_shared(words: tuple[str, ...], last: int) -> bool:
    """ "با X دیدار و ادعاها را رد کرد": the meeting word's own verb is left out before "و" and the
    verb after is the next clause's ("دیدار [کرد] و ... رد کرد"); "دیدار و گفت‌وگو" is one meeting."""
    return last + 1 < len(words) and words[last] == _AND and words[last + 1] not in _triggers()


def _refused_with_from(words: tuple[str, ...], first: int) -> bool:
    """ "از دیدار با X خودداری کرد": a bare "از" is the object of a refusal; "پس از" and "پیش از" make
    the meeting a time."""
    return words[first - 1] == _FROM and (first < 2 or words[first - 2] not in _TIME_BEFORE_FROM)


def _arranged(words: tuple[str, ...], first: int) -> bool:
    """A plan word anywhere in the sentence ("این نشست قرار است ... برگزار شود"), or a purpose
    clause ("عازم مسکو شد تا با X دیدار کند", "اعزام خواهد شد تا ... نشستی برگزار کند") that no
    wish heads ("در تلاش است تا با X دیدار کند" is trying, not arranged)."""
    if _PURPOSE_CLAUSE in words[:first]:
        purpose = max(index for index in range(first) if words[index] == _PURPOSE_CLAUSE)
        head = words[max(0, purpose - _WISH_REACH) : purpose]
        return not any(match.value == "wish" for match in _frames().find_all(head))
    return any(match.value == "plan" for match in _frames().find_all(words))


def _mood(clauses: Clauses, first: int, last: int) -> Mood:
    sentence = clauses.sentence
    frames = _framed(sentence.words, first, clauses.names)
    if frames & {"wish", "possibility", "condition"}:
        return "unreal"
    verb = _verb_after(clauses.after(sentence.spans[last - 1][1]))
    if verb is None:
        return "factual"
    # The verb of a clause the meeting word only heads an adverb of ("پس از دیدار با X، ... خواستار
    # شد") is another event's: what its noun says is not about the meeting.
    adjunct = _adjunct(sentence.words, first)
    purpose = first > 0 and sentence.words[first - 1] in _PURPOSE
    if verb.complement and _frames().get(verb.complement) == "wish" and (purpose or not adjunct):
        return "unreal"  # "دیدار با X را خواستار شد", "برای دیدار با X اعلام آمادگی کرد"
    if _negative(verb):
        return "negated"
    if (
        verb.complement in _CALLING_OFF
        and (not adjunct or _refused_with_from(sentence.words, first))
        and not _light_verb_shared(sentence.words, last)
    ):
        return "negated"  # "دیدار X با Y لغو شد", "دیدار با X را رد کرد"
    if _future(verb):
        return "future"
    if _subjunctive(verb):
        return "future" if _arranged(sentence.words, first) else "unreal"
    return "factual"
