"""Pass: the name tagger's reading of each word, the probability that it is a word of a person's name."""

from ingest.doc import Doc
from ingest.knowledge import knowledge
from ingest.mentions import Kind, SentenceMentions
from ingest.names import probabilities
from ingest.segment import Sentence
from ingest.sentence_words import UNDECIDED
from ingest.triggers import Trigger

_NAMED_KINDS = (Kind.TITLE, Kind.PERSON, Kind.HONORIFIC)


def tag_names(doc: Doc) -> Doc:
    doc.names = [
        _name_probabilities(sentence, triggers, mentions)
        for sentence, triggers, mentions in zip(doc.sentences, doc.triggers, doc.mentions, strict=True)
    ]
    return doc


def _name_probabilities(
    sentence: Sentence, triggers: list[Trigger], mentions: SentenceMentions
) -> list[float]:
    """The tagger reads a sentence where a name can matter: a headline (its parties stand for the
    body's), a meeting word, a title, a known person or honorific, or a known given name (it costs more
    than the rest of the reading); elsewhere every word reads as undecided."""
    if not (
        sentence.is_title
        or triggers
        or any(mention.kind in _NAMED_KINDS for mention in mentions.mentions)
        or not knowledge().first_names.isdisjoint(sentence.words)
    ):
        return [UNDECIDED] * len(sentence.words)
    return probabilities(sentence.words)
