"""Pass: the party phrases of each sentence: a person's name, title and country or organisation, a
delegation, or a group of officials, read from its mentions and the name tagger's reading."""

from ingest.doc import Doc
from ingest.parties import SentenceParties


def find_parties(doc: Doc) -> Doc:
    doc.parties = [
        SentenceParties(sentence, triggers, mentions, names)
        for sentence, triggers, mentions, names in zip(
            doc.sentences, doc.triggers, doc.mentions, doc.names, strict=True
        )
    ]
    for clauses, analysis in zip(doc.clauses, doc.parties, strict=True):
        if analysis.triggers:  # only a meeting word's clause is read for its verb and frames
            clauses.names = analysis.name_tokens()
    return doc
