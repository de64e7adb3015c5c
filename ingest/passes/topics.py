"""Pass: the topics and sub-topics of each event, from the sentences that discuss it."""

from ingest.doc import Doc
from ingest.topics import tagger


def tag_topics(doc: Doc) -> Doc:
    for event in doc.events:
        tags = tagger().tag(" ".join(sentence.text for sentence in event.sentences))
        event.topics, event.subtopics = list(tags.topics), list(tags.subtopics)
    return doc
