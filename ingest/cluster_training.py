"""Builds the word classes of `ingest.clusters` from raw, unannotated news: words that stand in the same
company (the words one and two places before and after them) fall in one class.

`didar train clusters` runs `train(config)`; the config (`ingest/models/clusters.json`) names the corpus,
the items left out (blind's, which nothing the extractor learns from may read) and the sizes. Each word
of the vocabulary gets a vector of its neighbours' counts (one block per offset), weighed by positive
pointwise mutual information, reduced by a seeded randomised SVD and grouped by spherical k-means at each
configured number of classes. numpy is needed here only, not by the extractor.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from ingest.normalize import normalize
from ingest.segment import is_punctuation, split_sentences
from ingest.training_data import jsonl

_OFFSETS = (-2, -1, 1, 2)
_EDGE = "<s>"  # the context beyond a sentence's ends


def _sentences(config: dict, root: Path) -> Iterator[tuple[str, ...]]:
    left_out: set[str] = set()
    for ids in config.get("exclude", []):
        lines = (root / ids).read_text(encoding="utf-8").splitlines()[1:]
        left_out.update(line.split("\t", 1)[0] for line in lines if line)
    for item in jsonl(root / config["corpus"]):
        if item["id"] in left_out:
            continue
        text = normalize(f"{item.get('title') or ''}\n{item.get('text') or ''}")
        for sentence in split_sentences(text):
            yield sentence.words


def _is_word(token: str) -> bool:
    return not is_punctuation(token) and not any(character.isdigit() for character in token)


def _cooccurrence(sentences: list[tuple[str, ...]], vocabulary: dict[str, int], contexts: dict[str, int]):
    """Counts of each vocabulary word (rows) with each context word at each offset (one column block
    per offset; the last column of a block stands for every other word)."""
    width = len(contexts) + 1
    cells: list[np.ndarray] = []
    rows, columns = [], []
    for words in sentences:
        padded = (_EDGE, _EDGE, *words, _EDGE, _EDGE)
        for index in range(2, len(padded) - 2):
            row = vocabulary.get(padded[index])
            if row is None:
                continue
            for block, offset in enumerate(_OFFSETS):
                rows.append(row)
                columns.append(block * width + contexts.get(padded[index + offset], width - 1))
        if len(rows) > 5_000_000:
            cells.append(np.asarray(rows, dtype=np.int64) * (len(_OFFSETS) * width) + np.asarray(columns))
            rows, columns = [], []
    cells.append(np.asarray(rows, dtype=np.int64) * (len(_OFFSETS) * width) + np.asarray(columns))
    size = len(vocabulary) * len(_OFFSETS) * width
    counts = np.zeros(size, dtype=np.float64)
    for chunk in cells:
        counts += np.bincount(chunk, minlength=size)
    return counts.reshape(len(vocabulary), len(_OFFSETS) * width)


def _ppmi(counts: np.ndarray, smoothing: float) -> np.ndarray:
    """Positive pointwise mutual information, with the context distribution smoothed (counts raised to
    `smoothing`), which keeps rare contexts from dominating."""
    total = counts.sum()
    words = counts.sum(axis=1, keepdims=True) / total
    contexts = counts.sum(axis=0) ** smoothing
    contexts = contexts / contexts.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log((counts / total) / (words * contexts[None, :]))
    return np.nan_to_num(np.maximum(pmi, 0.0), posinf=0.0, neginf=0.0).astype(np.float32)


def _reduce(matrix: np.ndarray, dimensions: int, rng: np.random.Generator) -> np.ndarray:
    """A randomised SVD (two power iterations): the rows in the top `dimensions` singular directions,
    scaled by the square root of their singular values, each row of unit length."""
    projection = matrix @ rng.standard_normal((matrix.shape[1], dimensions + 20), dtype=np.float32)
    for _ in range(2):
        projection, _r = np.linalg.qr(projection)
        projection = matrix @ (matrix.T @ projection)
    basis, _r = np.linalg.qr(projection)
    left, values, _v = np.linalg.svd(basis.T @ matrix, full_matrices=False)
    vectors = (basis @ left[:, :dimensions]) * np.sqrt(values[:dimensions])
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)


def _kmeans(vectors: np.ndarray, classes: int, iterations: int, rng: np.random.Generator) -> np.ndarray:
    """Spherical k-means from a k-means++ start: each row's class."""
    centres = [vectors[rng.integers(len(vectors))]]
    distance = 1.0 - vectors @ centres[0]
    for _ in range(classes - 1):
        weights = np.maximum(distance, 0.0) ** 2
        centre = vectors[rng.choice(len(vectors), p=weights / weights.sum())]
        centres.append(centre)
        distance = np.minimum(distance, 1.0 - vectors @ centre)
    means = np.stack(centres)
    assigned = np.zeros(len(vectors), dtype=np.int64)
    for _ in range(iterations):
        assigned = np.argmax(vectors @ means.T, axis=1)
        for index in range(classes):
            members = vectors[assigned == index]
            if len(members):
                mean = members.sum(axis=0)
                means[index] = mean / max(float(np.linalg.norm(mean)), 1e-12)
    return assigned


def build(config: dict, root: Path) -> tuple[dict[str, list[int]], dict[str, object]]:
    """Each vocabulary word's class at each configured size, and figures on the build."""
    sentences = list(_sentences(config, root))
    frequency = Counter(word for words in sentences for word in words)
    common = [word for word, count in frequency.most_common() if count >= config["min_count"]]
    words = [word for word in common if _is_word(word)][: config["vocabulary"]]
    vocabulary = {word: index for index, word in enumerate(words)}
    contexts = {word: index for index, word in enumerate([_EDGE, *common[: config["contexts"] - 1]])}
    counts = _cooccurrence(sentences, vocabulary, contexts)
    rng = np.random.default_rng(config["seed"])
    vectors = _reduce(_ppmi(counts, config["smoothing"]), config["dimensions"], rng)
    by_size = [_kmeans(vectors, size, config["iterations"], rng) for size in config["classes"]]
    classes = {word: [int(assigned[index]) for assigned in by_size] for word, index in vocabulary.items()}
    tokens = sum(frequency.values())
    report: dict[str, object] = {"sentences": len(sentences), "tokens": tokens, "words": len(classes)}
    return classes, report


def train(config_path: Path, root: Path, model_path: Path) -> dict[str, object]:
    """Build the classes and write them as TSV: word, then its class at each size."""
    config = json.loads(config_path.read_text(encoding="utf-8"))
    classes, report = build(config, root)
    model_path.parent.mkdir(parents=True, exist_ok=True)
    header = "\t".join(["word", *(f"class{size}" for size in config["classes"])])
    lines = [header, *("\t".join([word, *map(str, found)]) for word, found in sorted(classes.items()))]
    model_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return report
