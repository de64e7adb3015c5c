"""The extraction pipeline: one article in, one Extraction out; pure, no database."""

from ingest.model import Article, Extraction

EXTRACTOR_VERSION = "0.1.0"


def extract(article: Article) -> Extraction:
    """Find the meetings an article reports. (Being written: returns no meeting yet.)"""
    return Extraction(id=article.key, meetings=[], extractor_version=EXTRACTOR_VERSION, text=article.text)
