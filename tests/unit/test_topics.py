"""Topic tagging: Persian sentences the team wrote -> the topics they state."""

import pytest

from ingest.normalize import normalize
from ingest.topics import GENERIC_TOPICS, TopicTagger, tagger, topic_tree

SPECIFIC_TOPICS = [
    # (sentence, expected specific top-level topics, expected sub-topics that must be present)
    ("دو طرف درباره آخرین تحولات قفقاز جنوبی و صلح میان باکو و ایروان گفت‌وگو کردند.", {"caucasus"}, set()),
    ("وی مخالفت ایران با ایجاد دالان زنگزور را یادآور شد.", {"caucasus"}, {"zangezur"}),
    ("نشست بعدی سازوکار 3+3 در تهران برگزار می‌شود.", {"caucasus"}, {"format-3-3"}),
    (
        "امنیت کشتیرانی در تنگه هرمز و خلیج فارس محور گفت‌وگوی دو وزیر بود.",
        {"persian-gulf"},
        {"strait-of-hormuz"},
    ),
    (
        "دو طرف درباره برنامه هسته ای صلح‌آمیز ایران و همکاری با آژانس رایزنی کردند.",
        {"nuclear"},
        {"iaea-cooperation"},
    ),
    ("احیای برجام و لغو تحریم‌های یکجانبه موضوع اصلی این دیدار بود.", {"nuclear", "sanctions"}, {"jcpoa"}),
    ("وی بر لزوم توقف فوری جنگ و برقراری آتش بس پایدار تأکید کرد.", {"war-and-security"}, {"ceasefire"}),
    ("گسترش همکاری‌های دفاعی و برگزاری رزمایش مشترک بررسی شد.", {"war-and-security"}, {"defence-cooperation"}),
    (
        "وزیر خارجه عمان از ادامه میانجی‌گری کشورش در مذاکرات غیرمستقیم خبر داد.",
        {"negotiations"},
        {"mediation"},
    ),
    ("محکومیت حملات رژیم صهیونیستی به نوار غزه و کرانه باختری", {"palestine", "war-and-security"}, {"gaza"}),
    ("دو طرف بر حمایت از مردم مظلوم فلسطین و آزادی قدس شریف تأکید کردند.", {"palestine"}, {"quds"}),
    ("حملات رژیم صهیونیستی به جنوب لبنان محکوم شد.", {"lebanon", "war-and-security"}, set()),
    ("دو وزیر درباره آینده سیاسی سوریه تبادل نظر کردند.", {"syria"}, set()),
    ("وی بر ضرورت حفظ امنیت و ثبات در عراق تأکید کرد.", {"iraq"}, set()),
    ("بحران انسانی یمن و ناامنی کشتیرانی در دریای سرخ بررسی شد.", {"yemen", "consular"}, {"red-sea"}),
    ("وضعیت افغانستان و لزوم تشکیل دولت فراگیر در این کشور بررسی شد.", {"afghanistan"}, set()),
    ("دو طرف درباره جنگ اوکراین گفت‌وگو کردند.", {"ukraine", "war-and-security"}, set()),
    # the war as the time of the news is no subject; the war talked about is
    ("از زمان آغاز جنگ، دو وزیر درباره همکاری‌های اقتصادی گفت‌وگو کردند.", {"economy-trade"}, set()),
    ("دو طرف درباره جنگ گفت‌وگو کردند.", {"war-and-security"}, set()),
    ("دو وزیر بر حمایت از لبنان تاکید کردند.", {"lebanon"}, set()),  # a frame of support
    ("او از رویکرد دولت در قبال یمن انتقاد کرد.", {"yemen"}, set()),
    (
        "افزایش حجم مبادلات تجاری، سرمایه‌گذاری مشترک و تکمیل کریدور شمال - جنوب بررسی شد.",
        {"economy-trade"},
        {"transit-corridors"},
    ),
    ("همکاری‌های بانکی و استفاده از پول ملی در مبادلات دو کشور", {"economy-trade"}, {"banking"}),
    ("توسعه گردشگری و برقراری پروازهای مستقیم میان دو پایتخت", {"economy-trade"}, {"tourism"}),
    ("صادرات گاز و برق ایران و سوآپ نفت از موضوعات مذاکره بود.", {"energy", "negotiations"}, {"gas", "oil"}),
    ("گسترش همکاری‌های علمی و دانشگاهی و ثبت جهانی آثار تاریخی", {"culture-science"}, set()),
    ("صدور روادید برای زائران اربعین و وضعیت اتباع ایرانی بررسی شد.", {"consular"}, {"pilgrims"}),
    ("آزادی زندانیان ایرانی و ارسال کمک‌های بشردوستانه", {"consular"}, {"prisoners", "humanitarian-aid"}),
    ("دو طرف بر مبارزه با تروریسم و گروه تروریستی داعش تأکید کردند.", {"terrorism"}, set()),
]

NO_SPECIFIC_TOPIC = [
    # A participant's country is not a subject.
    "وزیر امور خارجه عراق عصر امروز با همتای ایرانی خود در تهران دیدار کرد.",
    "نخست‌وزیر لبنان در بیروت سفیر سوریه را به حضور پذیرفت.",
    "رئیس‌جمهور افغانستان و نخست‌وزیر پاکستان در کابل دیدار کردند.",
    "دو طرف درباره روابط ایران و عراق گفت‌وگو کردند.",
    # Roles that contain topic words are roles, not subjects.
    "وزیر دفاع مالزی با همتای ایرانی تلفنی گفت‌وگو کرد.",
    "دبیر شورای عالی امنیت ملی با مشاور امنیت ملی عراق دیدار کرد.",
    "وزیر نفت با فرمانده نیروی قدس دیدار کرد.",
    "وزیر امور اقتصادی و دارایی با سفیر یمن ملاقات کرد.",
    "وزیر امنیت عراق با وزیر جنگ آمریکا دیدار کرد.",
    # Generic diplomatic subjects only.
    "دو طرف درباره روابط دوجانبه و آخرین تحولات منطقه گفت‌وگو کردند.",
    "این دیدار در فضایی صمیمانه برگزار شد.",
]


def _tag(sentence: str) -> tuple[set[str], set[str], tuple[str, ...]]:
    tags = tagger().tag(normalize(sentence))
    return set(tags.specific), set(tags.subtopics), tags.topics


@pytest.mark.parametrize(("sentence", "topics", "subtopics"), SPECIFIC_TOPICS)
def test_sentence_states_its_topics(sentence: str, topics: set[str], subtopics: set[str]) -> None:
    found, found_sub, _ = _tag(sentence)
    assert found == topics
    assert subtopics <= found_sub


@pytest.mark.parametrize("sentence", NO_SPECIFIC_TOPIC)
def test_sentence_without_a_specific_topic(sentence: str) -> None:
    found, found_sub, _ = _tag(sentence)
    assert found == set()
    assert found_sub == set()


def test_trade_with_an_iraqi_minister_is_trade_not_iraq() -> None:
    found, _, _ = _tag("وزیر بازرگانی عراق در دیدار با همتای ایرانی بر افزایش صادرات و واردات تأکید کرد.")
    assert found == {"economy-trade"}


def test_framed_list_shares_the_frame() -> None:
    found, _, _ = _tag("دو طرف درباره اوضاع لبنان، سوریه و یمن تبادل نظر کردند.")
    assert found == {"lebanon", "syria", "yemen"}


def test_a_frame_does_not_reach_into_the_next_sentence() -> None:
    found, _, _ = _tag("وی درباره تحولات منطقه سخن گفت. سفیر یمن نیز حضور داشت.")
    assert "yemen" not in found


def test_a_country_named_with_a_frame_further_away_is_not_a_subject() -> None:
    found, _, _ = _tag("وضعیت کنونی روابط سیاسی با نخست‌وزیر عراق بررسی شد.")
    assert "iraq" not in found


def test_generic_topics_are_tagged_but_not_specific() -> None:
    _, _, topics = _tag("دو طرف درباره روابط دوجانبه و آخرین تحولات منطقه گفت‌وگو کردند.")
    assert set(topics) == {"bilateral-relations", "regional-developments"}
    assert set(topics) <= GENERIC_TOPICS


def test_subtopic_implies_parent() -> None:
    parents = {node.id: node.parent for node in topic_tree()}
    tags = tagger().tag(normalize("آتش‌بس در غزه، قره‌باغ، برجام، نفت و زائران"))
    assert tags.subtopics
    for subtopic in tags.subtopics:
        assert parents[subtopic] in tags.topics


@pytest.mark.parametrize(
    "sentence",
    [
        "تحریم‌ها",  # ZWNJ suffix
        "تحریمها",  # glued suffix, repaired by the normaliser
        "تحريم‌هاي ظالمانه",  # Arabic ye
        "لغو تحریم ها",  # space before the suffix
    ],
)
def test_spelling_variants(sentence: str) -> None:
    found, _, _ = _tag(sentence)
    assert found == {"sanctions"}


def test_keyword_inside_another_word_does_not_match() -> None:
    found, _, _ = _tag("سازمان آزادی‌بخش و جنگل‌های شمال")
    assert found == set()


def test_a_single_weak_mention_is_not_enough_but_a_strong_one_is() -> None:
    tagger_ = TopicTagger(
        [
            {"topic": "iraq", "keyword_fa": "عراق", "weight": "0.3"},
            {"topic": "iraq", "keyword_fa": "حشد الشعبی", "weight": "1"},
            {"topic": "@frame", "keyword_fa": "بحران", "weight": "1"},
        ]
    )
    assert tagger_.tag(normalize("سفیر عراق")).topics == ()
    assert tagger_.tag(normalize("بحران عراق")).topics == ("iraq",)
    assert tagger_.tag(normalize("نیروهای حشد الشعبی")).topics == ("iraq",)


def test_a_keyword_counts_at_most_twice() -> None:
    tagger_ = TopicTagger([{"topic": "iraq", "keyword_fa": "عراق", "weight": "0.3"}])
    assert tagger_.scores(normalize("عراق عراق عراق عراق")) == pytest.approx({"iraq": 0.6})


def test_unknown_topic_in_the_lexicon_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown topic"):
        TopicTagger([{"topic": "no-such-topic", "keyword_fa": "چیزی", "weight": "1"}])


def test_bad_weight_is_refused() -> None:
    with pytest.raises(ValueError, match="bad weight"):
        TopicTagger([{"topic": "iraq", "keyword_fa": "عراق", "weight": "heavy"}])


def test_topic_tree() -> None:
    tree = topic_tree()
    ids = {node.id for node in tree}
    assert {"caucasus", "nuclear", "consular", "other"} <= ids
    assert all(node.parent is None or node.parent in ids for node in tree)
    karabakh = next(node for node in tree if node.id == "karabakh")
    assert karabakh.parent == "caucasus"
    assert karabakh.label_en == "Karabakh"
    assert karabakh.label_fa == normalize("قره‌باغ")


def test_tagger_is_built_once() -> None:
    assert tagger() is tagger()
