"""The fresh reading's items: never blind's hash class, never an annotated item, in the salt's order."""

from bench.corpus_split import in_blind_class
from bench.fresh import fresh_order

SEED = "test-seed"


def test_fresh_items_leave_out_blinds_class_and_the_annotated_items() -> None:
    items = [{"id": f"tg-x-{n}"} for n in range(60)]
    train_side = [item["id"] for item in items if not in_blind_class(item["id"], SEED)]
    assert 0 < len(train_side) < len(items)  # the hash splits the toy pool
    taken = {train_side[0]}
    fresh = {item["id"] for item in fresh_order(items, salt="s1", seed=SEED, taken=taken)}
    assert fresh == set(train_side) - taken


def test_a_new_salt_reads_the_items_in_a_new_order() -> None:
    items = [{"id": f"tg-y-{n}"} for n in range(60)]
    first = [item["id"] for item in fresh_order(items, salt="s1", seed=SEED, taken=set())]
    again = [item["id"] for item in fresh_order(items, salt="s1", seed=SEED, taken=set())]
    other = [item["id"] for item in fresh_order(items, salt="s2", seed=SEED, taken=set())]
    assert first == again
    assert sorted(first) == sorted(other) and first != other
