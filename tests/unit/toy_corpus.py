"""A training source the team writes for a test: articles, their gold files and a config naming them."""

import json
from pathlib import Path


def write_source(folder: Path, articles: list[dict], golds: dict[str, dict], iterations: int) -> Path:
    """Write the articles (JSONL), one gold file per id and a config that trains and evaluates on them
    (source name "toy"); return the config's path."""
    (folder / "gold").mkdir()
    for key, gold in golds.items():
        (folder / "gold" / f"{key}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    (folder / "articles.jsonl").write_text(
        "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8"
    )
    source = {"name": "toy", "articles": "articles.jsonl", "gold": "gold"}
    crf = {"c1": 0.0, "c2": 0.01, "max_iterations": iterations}
    config = {"crf": crf, "train": [source], "evaluate": [source]}
    (folder / "config.json").write_text(json.dumps(config), encoding="utf-8")
    return folder / "config.json"
