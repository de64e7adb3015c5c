#!/usr/bin/env python3
"""Are the shipped models what `didar train` builds today? Rebuilds each model of `ingest/models/` from
its config into a temporary file and compares it byte for byte with the shipped one.

    bench/models.py              # every model
    bench/models.py events       # one

The event model judges the events the rules find, the name tagger reads the lexicons and the word classes,
and the classes read the normaliser's words: a change to a rule, a lexicon or the normaliser can leave a
shipped model stale without any test failing. Exit status 1 when one is.
Needs `../shared` (the training data), like `didar train`.
"""

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.cli_train import SUFFIX, TRAINERS, Model  # noqa: E402

MODELS = ROOT / "ingest" / "models"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("models", nargs="*", choices=[model.value for model in Model], help="default: all")
    names = parser.parse_args().models or [model.value for model in Model]
    stale = []
    with tempfile.TemporaryDirectory() as folder:
        for name in names:
            file = f"{name}.{SUFFIX[Model(name)]}"
            rebuilt = Path(folder) / file
            TRAINERS[Model(name)](MODELS / f"{name}.json", ROOT, rebuilt)
            same = rebuilt.read_bytes() == (MODELS / file).read_bytes()
            print(f"{name:8s} {'the same' if same else 'STALE: run didar train ' + name}")
            if not same:
                stale.append(name)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
