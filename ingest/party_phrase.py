"""One party as a sentence gives it: its token span, name, title, country or organisation."""

from dataclasses import dataclass, field

from ingest.knowledge import Officeholder

IRAN = "IR"


@dataclass
class PartyPhrase:
    """One party as the sentence gives it; `first`/`last` are token indexes (last exclusive)."""

    first: int
    last: int
    name: str | None = None
    name_first: int | None = None
    role: str | None = None
    title_id: str | None = None
    country: str | None = None
    org_id: str | None = None
    org: str | None = None
    counterpart: bool = False
    self_reference: bool = False
    people: tuple[Officeholder, ...] = ()
    plural_countries: list[str] = field(default_factory=list)
    plural_roles: list[tuple[str, str | None]] = field(default_factory=list)
    plural_orgs: list[tuple[str, str, str | None]] = field(default_factory=list)  # (id, as written, country)
    in_title: bool = False
    # A plural title as written ("نمایندگان"): the role of a group that stays one party.
    group_role: str | None = None
    group: bool = False  # a delegation or a group of officials: never one named person
    state: bool = False  # a state as a side of its own ("مذاکرات ایران و آمریکا"): no official of it
    # One state's share of a plural title over several ("وزرای خارجه ایران و روسیه"): `role` is the
    # title made singular, `group_role` the plural the text writes.
    of_plural_title: bool = False
    # The title runs on into words no lexicon knows ("فرمانده سنتکام", "رهبر فهرست العراقیه"): it
    # belongs to something unknown, so neither the outlet's country nor the knowledge base applies.
    unknown_complement: bool = False
    # "رئیس‌جمهور این کشور" with no country named before it in the sentence: the article's last one.
    this_country: bool = False
    iranian_rank: bool = False  # introduced as "سردار X", "حجت‌الاسلام X"
    tense: str | None = None  # a title word's time: "former", "new", "then", "current" (title_words.tsv)

    @classmethod
    def of_state(cls, first: int, last: int, country: str) -> "PartyPhrase":
        """A state as a side of its own: "مذاکرات ایران و آمریکا", the host of a journey."""
        return cls(first, last, country=country, group=True, state=True)

    @property
    def is_person_named(self) -> bool:
        return self.name is not None

    @property
    def of_a_group(self) -> bool:
        """A group, a plural title, or one state's share of a plural title: never one listed person."""
        return self.group or self.group_role is not None or self.of_plural_title
