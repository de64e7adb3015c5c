"""Deterministic node keys derived from an extraction, so that writing the same article twice is a no-op.

Keys are short hashes of normalised parts: stable across runs and processes (no random ids, no Neo4j
element ids) and safe in a URL. Named persons are keyed by name and country only, so the same person in
two articles is one node; a later issue resolves persons across spellings.
"""

import hashlib
from collections import Counter

from ingest.model import Meeting, Party, Place
from ingest.normalize import normalize_key

_SEPARATOR = "\x1f"  # a character no part can contain, so ("a b", "c") and ("a", "b c") never collide


def digest(*parts: str) -> str:
    """A 16-hex-digit hash of the parts."""
    return hashlib.sha256(_SEPARATOR.join(parts).encode("utf-8")).hexdigest()[:16]


def text_key(text: str | None) -> str:
    """The comparison form of a Persian or English name: normalised, spaces collapsed, case-folded."""
    return normalize_key(text).casefold() if text and text.strip() else ""


def country_code(code: str | None) -> str | None:
    """An ISO 3166-1 alpha-2 code in upper case, or None."""
    code = (code or "").strip().upper()
    return code or None


def organization_key(party: Party) -> str | None:
    """The lexicon's organisation id when the extractor gives one, else a hash of the name."""
    if party.org_id:
        return party.org_id
    name = text_key(party.org) or text_key(party.org_en)
    return f"org-{digest(name)}" if name else None


def role_key(party: Party) -> str | None:
    """One Role node per role title and the country or organisation it belongs to."""
    title = text_key(party.role) or text_key(party.role_en)
    if not title:
        return None
    return f"r-{digest(title, country_code(party.country) or '', organization_key(party) or '')}"


def place_key(place: Place | None) -> str | None:
    """A city (with its country); None when the text names no city."""
    if place is None:
        return None
    city = text_key(place.city) or text_key(place.city_en)
    return f"pl-{digest(country_code(place.country) or '', city)}" if city else None


def is_named(party: Party) -> bool:
    return bool(text_key(party.name) or text_key(party.name_en))


def named_person_key(party: Party) -> str:
    name = text_key(party.name) or text_key(party.name_en)
    holder = country_code(party.country) or organization_key(party) or ""
    return f"p-{digest('named', name, holder)}"


def _descriptor(party: Party) -> str:
    """What the text says about an unnamed party: its role and whom it speaks for."""
    return _SEPARATOR.join(
        (
            text_key(party.role) or text_key(party.role_en),
            country_code(party.country) or "",
            organization_key(party) or "",
        )
    )


def meeting_key(meeting: Meeting, article_id: str) -> str:
    """Parties, kind, status and date; the article stands in for an unknown date, so that two undated
    meetings of the same people in different articles stay apart while dated ones are merged."""
    parties = sorted(
        named_person_key(party) if is_named(party) else f"unnamed:{_descriptor(party)}"
        for party in meeting.participants
    )
    when = meeting.date.isoformat() if meeting.date else f"article:{article_id}"
    return f"m-{digest(*parties, meeting.kind, meeting.status, when)}"


def person_keys(meeting: Meeting, meeting_id: str) -> list[str]:
    """The key of each participant, in order. An unnamed party is keyed by what the text says about it
    and by its meeting (plus a counter for look-alikes in the same meeting, e.g. two unnamed deputies)."""
    seen: Counter[str] = Counter()
    keys = []
    for party in meeting.participants:
        if is_named(party):
            keys.append(named_person_key(party))
            continue
        descriptor = _descriptor(party)
        seen[descriptor] += 1
        keys.append(f"p-{digest('unnamed', descriptor, meeting_id, str(seen[descriptor]))}")
    return keys
