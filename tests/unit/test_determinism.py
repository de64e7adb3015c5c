"""The extractor gives the same output in every process, whatever order Python's hash seed gives sets."""

import json
import os
import subprocess
import sys

from ingest.mentions import singular_words
from ingest.normalize import normalize
from ingest.segment import split_sentences

# Sentences the team wrote; the first hit the one plural two title forms share ("سخنگویان").
TEXTS = [
    "سخنگویان ارتش و سپاه امروز در دیدار با یکدیگر بر همکاری رسانه‌ای تأکید کردند.",
    "وزیر کشور امروز در نشستی با استانداران و فرمانداران سراسر کشور درباره انتخابات گفت‌وگو کرد.",
    "رئیس‌جمهور در تماس‌های تلفنی جداگانه با رهبران قطر و عمان درباره آتش‌بس گفت‌وگو کرد.",
]

_EXTRACT = """
import json, sys
from ingest.model import Article
from ingest.pipeline import extract
texts = json.loads(sys.argv[1])
print(json.dumps([extract(Article(id=str(i), text=t)).model_dump(mode="json") for i, t in enumerate(texts)]))
"""


def _run(seed: str) -> list[dict]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", _EXTRACT, json.dumps(TEXTS, ensure_ascii=False)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return json.loads(done.stdout)


def test_two_processes_with_other_hash_seeds_extract_the_same() -> None:
    assert _run("1") == _run("3")


def test_a_plural_two_title_forms_share_is_the_shorter_ones() -> None:
    (sentence,) = split_sentences(normalize("سخنگویان ارتش دیدار کردند"))
    words, plural_at = singular_words(sentence)
    assert words[0] == "سخنگو" and 0 in plural_at
