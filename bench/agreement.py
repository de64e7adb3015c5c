"""Agreement between two independent readings of the same items: the second scored against the first.

  .venv/bin/python bench/agreement.py FIRST_GOLD_DIR SECOND_GOLD_DIR

Each party of the second reading becomes a prediction with its first name form (or knowledge-base
name), so the eval's scorer measures what it measures for the extractor: pairs, meetings and
participants F1. Figures only, so that it can be run on blind readings too.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.quality import scorer


def as_prediction(key: str, gold: dict) -> dict:
    meetings = []
    for meeting in gold.get("meetings", []):
        participants = [
            {**party, "name": ((party.get("names") or []) + (party.get("kb_names") or []) or [None])[0]}
            for party in meeting.get("participants", [])
        ]
        meetings.append({**meeting, "participants": participants})
    return {"id": key, "meetings": meetings}


def agreement(first: Path, second: Path) -> dict:
    shared = sorted({p.stem for p in first.glob("*.json")} & {p.stem for p in second.glob("*.json")})
    with tempfile.TemporaryDirectory() as folder:
        gold_dir, pred = Path(folder) / "gold", Path(folder) / "pred.jsonl"
        gold_dir.mkdir()
        lines = []
        for key in shared:
            (gold_dir / f"{key}.json").write_text((first / f"{key}.json").read_text(encoding="utf-8"))
            lines.append(as_prediction(key, json.loads((second / f"{key}.json").read_text(encoding="utf-8"))))
        pred.write_text(
            "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in lines), encoding="utf-8"
        )
        result = scorer().score(gold_dir, pred)
    return {
        "items": len(shared),
        "pairs_f1": result["pairs"]["f1"],
        "meetings_f1": result["meetings"]["f1"],
        "participants_f1": result["participants"]["f1"],
        "status": result["status"],
        "date": result["date"],
    }


if __name__ == "__main__":
    print(json.dumps(agreement(Path(sys.argv[1]), Path(sys.argv[2])), ensure_ascii=False))
