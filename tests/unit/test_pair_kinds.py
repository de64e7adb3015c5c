"""bench/quality's pairs by kind add up to the scorer's tallies, each pair in the kind it belongs to."""

from types import SimpleNamespace

from bench.quality import PAIR_KINDS, PARTY_KINDS, by_outlet, outlet, pair_kinds, parties_found, party_kind


def _align(predicted: list[dict], gold: list[dict]) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """A scorer's alignment in miniature: each gold meeting with the first predicted one sharing a name."""
    aligned, used = [], set()
    for j, expected in enumerate(gold):
        names = [p["name"] for p in expected["participants"]]
        for i, meeting in enumerate(predicted):
            matched = [
                (a, names.index(p["name"]))
                for a, p in enumerate(meeting["participants"])
                if p["name"] in names
            ]
            if i not in used and matched:
                aligned.append((i, j, matched))
                used.add(i)
                break
    return aligned


SCORE = SimpleNamespace(align_meetings=_align, n_pairs=lambda k: k * (k - 1) // 2)


def _meeting(*names: str) -> dict:
    return {"participants": [{"name": name} for name in names]}


def test_each_pair_falls_in_its_kind() -> None:
    gold = {
        "quiet": {"meetings": []},
        "two": {"meetings": [_meeting("عراقچی", "فیدان"), _meeting("لاوروف", "وانگ")]},
        "four": {"meetings": [_meeting("ونس", "قالیباف", "شریف", "منیر")]},
    }
    predicted = {
        "quiet": {"meetings": [_meeting("ترامپ", "نتانیاهو")]},
        "two": {"meetings": [_meeting("عراقچی", "کاتز"), _meeting("پوتین", "شی")]},
        "four": {"meetings": [_meeting("ونس", "قالیباف", "شریف", "بقائی")]},
    }
    kinds = pair_kinds(SCORE, gold, predicted)
    assert list(kinds) == list(PAIR_KINDS)
    assert kinds == {
        "found": 3,  # the three pairs of ونس، قالیباف، شریف
        "false: made up, no-meeting item": 1,
        "false: made up, beside real ones": 1,  # پوتین – شی
        "false: wrong party, of two": 1,  # عراقچی – کاتز
        "false: wrong party, of 3+": 3,  # بقائی with each of the three
        "missed: meeting not found": 1,  # لاوروف – وانگ
        "missed: inside a found one": 1 + 3,  # عراقچی – فیدان; منیر with each of the three
    }


def test_pairs_by_outlet_add_up_per_outlet() -> None:
    assert outlet("tg-alonews-121979") == "tg-alonews"
    assert outlet("farsnews-8305040279") == "farsnews"
    assert outlet("farscsv-085") == "farscsv"
    assert outlet("000") == "-"
    tallies = {"tg-alonews-1": (2, 1, 0), "tg-alonews-2": (1, 0, 3), "tabnak-9": (0, 2, 5)}
    assert by_outlet(tallies) == {"tg-alonews": (3, 1, 3), "tabnak": (0, 2, 5)}


def test_gold_parties_are_found_by_kind_inside_the_aligned_meeting_only() -> None:
    # The toy alignment matches by "name"; the gold's own fields say each party's kind.
    araghchi = {"name": "عراقچی", "names": ["عراقچی"], "role": "وزیر امور خارجه", "country": "IR"}
    envoy = {"name": "فرستاده", "names": [], "kb_names": ["ویتکاف"], "role": "فرستاده ویژه", "country": "US"}
    ambassador = {"name": "سفیر", "names": [], "role": "سفیر", "country": "JP"}
    oman = {"name": "عمان", "names": [], "role": None, "country": "OM"}
    agency = {"name": "آژانس", "names": [], "role": None, "country": None, "org": "آژانس"}
    assert [party_kind(p) for p in (araghchi, envoy, ambassador, oman, agency)] == list(PARTY_KINDS)
    gold = {
        "a": {"meetings": [{"participants": [araghchi, envoy, ambassador]}]},
        "b": {"meetings": [{"participants": [oman, agency]}]},
        "c": {"meetings": []},
    }
    predicted = {
        "a": {"meetings": [_meeting("عراقچی", "فرستاده", "لاوروف")]},  # the ambassador missed
        "b": {"meetings": [_meeting("قطر", "عمان")]},  # Oman read, but alone of its meeting's
        "c": {"meetings": [_meeting("سفیر", "آژانس")]},  # named like gold parties, in an item with none
    }
    assert parties_found(SCORE, gold, predicted) == {
        "named": (1, 1),
        "named by knowledge": (1, 1),
        "titled": (0, 1),
        "state": (1, 1),
        "organisation": (0, 1),
    }
