"""The drift sample is fixed by its salt before anyone reads an item, and takes the share it is told."""

import json
from pathlib import Path

from bench.reread import sample


def _gold(folder: Path, item_id: str, meetings: int) -> None:
    meeting = {"participants": [], "status": "held"}
    (folder / f"{item_id}.json").write_text(json.dumps({"meetings": [meeting] * meetings}), encoding="utf-8")


def test_the_sample_takes_its_share_of_items_with_a_meeting_in_hash_order(tmp_path: Path) -> None:
    for n in range(30):
        _gold(tmp_path, f"tg-x-{n}", meetings=n % 3)  # 20 items with a meeting, 10 without
    chosen = sample(tmp_path, size=8, with_meetings=6, salt="s")
    with_meeting = [i for i in chosen if json.loads((tmp_path / f"{i}.json").read_text())["meetings"]]
    assert (len(chosen), len(with_meeting)) == (8, 6)
    assert chosen == sample(tmp_path, size=8, with_meetings=6, salt="s")
    assert chosen != sample(tmp_path, size=8, with_meetings=6, salt="another salt")


def test_a_sample_larger_than_the_set_takes_what_there_is(tmp_path: Path) -> None:
    for n in range(4):
        _gold(tmp_path, f"tg-y-{n}", meetings=n % 2)
    assert sorted(sample(tmp_path, size=10, with_meetings=5, salt="s")) == [f"tg-y-{n}" for n in range(4)]
