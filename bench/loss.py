#!/usr/bin/env python3
"""Where gold meetings are lost, by the pass that loses them: figures for every annotated set.

Each gold meeting is followed through the pipeline, with the eval scorer's participant matching:

- found: a meeting of the output holds two of its participants or more (its pairs split into those the
  output meeting that holds most of them finds and those it misses);
- judged out: an event before the judging pass held two, the event model or the interview rule dropped it;
- merged away: a candidate event held two, merging events lost them;
- read, not an event: a sentence's reading (its meeting word with party phrases) held two, the candidates
  pass made no event of them (no subject, a quoted mention, an attendance line);
- one party read / none read: no sentence reading held more than one of its participants, or none: the
  rules did not attach the parties, or the sentence's party phrases do not stand for them. Both split by
  the gold's evidence sentence (the article's sentence sharing most of its words). One party read: its
  party phrases stand for two participants or more, which the rules did not attach
  (`one-party-read: attachment`); the article's phrases do only across sentences, a title or a pronoun
  here and the name in another sentence (`one-party-read: other sentence`); or no phrase of the article
  stands for a second participant (`one-party-read: no phrase`). None read: the evidence sentence has no
  meeting word (`none-read: no meeting word`); its party phrases stand for fewer than two participants
  (`none-read: phrases`: names, titles or groups not read as parties, or the parties told elsewhere); or
  for two and more, which the rules did not attach (`none-read: attachment`).

Each row gives meetings and gold pairs, for meetings of two participants and of three or more. Blind (and
its reserve) print these figures only; `--show STAGE` lists a set's items at one stage (never blind's).

    bench/loss.py                          # dev, probe, train, blind
    bench/loss.py --set train --show "none-read: phrases"

It reads the pipeline's passes directly (the eval contract's own figures are bench/quality's).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import quality  # noqa: E402
from ingest.doc import Doc, Event  # noqa: E402
from ingest.event_training import events  # noqa: E402
from ingest.normalize import normalize, text_key  # noqa: E402
from ingest.party_phrase import PartyPhrase  # noqa: E402
from ingest.passes.judging import judge_events  # noqa: E402
from ingest.pipeline import PASSES  # noqa: E402
from ingest.resolve import Party  # noqa: E402
from ingest.sentence_meeting import expand  # noqa: E402

STAGES = ("found", "judged-out", "merged-away", "read-not-event", "one-party-read", "none-read")
ONE_READ = ("one-party-read: attachment", "one-party-read: other sentence", "one-party-read: no phrase")
NONE_READ = ("none-read: no meeting word", "none-read: phrases", "none-read: attachment")
_JUDGING = PASSES.index(judge_events)


def _record(party: Party) -> dict:
    return {"name": party.name, "role": party.role, "country": party.country, "org": party.org}


def _held(score: ModuleType, parties: list[Party], meeting: dict) -> int:
    """How many of the meeting's participants the parties stand for, one each."""
    return len(score.match_participants([_record(p) for p in parties], meeting["participants"]))


def _most(score: ModuleType, events: list[Event], meeting: dict) -> int:
    return max((_held(score, event.parties, meeting) for event in events), default=0)


def _resolved(doc: Doc, phrases: list[PartyPhrase]) -> list[Party]:
    """A sentence's party phrases, one party each (a plural phrase expanded), resolved in the article."""
    assert doc.registry is not None
    return [doc.registry.resolve(single, None) for phrase in phrases for single in expand(phrase)]


def _most_read(score: ModuleType, doc: Doc, meeting: dict) -> int:
    """The most participants one sentence reading of the article holds."""
    readings = (reading for sentence in doc.readings for reading in sentence.told + sentence.first)
    return max((_held(score, _resolved(doc, reading.parties), meeting) for reading in readings), default=0)


def _evidence(doc: Doc, meeting: dict) -> int | None:
    """The index of the article's sentence sharing most words with the gold's evidence sentence."""
    evidence = set(text_key(normalize(meeting.get("evidence") or "")).split())
    if not evidence or not doc.sentences:
        return None
    return max(
        range(len(doc.sentences)), key=lambda i: len(evidence & set(text_key(doc.sentences[i].text).split()))
    )


def _one_read(score: ModuleType, doc: Doc, meeting: dict) -> str:
    """Why a reading holds only one participant: where the phrases that stand for a second one are."""
    index = _evidence(doc, meeting)
    if index is not None and _held(score, _resolved(doc, doc.parties[index].parties), meeting) >= 2:
        return "one-party-read: attachment"
    article = [phrase for sentence in doc.parties for phrase in sentence.parties]
    if _held(score, _resolved(doc, article), meeting) >= 2:
        return "one-party-read: other sentence"
    return "one-party-read: no phrase"


def _unread(score: ModuleType, doc: Doc, meeting: dict) -> str:
    """Why no reading holds a participant, by the gold's evidence sentence."""
    index = _evidence(doc, meeting)
    if index is None:
        return "none-read: phrases"
    if not doc.triggers[index]:
        return "none-read: no meeting word"
    held = _held(score, _resolved(doc, doc.parties[index].parties), meeting)
    return "none-read: attachment" if held >= 2 else "none-read: phrases"


def stages(score: ModuleType, article: dict, gold: dict) -> list[tuple[str, dict, int]]:
    """(stage, gold meeting, participants found) of each gold meeting of one article."""
    doc = events(article)
    before_judging = list(doc.events)
    for step in PASSES[_JUDGING:]:
        doc = step(doc)
    found = []
    for meeting in gold.get("meetings", []):
        held = _most(score, doc.events, meeting)
        if held >= 2:
            stage = "found"
        elif _most(score, before_judging, meeting) >= 2:
            stage = "judged-out"
        elif _most(score, doc.candidates, meeting) >= 2:
            stage = "merged-away"
        else:
            read = _most_read(score, doc, meeting)
            stage = (
                "read-not-event"
                if read >= 2
                else (_one_read(score, doc, meeting) if read == 1 else _unread(score, doc, meeting))
            )
        found.append((stage, meeting, held))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--set", action="append", choices=quality.SETS, help="only these sets (repeatable)")
    parser.add_argument(
        "--show", choices=STAGES[:-2] + ONE_READ + NONE_READ, help="list one stage's items (not for blind)"
    )
    arguments = parser.parse_args()
    names = arguments.set or [name for name in quality.SETS if name != "reserve"]
    if arguments.show and set(names) & quality.NO_ERRORS:
        raise SystemExit("bench/loss: --show reads no blind items; blind prints figures only")
    score = quality.scorer()
    print(
        f"{'set':7} {'items':>5} {'stage':30} {'meetings':>8} {'pairs':>6}"
        "   of two: meetings pairs   of 3+: meetings pairs"
    )
    for name in names:
        bench = quality.load(name)
        meetings: Counter[tuple[str, str]] = Counter()
        pairs: Counter[tuple[str, str]] = Counter()
        for article in bench.articles:
            gold = json.loads((bench.gold_dir / f"{article['id']}.json").read_text(encoding="utf-8"))
            for stage, meeting, held in stages(score, article, gold):
                size = "two" if len(meeting["participants"]) <= 2 else "3+"
                total = score.n_pairs(len(meeting["participants"]))
                meetings[stage, size] += 1
                if stage == "found":
                    pairs["found", size] += score.n_pairs(held)
                    pairs["found: missed inside", size] += total - score.n_pairs(held)
                else:
                    pairs[stage, size] += total
                if stage == arguments.show:
                    print(f"  {article['id']}: {(meeting.get('evidence') or '')[:160]}")
        for stage in (*STAGES[:1], "found: missed inside", *STAGES[1:-2], *ONE_READ, *NONE_READ):
            row = [meetings[stage, "two"], pairs[stage, "two"], meetings[stage, "3+"], pairs[stage, "3+"]]
            print(
                f"{name:7} {len(bench.articles):5} {stage:30} {row[0] + row[2]:>8} {row[1] + row[3]:>6}"
                f"   {row[0]:>16} {row[1]:>5}   {row[2]:>14} {row[3]:>5}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
