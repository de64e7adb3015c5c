"""The event model: which events it judges, how training labels them, the judging pass, `didar train
events` (the team's own sentences)."""

from pathlib import Path

from typer.testing import CliRunner

from app.cli import app
from ingest.doc import Doc
from ingest.event_model import THRESHOLD, chance, judged
from ingest.event_training import is_gold, matches, train
from ingest.model import Article
from ingest.passes.judging import judge_events
from ingest.pipeline import PASSES
from ingest.resolve import Party
from tests.unit.toy_corpus import write_source

TITLE = "دیدار وزیر امور خارجه با سفیر ژاپن"
BODY = (
    "وزیر امور خارجه امروز با سفیر ژاپن در تهران دیدار و گفت‌وگو کرد.\n"
    "سخنگوی وزارت امور خارجه امروز در نشست خبری هفتگی به پرسش‌های خبرنگاران پاسخ داد.\n"
    "به گفته وی، یک هیئت عمانی روز جمعه برای گفت‌وگو وارد تهران شد.\n"
    "رئیس‌جمهور کشورمان هفته آینده با نخست‌وزیر پاکستان دیدار خواهد کرد.\n"
)


def _before_judging(text: str, title: str = "") -> Doc:
    doc = Doc(Article(id="t", title=title, text=text))
    for step in PASSES[: PASSES.index(judge_events)]:
        doc = step(doc)
    return doc


def _party(name: str | None = None, role: str | None = None, country: str | None = None) -> Party:
    return Party(name, role, None, country, None, None)


def test_a_party_matches_by_name_form_else_by_title_else_by_country() -> None:
    assert matches(_party("عراقچی"), {"names": ["عباس عراقچی", "عراقچی"]})
    assert not matches(_party("لاوروف"), {"names": ["عباس عراقچی"]})
    assert not matches(_party(role="وزیر امور خارجه"), {"names": ["عباس عراقچی"]})
    assert matches(_party(role="سفیر", country="IR"), {"names": [], "role": "سفیر", "country": "JP"})
    assert matches(_party(country="OM"), {"names": [], "role": None, "country": "OM"})
    assert not matches(_party(country="QA"), {"names": [], "role": None, "country": "OM"})


def test_an_event_is_news_when_two_participants_of_one_gold_meeting_are_its_parties() -> None:
    doc = _before_judging(BODY, TITLE)
    event = next(e for e in doc.events if any(p.role == "سفیر" for p in e.parties))
    minister = {"names": [], "role": "وزیر امور خارجه", "country": "IR"}
    ambassador = {"names": [], "role": "سفیر", "country": "JP"}
    stranger = {"names": ["مریم سهرابی"], "role": None, "country": "IR"}
    assert is_gold(event, [{"participants": [minister, ambassador]}])
    assert not is_gold(event, [{"participants": [minister, stranger]}])
    # One party cannot stand for two participants.
    assert not is_gold(event, [{"participants": [ambassador, dict(ambassador, country="CN")]}])


def test_the_model_judges_body_events_of_two_parties_not_the_headline_or_lead() -> None:
    doc = _before_judging(BODY, TITLE)
    by_sentence = {min(r.sentence.index for r in event.reports): event for event in doc.events}
    assert not judged(by_sentence[0])  # the headline's (and the lead's, which repeats it)
    assert all(judged(event) for first, event in by_sentence.items() if first > 1)


def test_a_meeting_a_party_tells_in_his_own_post_is_not_judged() -> None:
    post = "مریم سهرابی وزیر امور خارجه در صفحه خود نوشت: امروز میزبان سفیر چین بودم.\n"
    doc = _before_judging(BODY + post, TITLE)
    told = next(e for e in doc.events if any(p.role == "سفیر" and p.country == "CN" for p in e.parties))
    assert min(r.sentence.index for r in told.reports) > 1 and len(told.parties) == 2
    assert not judged(told)


def test_judging_drops_the_judged_events_the_model_finds_unlikely_and_keeps_the_rest() -> None:
    doc = _before_judging(BODY, TITLE)
    before = list(doc.events)
    likely = {id(event): not judged(event) or chance(doc, event) >= THRESHOLD for event in before}
    kept = judge_events(doc).events
    assert [id(event) for event in kept] == [id(event) for event in before if likely[id(event)]]
    assert 0 < len(kept) < len(before)  # the Omani delegation's arrival, told in the body, goes


def _corpus(folder: Path) -> None:
    articles, golds = [], {}
    pairs = [("عراقچی", "لاوروف"), ("ظریف", "وانگ یی"), ("عراقچی", "فیدان")] * 3
    for i, (minister, partner) in enumerate(pairs):
        key = f"n{i}"
        text = (
            "سخنگوی وزارت امور خارجه امروز به پرسش‌های خبرنگاران پاسخ داد.\n"
            "وی درباره سفر اخیر رئیس‌جمهور به چین سخن گفت.\n"
            f"{minister} وزیر امور خارجه امروز با {partner} دیدار کرد."
        )
        articles.append({"id": key, "title": "", "text": text})
        golds[key] = {"meetings": [{"participants": [{"names": [minister]}, {"names": [partner]}]}]}
    write_source(folder, articles, golds, iterations=20)


def test_train_learns_from_the_events_the_rules_find(tmp_path: Path) -> None:
    _corpus(tmp_path)
    report = train(tmp_path / "config.json", tmp_path, tmp_path / "model.crfsuite")
    assert report["items"] == 9 and report["events"] == 9
    assert (tmp_path / "model.crfsuite").stat().st_size > 0
    # Each is told after the lead, so the model judges it; all are news, and it learned so.
    assert report["toy"] == {"news_kept": 9, "news_dropped": 0, "other_kept": 0, "other_dropped": 0}


def test_didar_train_events_writes_the_model_a_config_names(tmp_path: Path) -> None:
    _corpus(tmp_path)
    model = tmp_path / "cli.crfsuite"
    config = str(tmp_path / "config.json")
    result = CliRunner().invoke(
        app, ["train", "events", "--config", config, "--model", str(model), "--root", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert model.is_file() and '"events": 9' in result.output


def test_didar_train_names_a_missing_config() -> None:
    result = CliRunner().invoke(app, ["train", "events", "--config", "no/such/config.json"])
    assert result.exit_code == 2
    assert "no/such/config.json: no such config" in result.output
