"""B³ of Person nodes over named mentions and of Meeting nodes over reports, against the gold.

Gold persons: bench/data/identity/persons.tsv (the real person of each gold name and country). Gold
meetings of the annotated sets are derived from their gold as the issue defines one meeting: the same
parties after identity (a named party's real person; an unnamed one's, from `kb_names`, when the gold
knows it; else its office and side), the same kind, and the same date, or within a day when one report
is undated (the article's date standing in); two meetings of one article are two. Gold meetings of the
event clusters are the clusters, read by people: each clustered item's meeting of that event.

End to end, an extracted meeting stands for the gold meeting the eval's scorer aligns it with
(`align_meetings`), and an extracted named party for the gold party it matches there
(`match_participants`); what the extractor missed is not scored (the coverage says how much).
"""

import csv
import json
from collections import Counter, defaultdict
from collections.abc import Hashable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from bench.identity.items import PERSONS, Item
from bench.quality import scorer as load_scorer
from graph.keys import named_person_key, office_of, text_key
from ingest.model import Party

scorer = cache(load_scorer)  # the eval's scorer module, loaded once
Mention = tuple[str, int, int]  # article, meeting, party (gold's indexes)
Report = tuple[str, int]  # article, meeting (gold's index)


def b_cubed(system: dict[Any, str], gold: dict[Any, str]) -> tuple[float, float, float]:
    items = [item for item in gold if item in system]
    if not items:
        return 0.0, 0.0, 0.0
    by_system: dict[str, set[Any]] = defaultdict(set)
    by_gold: dict[str, set[Any]] = defaultdict(set)
    for item in items:
        by_system[system[item]].add(item)
        by_gold[gold[item]].add(item)
    precision = recall = 0.0
    for item in items:
        same = len(by_system[system[item]] & by_gold[gold[item]])
        precision += same / len(by_system[system[item]])
        recall += same / len(by_gold[gold[item]])
    p, r = precision / len(items), recall / len(items)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def gold_persons() -> dict[tuple[str, str], str]:
    """(name key, country) -> the real person's id, from the reviewed list."""
    with PERSONS.open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {(text_key(row["name"]), row["country"]): row["person"] for row in rows}


def _fullest(names: list[str]) -> str:
    return max(names, key=len)


def real_person(party: dict[str, Any], persons: dict[tuple[str, str], str]) -> str | None:
    """A gold party's real person: its names', else its `kb_names`' (the holder the gold knows)."""
    for kind in ("names", "kb_names"):
        if names := party.get(kind):
            key = text_key(_fullest(names))
            return persons.get((key, party.get("country") or ""), f"?{key}/{party.get('country') or ''}")
    return None


def _side(party: dict[str, Any], persons: dict[tuple[str, str], str]) -> str:
    real = real_person(party, persons)
    if real:
        return real
    described = Party(role=party.get("role"), country=party.get("country"), org=party.get("org"))
    return f"{office_of(described)}/{party.get('country') or party.get('org')}"


def _day(gold: dict[str, Any], meeting: dict[str, Any]) -> tuple[date | None, date | None]:
    dated = date.fromisoformat(meeting["date"]) if meeting.get("date") else None
    published = date.fromisoformat(gold["published"]) if gold.get("published") else None
    return dated, dated or published


def _one_meeting(a: tuple[date | None, date | None], b: tuple[date | None, date | None]) -> bool:
    if a[0] and b[0]:
        return a[0] == b[0]
    return a[1] is not None and b[1] is not None and abs((a[1] - b[1]).days) <= 1


def gold_meetings(items: list[Item], persons: dict[tuple[str, str], str]) -> dict[Report, str]:
    """Each gold report's meeting: reports of the same parties and kind whose days fit, joined."""
    groups: dict[str, list[tuple[Report, tuple[date | None, date | None]]]] = defaultdict(list)
    for item in items:
        for index, meeting in enumerate(item.gold.get("meetings", [])):
            sides = sorted(_side(p, persons) for p in meeting["participants"])
            groups[json.dumps([sides, meeting.get("kind") or "in_person"])].append(
                ((item.key, index), _day(item.gold, meeting))
            )
    root: dict[Report, Report] = {}

    def find(report: Report) -> Report:
        while root[report] != report:
            report = root[report]
        return report

    for members in groups.values():
        for report, _ in members:
            root[report] = report
        for i, (one, day_one) in enumerate(members):
            for other, day_other in members[i + 1 :]:
                if one[0] != other[0] and _one_meeting(day_one, day_other):
                    root[find(other)] = find(one)
    return {report: "/".join(map(str, find(report))) for report in root}


def _as_dict(party: Party) -> dict[str, Any]:
    return party.model_dump(mode="json")


def alignments(item: Item) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """(written meeting, gold meeting, [(written party, gold party)]): identity for gold extractions,
    the eval scorer's alignment end to end."""
    if item.extraction.extractor_version == "gold":
        return [
            (index, index, [(k, k) for k in range(len(meeting.participants))])
            for index, meeting in enumerate(item.extraction.meetings)
        ]
    written = [{"participants": [_as_dict(p) for p in m.participants]} for m in item.extraction.meetings]
    return list(scorer().align_meetings(written, item.gold.get("meetings", [])))


@dataclass
class Written:
    """What the writer made of the items: each written meeting's id, each mention's person."""

    meeting_of: dict[tuple[str, int], str]  # (article, written meeting) -> the graph's meeting
    merged: dict[tuple[str, str], str]  # (mention key, article) -> the person a Merge gave it
    english: dict[str, str | None]  # named person -> English name


@dataclass
class PersonScores:
    prf: tuple[float, float, float]
    scored: int
    total: int  # named gold mentions
    system: dict[Mention, str] = field(default_factory=dict)
    gold: dict[Mention, str] = field(default_factory=dict)
    said: dict[Mention, str] = field(default_factory=dict)


def person_scores(items: list[Item], written: Written, persons: dict[tuple[str, str], str]) -> PersonScores:
    scores = PersonScores((0.0, 0.0, 0.0), 0, 0)
    for item in items:
        gold_meetings = item.gold.get("meetings", [])
        scores.total += sum(bool(p.get("names")) for m in gold_meetings for p in m["participants"])
        for index, gold_index, pairs in alignments(item):
            meeting = item.extraction.meetings[index]
            for party_index, gold_party_index in pairs:
                party, gold = (
                    meeting.participants[party_index],
                    gold_meetings[gold_index]["participants"][gold_party_index],
                )
                real = real_person(gold, persons) if gold.get("names") else None
                if not party.name or real is None:
                    continue
                mention = (item.key, gold_index, gold_party_index)
                surface = named_person_key(party)
                scores.system[mention] = written.merged.get((surface, item.key), surface)
                scores.gold[mention] = real
                scores.said[mention] = (
                    f"{party.name} | {party.role or '-'} | {party.country or party.org or '-'}"
                )
    scores.prf = b_cubed(scores.system, scores.gold)
    scores.scored = len(scores.gold)
    return scores


def meeting_scores(
    items: list[Item], written: Written, gold: dict[Report, str]
) -> tuple[tuple[float, float, float], int]:
    """B³ of meetings over the gold reports the writer wrote a meeting for; how many those are."""
    system: dict[Report, str] = {}
    for item in items:
        for index, gold_index, _ in alignments(item):
            if (item.key, gold_index) in gold and (meeting := written.meeting_of.get((item.key, index))):
                system[(item.key, gold_index)] = meeting
    return b_cubed(system, gold), len(set(system) & set(gold))


def _as_written(meeting: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {"name": _fullest(p["names"]) if p.get("names") else None, "role": p.get("role"),
         "country": p.get("country"), "org": p.get("org")}
        for p in meeting["participants"]
    ]  # fmt: skip


def _fit(meeting: dict[str, Any], others: list[Item]) -> float:
    """How much the other reports of a cluster share this meeting's parties (and its kind)."""
    match, written = scorer().match_participants, _as_written(meeting)
    return sum(
        max(
            (len(match(written, o["participants"])) + 0.5 * (o.get("kind") == meeting.get("kind"))
             for o in other.gold.get("meetings", [])),
            default=0.0,
        )
        for other in others
    )  # fmt: skip


def event_reports(items: list[Item], clusters: dict[str, str]) -> dict[Report, str]:
    """Each clustered item's meeting of its event: the one whose parties the other reports of the
    cluster share most (the eval's participant match; the same kind breaks ties)."""
    members: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        members[clusters[item.key]].append(item)
    chosen: dict[Report, str] = {}
    for cluster, reports in members.items():
        for item in reports:
            others = [other for other in reports if other is not item]
            meetings = item.gold.get("meetings", [])
            if meetings:
                best = max(range(len(meetings)), key=lambda i: (_fit(meetings[i], others), -i))
                chosen[(item.key, best)] = cluster
    return chosen


def english_names(scores: PersonScores, written: Written) -> tuple[int, int]:
    """Person nodes that share one English (knowledge-base) name, and nodes whose English name is
    another person's: the real person most of its mentions are differs from the one most mentions
    of every node with that name are."""
    nodes: dict[str, Counter[str]] = defaultdict(Counter)
    for mention, node in scores.system.items():
        nodes[node][scores.gold[mention]] += 1
    named: dict[str, Counter[str]] = defaultdict(Counter)
    for node, people in nodes.items():
        if english := written.english.get(node):
            named[english] += people
    shared = Counter(name for name in written.english.values() if name)
    borrowed = sum(
        1
        for node, people in nodes.items()
        if (english := written.english.get(node))
        and people.most_common(1)[0][0] != named[english].most_common(1)[0][0]
    )
    return sum(n for n in shared.values() if n > 1), borrowed


def errors(scores: PersonScores) -> list[str]:
    """Nodes that hold several gold persons, then gold persons spread over several nodes."""
    lines: list[str] = []
    for title, by, other in (("MERGED", scores.system, scores.gold), ("SPLIT", scores.gold, scores.system)):
        clusters: dict[Hashable, list[Mention]] = defaultdict(list)
        for mention in sorted(by):
            clusters[by[mention]].append(mention)
        for key, mentions in sorted(clusters.items(), key=lambda kv: str(kv[0])):
            if len({other[m] for m in mentions}) < 2:
                continue
            lines.append(f"{title} {key}")
            for mention in sorted(mentions, key=lambda m: (other[m], m)):
                lines.append(f"    {other[mention][:20]:20}  {scores.said[mention]}  [{mention[0]}]")
    return lines
