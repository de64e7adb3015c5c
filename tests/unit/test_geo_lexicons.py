"""Sanity checks of the geographic lexicons: countries, cities and organisations under ingest/data/."""

import csv
import importlib.util
from collections import defaultdict
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from babel import Locale

from ingest.normalize import normalize_key

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "ingest" / "data"
HEADERS = {
    "countries.tsv": ["code", "name_fa", "name_en", "aliases_fa", "adjectives_fa"],
    "countries_overlay.tsv": ["code", "name_fa", "name_en", "aliases_fa", "adjectives_fa"],
    "cities.tsv": ["name_fa", "name_en", "country", "is_capital", "aliases_fa", "ambiguous_fa"],
    "organizations.tsv": ["id", "name_fa", "name_en", "aliases_fa", "kind", "country"],
}
# Persian columns: these must hold Persian script only (plus spaces, ZWNJ, punctuation, digits).
PERSIAN_COLUMNS = {"name_fa", "aliases_fa", "adjectives_fa", "ambiguous_fa"}
ORG_KINDS = {"international", "non_state", "regional", "national"}


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _split(cell: str) -> list[str]:
    return cell.split("|") if cell else []


@cache
def _key(form: str) -> str:
    return normalize_key(form)


@cache
def countries() -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in _rows("countries.tsv")}


def _country_forms(row: dict[str, str]) -> list[str]:
    return [row["name_fa"], *_split(row["aliases_fa"])]


def _owners(
    rows: list[dict[str, str]], key: str, forms: Callable[[dict[str, str]], list[str]]
) -> dict[str, set[str]]:
    """Normalised form -> the ids of the rows that claim it."""
    owners: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        for form in forms(row):
            owners[_key(form)].add(row[key])
    return owners


@cache
def country_of_form() -> dict[str, set[str]]:
    return _owners(list(countries().values()), "code", _country_forms)


@cache
def country_of_adjective() -> dict[str, set[str]]:
    return _owners(list(countries().values()), "code", lambda row: _split(row["adjectives_fa"]))


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_file_shape(name: str) -> None:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == HEADERS[name]
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        assert len(cells) == len(HEADERS[name]), f"{name}:{number} has {len(cells)} columns"
        for column, cell in zip(HEADERS[name], cells, strict=True):
            assert cell == cell.strip(), f"{name}:{number} {column} has stray spaces"
            assert "ي" not in cell and "ك" not in cell, f"{name}:{number} {column} has Arabic ye/kaf"
            if column in PERSIAN_COLUMNS:
                assert not any("a" <= c.lower() <= "z" for c in cell), f"{name}:{number} {column}"
                assert all(part.strip() for part in _split(cell)), f"{name}:{number} {column} empty part"


def test_countries_are_real_states() -> None:
    english = Locale("en").territories
    assert 190 <= len(countries()) <= 200
    assert len(_rows("countries.tsv")) == len(countries()), "duplicate country code"
    for code, row in countries().items():
        assert len(code) == 2 and code.isalpha() and code.isupper(), code
        assert code in english, code
        assert row["name_fa"] and row["name_en"], code
    assert {"IR", "PS", "TW", "XK", "VA", "US", "RU", "CN"} <= countries().keys()
    assert not {"EU", "UN", "ZZ", "EZ", "QO", "HK", "MO", "AQ", "XA", "XB"} & countries().keys()


def test_countries_file_is_built_from_overlay() -> None:
    spec = importlib.util.spec_from_file_location("build_countries", ROOT / "scripts" / "build_countries.py")
    assert spec and spec.loader
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    assert builder.build_rows(builder.read_overlay()) == _rows("countries.tsv"), "rerun the builder"


def test_no_name_or_alias_names_two_countries() -> None:
    shared = {form: codes for form, codes in country_of_form().items() if len(codes) > 1}
    assert not shared


def test_no_adjective_names_two_countries_or_another_countrys_name() -> None:
    assert not {form: codes for form, codes in country_of_adjective().items() if len(codes) > 1}
    for form, codes in country_of_adjective().items():
        assert country_of_form().get(form, codes) == codes, form


@pytest.mark.parametrize("word", ["ترک", "ترکی", "عرب", "عربی", "کره‌ای", "کنگویی", "غنایی", "مالی", "چک"])
def test_ambiguous_words_are_nowhere(word: str) -> None:
    assert _key(word) not in country_of_adjective()
    assert _key(word) not in country_of_form()


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ("آمریکا", "US"),
        ("ایالات متحده آمریکا", "US"),
        ("انگلستان", "GB"),
        ("پادشاهی متحده", "GB"),
        ("فدراسیون روسیه", "RU"),
        ("جمهوری آذربایجان", "AZ"),
        ("آذربایجان", "AZ"),
        ("کره جنوبی", "KR"),
        ("کرهٔ شمالی", "KP"),
        ("جمهوری اسلامی ایران", "IR"),
        ("عربستان", "SA"),
        ("امارات", "AE"),
        ("فلسطین", "PS"),
        ("رژیم صهیونیستی", "IL"),
        ("روسیه سفید", "BY"),
        ("هندوستان", "IN"),
        ("واتیكان", "VA"),
        ("سری لانکا", "LK"),
    ],
)
def test_country_forms(form: str, code: str) -> None:
    assert country_of_form()[_key(form)] == {code}


@pytest.mark.parametrize(
    ("adjective", "code"),
    [
        ("چینی", "CN"),
        ("روس", "RU"),
        ("امریکائی", "US"),
        ("ترکیه‌ای", "TR"),
        ("ترکیه ای", "TR"),
        ("سعودی", "SA"),
        ("افغان", "AF"),
        ("آذری", "AZ"),
        ("انگلیسی", "GB"),
        ("صهیونیستی", "IL"),
    ],
)
def test_country_adjectives(adjective: str, code: str) -> None:
    assert country_of_adjective()[_key(adjective)] == {code}


def _city_forms(row: dict[str, str]) -> list[str]:
    return [row["name_fa"], *_split(row["aliases_fa"])]


def test_cities_point_to_countries_and_every_country_has_a_capital() -> None:
    cities = _rows("cities.tsv")
    assert len(cities) >= 300
    assert {row["country"] for row in cities} <= countries().keys()
    assert {row["is_capital"] for row in cities} <= {"0", "1"}
    capitals = {row["country"] for row in cities if row["is_capital"] == "1"}
    assert sorted(countries().keys() - capitals) == []
    keys = [(row["country"], row["name_en"]) for row in cities]
    assert len(keys) == len(set(keys)), "(country, name_en) is the city's id and must be unique"


def test_city_names_are_unambiguous_across_rows() -> None:
    cities = _rows("cities.tsv")
    owners = _owners(cities, "name_en", _city_forms)
    assert not {form: rows for form, rows in owners.items() if len(rows) > 1}
    for row in cities:
        names = {_key(form) for form in _city_forms(row)}
        assert {_key(form) for form in _split(row["ambiguous_fa"])} <= names, row["name_en"]
        for form in names:
            # A city spelt like a country (کویت, جیبوتی, تونس) must be that country's city.
            assert country_of_form().get(form, {row["country"]}) == {row["country"]}, row["name_en"]


@pytest.mark.parametrize(
    ("city", "country"),
    [("مسکو", "RU"), ("پکن", "CN"), ("دهلی‌نو", "IN"), ("اسلام آباد", "PK"), ("ژنو", "CH"), ("نجف", "IQ")],
)
def test_city_forms(city: str, country: str) -> None:
    found = {row["country"] for row in _rows("cities.tsv") if _key(city) in map(_key, _city_forms(row))}
    assert found == {country}


def _org_forms(row: dict[str, str]) -> list[str]:
    return [row["name_fa"], *_split(row["aliases_fa"])]


def test_organizations() -> None:
    orgs = _rows("organizations.tsv")
    ids = [row["id"] for row in orgs]
    assert len(ids) == len(set(ids))
    assert all(i.replace("_", "").isalnum() and i.isascii() and i == i.lower() for i in ids)
    assert {row["kind"] for row in orgs} <= ORG_KINDS
    owners = _owners(orgs, "id", _org_forms)
    assert not {form: rows for form, rows in owners.items() if len(rows) > 1}
    city_forms = {_key(form) for row in _rows("cities.tsv") for form in _city_forms(row)}
    for form, rows in owners.items():
        assert form not in country_of_form(), (form, rows)
        assert form not in city_forms, (form, rows)
        # Ministries and parliaments of one state are that country, never an organisation.
        assert "وزارت" not in form and "مجلس شورا" not in form, (form, rows)


@pytest.mark.parametrize(
    ("form", "org_id"),
    [
        ("سازمان ملل", "un"),
        ("آژانس بین المللی انرژی اتمی", "iaea"),
        ("اتحادیه اروپایی", "eu"),
        ("سازمان کنفرانس اسلامی", "oic"),
        ("حزب الله", "hezbollah"),
        ("جنبش مقاومت اسلامی حماس", "hamas"),
        ("شانگهای", "sco"),
    ],
)
def test_organization_forms(form: str, org_id: str) -> None:
    found = {row["id"] for row in _rows("organizations.tsv") if _key(form) in map(_key, _org_forms(row))}
    assert found == {org_id}
