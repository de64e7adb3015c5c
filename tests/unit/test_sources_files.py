"""Reading `didar ingest` inputs from files: JSONL lines, .txt and .html files and directories, with bad
inputs located."""

from pathlib import Path

import pytest

from worker.sources import Located, Problem
from worker.sources.files import count_files as count_inputs
from worker.sources.files import read_files as read_inputs


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_jsonl_lines_become_articles_and_bad_lines_problems_with_their_line(tmp_path: Path) -> None:
    source = _write(
        tmp_path / "news.jsonl",
        '{"id": "1", "title": "دیدار", "text": "متن یک", "published": "2024-05-01T08:00:00Z", "url": "u", '
        '"source": "irna"}\n'
        "\n"
        "{not json\n"
        '{"title": "بدون متن"}\n'
        '["a list"]\n'
        '{"text": "  "}\n'
        '{"id": 7, "text": "متن دو"}\n'
        '{"id": "caption", "title": "عراقچی با لاوروف دیدار کرد", "text": ""}\n',
    )

    items = list(read_inputs([source]))

    articles = [item for item in items if isinstance(item, Located)]
    problems = [str(item) for item in items if isinstance(item, Problem)]
    assert [(a.article.key, a.origin) for a in articles] == [
        ("1", f"{source}:1"),
        ("7", f"{source}:7"),
        ("caption", f"{source}:8"),  # a headline-only post (a Telegram caption) is an article
    ]
    assert str(articles[0].article.published) == "2024-05-01"
    assert problems == [
        f"{source}:3: invalid JSON: Expecting property name enclosed in double quotes (column 2)",
        f"{source}:4: text: Field required",
        f"{source}:5: not a JSON object",
        f"{source}:6: text: the article has neither title nor text",
    ]


def test_a_txt_file_has_its_title_on_the_first_line(tmp_path: Path) -> None:
    source = _write(tmp_path / "one.txt", "عنوان خبر\nخط اول متن.\nخط دوم متن.\n")

    [item] = read_inputs([source])

    assert isinstance(item, Located)
    assert item.article.title == "عنوان خبر"
    assert item.article.text == "خط اول متن.\nخط دوم متن."
    assert item.article.id is None and len(item.article.key) == 16  # keyed by a hash of the raw text


@pytest.mark.parametrize("content", ["", "\n\n", "  \n"])
def test_a_txt_file_with_neither_title_nor_text_is_a_problem(tmp_path: Path, content: str) -> None:
    [item] = read_inputs([_write(tmp_path / "empty.txt", content)])

    assert item == Problem(str(tmp_path / "empty.txt"), "text: the article has neither title nor text")


def test_a_txt_file_with_a_title_only_is_an_article(tmp_path: Path) -> None:
    [item] = read_inputs([_write(tmp_path / "caption.txt", "فقط عنوان\n")])

    assert isinstance(item, Located)
    assert (item.article.title, item.article.text) == ("فقط عنوان", "")


def test_directories_are_read_recursively_in_name_order(tmp_path: Path) -> None:
    _write(tmp_path / "b.jsonl", '{"text": "ب"}\n{"text": "پ"}\n')
    _write(tmp_path / "a" / "z.txt", "عنوان\nالف")
    _write(tmp_path / "notes.md", "ignored")

    items = list(read_inputs([tmp_path]))

    assert [item.article.text for item in items if isinstance(item, Located)] == ["الف", "ب", "پ"]
    assert count_inputs([tmp_path]) == 3


def test_missing_paths_and_other_suffixes_are_problems(tmp_path: Path) -> None:
    other = _write(tmp_path / "data.csv", "x")

    items = list(read_inputs([tmp_path / "missing.jsonl", other]))

    assert items == [
        Problem(str(tmp_path / "missing.jsonl"), "no such file or directory"),
        Problem(str(other), "not a .jsonl, .txt, .html, .htm, .xml, .rss, .atom file"),
    ]


def test_a_file_that_is_not_utf8_is_kept_with_its_losses_marked(tmp_path: Path) -> None:
    source = tmp_path / "latin.txt"
    source.write_bytes("عنوان\n".encode() + bytes(range(0x80, 0xA0)))

    [item] = read_inputs([source])

    assert isinstance(item, Located)  # the worker refuses it as undecodable, with the reason
    assert item.article.text.count("\ufffd") == 32


def test_a_saved_page_becomes_an_article_with_its_zwnj_kept(tmp_path: Path) -> None:
    page = (Path(__file__).parent.parent / "fixtures" / "web" / "pages" / "araghchi-yerevan.html").read_text()
    source = _write(tmp_path / "page.html", page.replace("{{base}}", "http://news.example"))

    [item] = read_inputs([source])

    assert isinstance(item, Located), item
    assert item.article.title == "دیدار عراقچی و میرزویان در ایروان"
    assert "گفت\u200cوگو" in item.article.text  # trafilatura alone would drop the ZWNJ
    assert "منوی سایت" not in item.article.text  # navigation is not article text
    assert str(item.article.published) == "2024-05-01"


def test_feed_files_need_a_fetcher(tmp_path: Path) -> None:
    source = _write(tmp_path / "feed.xml", "<rss/>")

    assert list(read_inputs([source])) == [
        Problem(str(source), "feed files need the web (their entries' pages are fetched)")
    ]
    assert count_inputs([tmp_path]) is None
