"""Sanity checks of the knowledge-base lexicons: roles, role modifiers and officeholders."""

import csv
import re
from collections import defaultdict
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from babel import Locale

from ingest.gazetteer import phrase_key
from ingest.knowledge import Knowledge, Officeholder, knowledge

DATA = Path(__file__).resolve().parents[2] / "ingest" / "data"
HEADERS = {
    "roles": ["id", "title_fa", "title_en", "aliases_fa", "country"],
    "role_modifiers": ["prefix_fa", "prefix_en", "rank"],
    "officeholders": ["name_fa", "name_en", "role_id", "country", "org", "start", "end", "aliases_fa"],
    "landmarks": ["form", "country", "seat", "note"],
}
# Offices held by one person at a time per country or organisation (acting offices have their own ids).
_SINGLE_HOLDER_IDS = """
    supreme_leader president acting_president prime_minister chancellor king emir sultan crown_prince
    first_vice_president speaker speaker_senate duma_chair federation_council_chair npc_chair
    foreign_minister acting_foreign_minister defence_minister interior_minister intelligence_minister
    oil_minister economy_minister snsc_secretary security_council_secretary judiciary_chief
    expediency_council_chair assembly_of_experts_chair aeoi_head chief_of_general_staff army_chief
    irgc_commander quds_force_commander fm_spokesperson permanent_rep
    national_security_adviser krg_president krg_prime_minister leader secretary_general
    director_general high_commissioner eu_high_rep european_council_president unga_president
    political_bureau_head org_president pope
"""
SINGLE_HOLDER = frozenset(_SINGLE_HOLDER_IDS.split())
# Overlaps that really happened, as (name_en, name_en, role_id); none are needed at present.
ALLOWED_OVERLAPS: frozenset[tuple[str, str, str]] = frozenset()
PERSIAN = re.compile(r"[\u0600-\u06FF]")
LATIN = re.compile(r"[A-Za-z]")
ARABIC_ONLY_LETTERS = re.compile(r"[\u064A\u0643]")  # Arabic yeh and kaf: the press writes ی and ک
# Every word of a role form becomes a title word that extends a title in running text, so a form must
# not hold words that follow titles in ordinary sentences ("وزیر امور خارجه در دیدار با ...").
_FUNCTION_WORDS = "در با از به بدون خود می شده نشست جدید ولی امر که را این آن برای تا هم کشورمان"
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())


def load(name: str) -> list[dict[str, str]]:
    with (DATA / f"{name}.tsv").open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header, *rows = list(reader)
    assert header == HEADERS[name]
    for number, row in enumerate(rows, start=2):
        assert len(row) == len(header), f"{name}.tsv line {number}: {len(row)} columns"
    return [dict(zip(header, row, strict=True)) for row in rows]


def forms(row: dict[str, str], *columns: str) -> list[str]:
    return [form for column in columns for form in row[column].split("|") if form.strip()]


def parse(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


ROLES = load("roles")
MODIFIERS = load("role_modifiers")
HOLDERS = load("officeholders")
ROLE_IDS = {row["id"] for row in ROLES}


def test_files_have_entries() -> None:
    assert len(ROLES) >= 250
    assert len(MODIFIERS) >= 20
    assert len(HOLDERS) >= 600


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_cells_are_trimmed_and_persian_is_persian(name: str) -> None:
    for row in load(name):
        for column, cell in row.items():
            assert cell == cell.strip(), (name, row)
            assert "||" not in cell and not cell.startswith("|") and not cell.endswith("|"), (name, row)
            if column.endswith("_fa"):
                assert not LATIN.search(cell), (name, column, cell)
                assert not ARABIC_ONLY_LETTERS.search(cell), (name, column, cell)


def test_role_ids_are_unique_snake_case() -> None:
    ids = [row["id"] for row in ROLES]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", role_id) for role_id in ids)
    assert all(row["title_fa"] and row["title_en"] for row in ROLES)


def test_no_title_form_belongs_to_two_roles() -> None:
    owner: dict[tuple[str, ...], str] = {}
    for row in ROLES:
        for form in forms(row, "title_fa", "aliases_fa"):
            key = phrase_key(form)
            assert owner.setdefault(key, row["id"]) == row["id"], (form, owner[key], row["id"])


def test_role_forms_hold_no_country_organisation_or_function_word() -> None:
    kb = knowledge()
    for row in ROLES:
        for form in forms(row, "title_fa", "aliases_fa"):
            words = list(phrase_key(form))
            assert not FUNCTION_WORDS.intersection(words), (row["id"], form)
            # A title that names its institution ("رئیس تشکیلات خودگردان") is that title's country.
            names_its_state = kb.titles_by_id[row["id"]].country is not None
            for index in range(len(words)):
                # The guideline's role leaves the country or organisation out: the extractor adds it.
                assert names_its_state or not kb.geo.match_at(words, index), (row["id"], form)
                # A state's own agency ("رئیس سیا") names the state, as a country would; no organisation.
                org = kb.org_names.match_at(words, index)
                assert org is None or org.value.kind == "national", (row["id"], form)


def test_modifiers_compose_and_are_not_shadowed_by_roles() -> None:
    role_keys = {phrase_key(form) for row in ROLES for form in forms(row, "title_fa", "aliases_fa")}
    prefixes = [row["prefix_fa"] for row in MODIFIERS]
    assert len(prefixes) == len(set(prefixes))
    for row in MODIFIERS:
        assert row["prefix_en"].count("{}") == 1, row
        assert int(row["rank"]) <= 0, row
        # Roles load first and the first entry for a phrase wins, so a clash would silence the prefix.
        assert phrase_key(row["prefix_fa"]) not in role_keys, row


def test_officeholders_reference_known_roles_countries_and_orgs() -> None:
    territories = {code for code in Locale("en").territories if len(code) == 2}
    org_ids = {row["id"] for row in load_organizations()}
    for row in HOLDERS:
        assert row["name_fa"] and PERSIAN.search(row["name_fa"]), row
        assert row["name_en"], row
        assert row["role_id"] in ROLE_IDS, row
        assert row["country"] or row["org"], row
        assert not row["country"] or row["country"] in territories, row
        assert not row["org"] or row["org"] in org_ids, row


def load_organizations() -> list[dict[str, str]]:
    with (DATA / "organizations.tsv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_terms_have_valid_dates() -> None:
    for row in HOLDERS:
        start, end = parse(row["start"]), parse(row["end"])
        assert start is not None, row
        assert end is None or start <= end, row
        assert date(1960, 1, 1) <= start <= date(2026, 12, 31), row


def test_no_duplicate_terms() -> None:
    keys = [(row["name_en"], row["role_id"], row["country"], row["org"], row["start"]) for row in HOLDERS]
    assert len(keys) == len(set(keys))


def test_single_holder_offices_do_not_overlap() -> None:
    assert SINGLE_HOLDER <= ROLE_IDS
    terms: dict[tuple[str, str, str], list[tuple[date, date, str]]] = defaultdict(list)
    for row in HOLDERS:
        if row["role_id"] in SINGLE_HOLDER:
            end = parse(row["end"]) or date.max
            office = (row["role_id"], row["country"], row["org"])
            terms[office].append((parse(row["start"]), end, row["name_en"]))
    clashes = []
    for (role_id, country, org), spans in terms.items():
        spans.sort()
        for (_, end, name), (start, _, successor) in pairwise(spans):
            # The handover day may belong to both terms.
            if start < end and (name, successor, role_id) not in ALLOWED_OVERLAPS:
                clashes.append((role_id, country or org, name, successor))
    assert not clashes


def test_aliases_of_one_person_are_distinct_from_the_name() -> None:
    for row in HOLDERS:
        aliases = forms(row, "aliases_fa")
        assert row["name_fa"] not in aliases, row
        assert len(aliases) == len(set(aliases)), row


def test_landmarks_are_in_known_countries_and_not_cities_or_countries() -> None:
    territories = {code for code in Locale("en").territories if len(code) == 2}
    kb = knowledge()
    for row in load("landmarks"):
        assert row["country"] in territories, row
        assert PERSIAN.search(row["form"]) and row["note"], row
        assert kb.geo.get(row["form"]) is None, row  # a country or city is found as one already


def test_a_title_of_two_offices_is_held_by_the_one_person_who_holds_both() -> None:
    """ "ولیعهد و نخست‌وزیر" joins two titles; "وزیر امور اقتصادی و دارایی" is one office."""
    kb = knowledge()
    assert kb.title_parts["crown_prince_pm"] == ("crown_prince", "prime_minister")
    assert "economy_minister" not in kb.title_parts
    holder = kb.holder("crown_prince_pm", "SA", date(2025, 6, 1))
    assert holder is not None and holder.name_en == "Mohammed bin Salman"
    assert kb.holds(holder, "crown_prince_pm") and not kb.holds(holder, "foreign_minister")


def test_a_title_of_two_offices_that_many_hold_at_once_names_nobody() -> None:
    """Two envoys of one state at once: "سفیر و نماینده دائم" is neither of them; one envoy who is not
    also the permanent representative is not either."""
    term = {"role_id": "ambassador", "country": "IR", "org": None, "start": date(2020, 1, 1), "end": None}
    one = Officeholder("الف", "A", aliases=(), **term)
    two = Officeholder("ب", "B", aliases=(), **term)
    kb = Knowledge(
        holders_by_office={("ambassador", "IR"): [one, two]},
        title_parts={"ambassador_permanent_rep": ("ambassador", "permanent_rep")},
    )
    assert kb.holder("ambassador_permanent_rep", "IR", date(2024, 1, 1)) is None
    kb.holders_by_office[("ambassador", "IR")] = [one]
    assert kb.holder("ambassador_permanent_rep", "IR", date(2024, 1, 1)) is None  # no permanent rep listed
    kb.holders_by_office[("permanent_rep", "IR")] = [one]
    assert kb.holder("ambassador_permanent_rep", "IR", date(2024, 1, 1)) is one
