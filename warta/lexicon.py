"""Loading of the lexicon and gazetteer data files that users can extend.

Shipped files live in ``warta/lexicons/``. A file of the same name in
``Settings.user_lexicon_dir`` extends them: YAML lists are appended, YAML
mappings are merged (user keys win), TSV rows are appended.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import yaml

from warta.settings import get_settings


def lexicon_paths(name: str) -> list[Path]:
    """Return the shipped file ``name`` and the user's file of that name, where present."""
    settings = get_settings()
    paths = [settings.lexicon_dir / name]
    if settings.user_lexicon_dir is not None:
        paths.append(Path(settings.user_lexicon_dir) / name)
    return [p for p in paths if p.is_file()]


def load_yaml(name: str) -> Any:
    """Load a YAML lexicon, merged with the user's file of the same name."""
    merged: Any = None
    for path in lexicon_paths(name):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if merged is None:
            merged = data
        elif isinstance(merged, list) and isinstance(data, list):
            merged.extend(data)
        elif isinstance(merged, dict) and isinstance(data, dict):
            merged.update(data)
        else:
            raise ValueError(f"{path}: expected the same top-level type as the shipped {name}")
    if merged is None:
        raise FileNotFoundError(f"lexicon {name!r} not found in {get_settings().lexicon_dir}")
    return merged


def load_tsv(name: str) -> list[dict[str, str]]:
    """Load a TSV lexicon with a header row, plus the user's rows of the same file name."""
    rows: list[dict[str, str]] = []
    found = lexicon_paths(name)
    if not found:
        raise FileNotFoundError(f"lexicon {name!r} not found in {get_settings().lexicon_dir}")
    for path in found:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(
                (line for line in fh if line.strip() and not line.startswith("#")),
                delimiter="\t",
            )
            rows.extend(dict(r) for r in reader)
    return rows
