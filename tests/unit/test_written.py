"""Names back in the article's own spelling, for the eval contract."""

import pytest

from ingest.normalize import normalize
from ingest.written import as_written, surname_as_written


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("رئیس جمهور محمود احمدي نژاد امروز گفت", "محمود احمدي نژاد"),  # space and Arabic ye
        ("رئیس جمهور محمود احمدی‌نژاد امروز گفت", "محمود احمدی‌نژاد"),  # as normalised
        ("رئیس جمهور محمود احمدینژاد امروز گفت", "محمود احمدینژاد"),  # run together
        ("محمود احمدی نژاد (رئیس جمهور) امروز گفت", "محمود احمدی نژاد"),  # no space taken before "("
    ],
)
def test_a_name_in_the_texts_spelling(raw: str, expected: str) -> None:
    assert as_written(raw, "محمود احمدی‌نژاد") == expected


def test_the_normalised_name_of_a_raw_text_is_found_in_it() -> None:
    raw = "ديدار آيت الله خامنه اي با نخست وزير ژاپن"
    name = normalize("خامنه اي")
    assert as_written(raw, name) == "خامنه اي"


def test_a_name_the_text_does_not_write_is_not_found() -> None:
    assert as_written("وزیر خارجه ایران امروز گفت", "عباس عراقچی") is None
    assert as_written("محمدرضا نعمت‌زاده گفت", "نعمت") is None  # only whole words


def test_a_title_the_normaliser_ran_together() -> None:
    assert as_written("ینس استولتنبرگ دبیر کل ناتو گفت", "دبیرکل") == "دبیر کل"


def test_the_articles_spelling_of_a_surname() -> None:
    assert surname_as_written("نجیفی در این دیدار گفت", "اسامه النجیفی") == "نجیفی"
    assert surname_as_written("وزیر خارجه عراق گفت", "هوشیار زیباری") is None
