"""Proposes bench/data/identity/persons.tsv from the gold names (run from the root; then review by hand).

Names of one country are one person when they are one name once spaces and ZWNJ are ignored
("محمدجواد ظریف" = "محمد جواد ظریف"), or when one is the last word(s) of exactly one longer name
("عراقچی" -> "سید عباس عراقچی"); a shorter name that ends several unrelated longer names stays its own
person and is printed for review. The decisions of a reading (bench/data/identity/reviewed.tsv: name,
country, person, why) are applied last and win.
"""

import csv
from collections import defaultdict
from pathlib import Path

from bench.identity.items import PERSONS, gold_items
from graph.keys import text_key
from graph.rows import name_forms

REVIEWED = PERSONS.with_name("reviewed.tsv")


def _names() -> dict[tuple[str, str], int]:
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for _article, extraction in gold_items():
        for meeting in extraction.meetings:
            for party in meeting.participants:
                if party.name:
                    counts[(text_key(party.name), party.country or "")] += 1
    return counts


def _reviewed(path: Path) -> dict[tuple[str, str], str]:
    with path.open(encoding="utf-8") as handle:
        return {
            (name_forms(text_key(row["name"])).compact, row["country"]): row["person"]
            for row in csv.DictReader(handle, delimiter="\t")
        }


def propose() -> tuple[list[tuple[str, str, str]], list[str]]:
    names = _names()
    by_country: dict[str, list[str]] = defaultdict(list)
    for name, country in names:
        by_country[country].append(name)
    rows: list[tuple[str, str, str]] = []
    doubts: list[str] = []
    for country, members in sorted(by_country.items()):
        spellings: dict[str, list[str]] = defaultdict(list)  # compact form -> its spellings
        for name in members:
            spellings[name_forms(name).compact].append(name)
        # The most frequent spelling of the longest compact form that ends this one names the person.
        heads: dict[str, str] = {}
        for compact in spellings:
            longer = [
                c
                for c in spellings
                if c != compact and compact in name_forms(_spelled(c, spellings)).suffixes
            ]
            tops = [
                c
                for c in longer
                if not any(o != c and c in name_forms(_spelled(o, spellings)).suffixes for o in longer)
            ]
            if len(tops) == 1:
                heads[compact] = tops[0]
            else:
                heads[compact] = compact
                if tops:
                    longer_names = [_spelled(top, spellings) for top in tops]
                    doubts.append(f"{country}:{_spelled(compact, spellings)} ends {longer_names}")
        for compact, spelled in spellings.items():
            person = f"{country}:{_canonical(heads[compact], spellings, names, country)}"
            rows.extend((name, country, person) for name in spelled)
    reviewed = _reviewed(REVIEWED)
    rows = [
        (name, country, reviewed.get((name_forms(name).compact, country), person))
        for name, country, person in rows
    ]
    return sorted(rows, key=lambda row: (row[2], row[0])), doubts


def _spelled(compact: str, spellings: dict[str, list[str]]) -> str:
    return max(spellings[compact], key=lambda name: (len(name.split()), name))


def _canonical(
    compact: str, spellings: dict[str, list[str]], names: dict[tuple[str, str], int], country: str
) -> str:
    return max(spellings[compact], key=lambda name: (names[(name, country)], name))


if __name__ == "__main__":
    rows, doubts = propose()
    with PERSONS.open("w", encoding="utf-8") as handle:
        handle.write("name\tcountry\tperson\n")
        handle.writelines("\t".join(row) + "\n" for row in rows)
    print(len(rows), "names", len({row[2] for row in rows}), "persons")
    for doubt in doubts:
        print("REVIEW", doubt)
