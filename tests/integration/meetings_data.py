"""A small diplomatic week for the query API tests, as hand-built extractions (the extractor is tested
elsewhere): seven articles, six meetings, a three-party meeting, an undated phone call with an unnamed
minister, one meeting reported twice, and a chain Mirzoyan - Araghchi - Lavrov - Bayramov for paths.

- caucasus 2024-05-01: Araghchi (IR) and Mirzoyan (AM) in Tehran; caucasus, karabakh
- phone, undated: the Saudi foreign minister (unnamed) and Araghchi; phone; palestine, gaza
- moscow 2024-06-09: Araghchi and Lavrov (RU) in Moscow, reported twice; negotiations
- baku 2024-07-15: Lavrov and Bayramov (AZ) in Baku; caucasus, zangezur
- istanbul 2024-08-01: Araghchi, Lavrov and Fidan (TR) in Istanbul; caucasus, format-3-3
- video 2023-12-01: Pezeshkian (IR) and Mirzoyan; video, planned; energy
"""

from datetime import date

from graph.articles import write_extractions
from graph.driver import Graph
from ingest.model import Article, Extraction, Meeting, Party, Place, Span


def _party(
    name: str | None, name_en: str | None, role: str, role_en: str, code: str, fa: str, en: str
) -> Party:
    return Party(
        name=name,
        name_en=name_en,
        name_source="text" if name else None,
        role=role,
        role_en=role_en,
        country=code,
        country_fa=fa,
        country_en=en,
    )


FM, FM_EN = "وزیر امور خارجه", "Minister of Foreign Affairs"
ARAGHCHI = _party("عباس عراقچی", "Abbas Araghchi", FM, FM_EN, "IR", "ایران", "Iran")
MIRZOYAN = _party("آرارات میرزویان", "Ararat Mirzoyan", FM, FM_EN, "AM", "ارمنستان", "Armenia")
LAVROV = _party("سرگئی لاوروف", "Sergey Lavrov", FM, FM_EN, "RU", "روسیه", "Russia")
BAYRAMOV = _party("جیحون بایراموف", "Jeyhun Bayramov", FM, FM_EN, "AZ", "جمهوری آذربایجان", "Azerbaijan")
FIDAN = _party("هاکان فیدان", "Hakan Fidan", FM, FM_EN, "TR", "ترکیه", "Turkey")
PEZESHKIAN = _party("مسعود پزشکیان", "Masoud Pezeshkian", "رئیس‌جمهور", "President", "IR", "ایران", "Iran")
SAUDI_FM = _party(None, None, FM, FM_EN, "SA", "عربستان سعودی", "Saudi Arabia")


def _article(
    article_id: str,
    sentence: str,
    participants: list[Party],
    *,
    day: date | None,
    city: tuple[str, str, str] | None = None,
    topics: tuple[list[str], list[str]] = ([], []),
    kind: str = "in_person",
    status: str = "held",
    published: date | None = None,
) -> tuple[Article, Extraction]:
    title = f"خبر {article_id}"
    text = f"{title}\n{sentence}"
    article = Article(
        id=article_id,
        title=title,
        text=sentence,
        published=published or day,
        url=f"https://news.example/{article_id}",
        source="example",
    )
    meeting = Meeting(
        participants=participants,
        kind=kind,  # type: ignore[arg-type]
        status=status,  # type: ignore[arg-type]
        date=day,
        place=Place(city=city[0], city_en=city[1], country=city[2]) if city else None,
        topics=topics[0],
        subtopics=topics[1],
        evidence=sentence,
        evidence_span=Span(start=len(title) + 1, end=len(text)),
    )
    return article, Extraction(id=article.key, meetings=[meeting], extractor_version="test", text=text)


def week() -> list[tuple[Article, Extraction]]:
    return [
        _article(
            "a-1",
            "عباس عراقچی با آرارات میرزویان در تهران درباره قره‌باغ دیدار کرد.",
            [ARAGHCHI, MIRZOYAN],
            day=date(2024, 5, 1),
            city=("تهران", "Tehran", "IR"),
            topics=(["caucasus"], ["karabakh"]),
        ),
        _article(
            "a-2",
            "وزیر امور خارجه عربستان سعودی با عراقچی تلفنی درباره غزه گفت‌وگو کرد.",
            [SAUDI_FM, ARAGHCHI],
            day=None,
            kind="phone",
            topics=(["palestine"], ["gaza"]),
            published=date(2024, 9, 1),
        ),
        _article(
            "a-3",
            "عراقچی و لاوروف در مسکو درباره مذاکرات رایزنی کردند.",
            [ARAGHCHI, LAVROV],
            day=date(2024, 6, 9),
            city=("مسکو", "Moscow", "RU"),
            topics=(["negotiations"], []),
        ),
        _article(
            "a-4",
            "دیدار عراقچی و لاوروف در مسکو.",
            [ARAGHCHI, LAVROV],
            day=date(2024, 6, 9),
            city=("مسکو", "Moscow", "RU"),
            topics=(["negotiations"], []),
            published=date(2024, 6, 10),
        ),
        _article(
            "a-5",
            "لاوروف و بایراموف در باکو درباره دالان زنگزور گفت‌وگو کردند.",
            [LAVROV, BAYRAMOV],
            day=date(2024, 7, 15),
            city=("باکو", "Baku", "AZ"),
            topics=(["caucasus"], ["zangezur"]),
        ),
        _article(
            "a-6",
            "نشست سه‌جانبه عراقچی، لاوروف و فیدان در استانبول.",
            [ARAGHCHI, LAVROV, FIDAN],
            day=date(2024, 8, 1),
            city=("استانبول", "Istanbul", "TR"),
            topics=(["caucasus"], ["format-3-3"]),
        ),
        _article(
            "a-7",
            "پزشکیان و میرزویان گفت‌وگوی ویدیویی خواهند داشت.",
            [PEZESHKIAN, MIRZOYAN],
            day=date(2023, 12, 1),
            kind="video",
            status="planned",
            topics=(["energy"], []),
        ),
    ]


def write_week(graph: Graph) -> None:
    write_extractions(graph, week())
