"""Pass: what the article's sentences tell each other: a surname the article gave in full elsewhere,
"این کشور" for the country named before, and the registry that resolves a party phrase to a party."""

from collections import Counter
from functools import lru_cache

from ingest.doc import Doc
from ingest.lexicon import rows
from ingest.normalize import normalize
from ingest.parties import SentenceParties
from ingest.party_phrase import IRAN
from ingest.resolve import ArticleRegistry, known_country, surname


def link_article(doc: Doc) -> Doc:
    analyses = doc.parties
    surnames = {surname(p.name) for a in analyses for p in a.parties if p.name and len(p.name.split()) > 1}
    for analysis in analyses:
        analysis.add_article_names(surnames)
    _refer_to_countries_named_before(analyses)
    home = home_country(doc.article.source)
    doc.foreign_state = _foreign_state(analyses, home)
    doc.registry = ArticleRegistry(
        [phrase for analysis in analyses for phrase in analysis.parties],
        home_country=home,
        day=doc.article.published,
    )
    return doc


@lru_cache(maxsize=1024)
def home_country(source: str | None) -> str | None:
    """The outlet's country (outlets.tsv; the longest matching name wins, so "بی‌بی‌سی فارسی" is not
    "فارس"): Iran unless the source names a foreign outlet. An untitled "وزیر امور خارجه" in a
    foreign outlet's text is left without a country."""
    if not source:
        return IRAN
    text = normalize(source).lower()
    known = [(normalize(row["pattern"]).lower(), row["country"]) for row in rows("outlets")]
    matches = sorted((pattern for pattern in known if pattern[0] in text), key=lambda p: -len(p[0]))
    if not matches or matches[0][1] == IRAN:
        return IRAN
    return None


def _foreign_state(analyses: list[SentenceParties], home: str | None) -> str | None:
    """The state a foreign-news article is about: it names states (as places, a title's state, or a
    known person's) and none of them is the outlet's; the state it names most (the first of those named
    as often). None for the outlet's own news."""
    named = [mention.geo.country for a in analyses for mention in a.mentions if mention.geo]
    named += [state for a in analyses for p in a.parties if (state := p.country or known_country(p))]
    if home is None or not named or home in named:
        return None
    counts = Counter(named)
    return max(counts, key=lambda country: (counts[country], -named.index(country)))


def _refer_to_countries_named_before(analyses: list[SentenceParties]) -> None:
    """ "رئیس پارلمان این کشور": the country an earlier sentence named last."""
    last: str | None = None
    for analysis in analyses:
        if last is not None:
            for phrase in analysis.parties:
                if phrase.this_country and not phrase.country:
                    phrase.country, phrase.unknown_complement = last, False
        named = [mention.geo.country for mention in analysis.mentions if mention.geo]
        last = named[-1] if named else last
