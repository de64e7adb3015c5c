"""Countries: resolving an ISO code, an English name or a Persian name to the codes in the graph."""

import re
from typing import LiteralString

from graph.driver import Graph
from graph.errors import NotFound
from graph.keys import text_key

_ISO_CODE = re.compile(r"[A-Za-z]{2}")

FIND_COUNTRY_CODES: LiteralString = """
MATCH (c:Country)
WHERE c.code = $code OR toLower(c.name_en) = $name_en OR c.name_key = $name_key
RETURN c.code AS code
ORDER BY code
"""


def resolve_country(graph: Graph, term: str) -> list[str]:
    """The codes a term names. A two-letter term is taken as a code even when no meeting involves that
    country yet (an empty answer, not an error); any other term must match a name in the graph."""
    term = term.strip()
    code = term.upper() if _ISO_CODE.fullmatch(term) else None
    rows = graph.read(FIND_COUNTRY_CODES, code=code, name_en=term.casefold(), name_key=text_key(term))
    codes = [row["code"] for row in rows]
    if code and code not in codes:
        codes.insert(0, code)
    if not codes:
        raise NotFound("country", term)
    return codes
