"""Blind's reserve takes exactly the undrawn items the split's hash puts on blind's side."""

from bench.corpus_split import in_blind_class
from bench.reserve import reserve_items

CONFIG = {"seed": "test-seed", "max_chars": 50}


def _item(item_id: str, text: str = "متن کوتاه") -> dict:
    return {"id": item_id, "title": "عنوان", "text": text}


def test_the_reserve_is_blinds_hash_class_outside_the_draw_within_the_size_limit() -> None:
    items = [_item(f"tg-x-{n}") for n in range(60)]
    blind_side = [item["id"] for item in items if in_blind_class(item["id"], CONFIG["seed"])]
    assert 0 < len(blind_side) < len(items)  # the hash splits the toy pool
    drawn, too_long = blind_side[0], blind_side[1]
    items[[item["id"] for item in items].index(too_long)]["text"] = "ب" * 60
    reserve = [item["id"] for item in reserve_items(items, CONFIG, drawn={drawn})]
    assert reserve == [item_id for item_id in blind_side if item_id not in {drawn, too_long}]


def test_a_missing_title_or_text_reads_as_empty() -> None:
    blind_side = next(f"tg-y-{n}" for n in range(100) if in_blind_class(f"tg-y-{n}", CONFIG["seed"]))
    (item,) = reserve_items([{"id": blind_side, "title": None, "text": None}], CONFIG, drawn=set())
    assert (item["title"], item["text"]) == ("", "")
