"""Build ingest/data/countries.tsv from CLDR (via babel) and the hand-curated countries_overlay.tsv.

The overlay decides which territories are states (one row each) and holds what CLDR lacks: the forms
Iranian press writes (aliases) and nationality adjectives. A blank name in the overlay takes CLDR's.
Run from the repository root: `.venv/bin/python scripts/build_countries.py`.
"""

import csv
import sys
from pathlib import Path

from babel import Locale

DATA = Path(__file__).resolve().parent.parent / "ingest" / "data"
OVERLAY = DATA / "countries_overlay.tsv"
OUTPUT = DATA / "countries.tsv"
COLUMNS = ("code", "name_fa", "name_en", "aliases_fa", "adjectives_fa")
# CLDR writes ezafe with hamza above (کرهٔ جنوبی); Iranian news agencies do not.
_HAMZA_ABOVE = "\u0654"
_ZWNJ = "\u200c"


def _key(form: str) -> str:
    """A rough identity for de-duplication: ZWNJ and space are one separator, Arabic ye/kaf are Persian."""
    form = form.replace(_HAMZA_ABOVE, "").replace("ي", "ی").replace("ك", "ک").replace(_ZWNJ, " ")
    return " ".join(form.split())


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _unique(forms: list[str], *, besides: str = "") -> list[str]:
    """Forms in order, each once, dropping any that repeat `besides` (the row's name)."""
    seen = {_key(besides)} if besides else set()
    kept = []
    for form in forms:
        if _key(form) not in seen:
            seen.add(_key(form))
            kept.append(form)
    return kept


def _with_old_spellings(adjectives: list[str]) -> list[str]:
    """Add the -ائی spelling that older press used for every -ایی adjective (آمریکائی for آمریکایی)."""
    forms = []
    for adjective in adjectives:
        forms.append(adjective)
        if adjective.endswith("ایی"):
            forms.append(adjective[:-2] + "ئی")
    return forms


def read_overlay(path: Path = OVERLAY) -> list[dict[str, str]]:
    """The overlay rows, checked for the expected header."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise SystemExit(f"{path}: header must be {'\t'.join(COLUMNS)}")
        return list(reader)


def build_rows(overlay: list[dict[str, str]]) -> list[dict[str, str]]:
    """One countries.tsv row per overlay row, names defaulting to CLDR's."""
    names_fa, names_en = Locale("fa").territories, Locale("en").territories
    rows = []
    for entry in overlay:
        code = entry["code"].strip()
        if code not in names_en or code not in names_fa:
            raise SystemExit(f"{code}: not a CLDR territory")
        name_fa = entry["name_fa"].strip() or names_fa[code].replace(_HAMZA_ABOVE, "")
        name_en = entry["name_en"].strip() or names_en[code]
        aliases = _unique(_split(entry["aliases_fa"]), besides=name_fa)
        adjectives = _unique(_with_old_spellings(_split(entry["adjectives_fa"])))
        rows.append(
            {
                "code": code,
                "name_fa": name_fa,
                "name_en": name_en,
                "aliases_fa": "|".join(aliases),
                "adjectives_fa": "|".join(adjectives),
            }
        )
    return sorted(rows, key=lambda row: row["code"])


def write_rows(rows: list[dict[str, str]], path: Path = OUTPUT) -> None:
    """Write the rows as UTF-8 TSV with a header, "\\n" line endings."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(
            handle, fieldnames=COLUMNS, delimiter="\t", quoting=csv.QUOTE_NONE, lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    """Rebuild countries.tsv and say how many rows it holds."""
    rows = build_rows(read_overlay())
    write_rows(rows)
    print(f"{OUTPUT}: {len(rows)} countries", file=sys.stderr)


if __name__ == "__main__":
    main()
