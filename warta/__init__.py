"""Warta: Indonesian online news turned into an auditable PLOVER event database.

This package is the library: every stage is a plain function over polars frames, and
runs without Prefect or a database.

======================  ==========================================================
``warta.ingest``        files, folders, globs, JSONL, stdin -> ``raw_articles``
``warta.clean``         ``raw_articles`` -> ``clean_articles``, ``article_citations``
``warta.actors``        ``clean_articles`` -> ``actor_mentions``, ``actors``
``warta.events``        clean articles + mentions -> ``events``, event clusters
``warta.pipeline``      one batch through every stage, validated by ``schemas/``
``warta.text``          shared text tools: sentences, dates, decoding
``warta.settings``      the one settings object (``WARTA_*`` variables)
``warta.lexicon``       loading the user-extendable word lists of ``warta/lexicons/``
``warta.cli``           the ``warta`` command
======================  ==========================================================

Orchestration (the Prefect flow, its tasks, serving, the run report) lives in
``flows/``; the pandera contracts in ``schemas/``; DuckDB in ``warehouse/``.

Example::

    import warta
    for raw, quarantine in warta.raw_articles(["seeds/"], batch_size=100, max_file_bytes=10**7):
        result = warta.process_batch(raw, quarantine)
        print(result.events.select("event_type", "sentence"))
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = [
    "actor_mentions", "article_citations", "assign_clusters", "clean_articles", "extract_events",
    "get_settings", "process_batch", "raw_articles",
]

# Imported on first use: `warta --help` and `import warta.settings` stay fast.
_HOMES = {
    "actor_mentions": "warta.actors",
    "article_citations": "warta.clean",
    "assign_clusters": "warta.events",
    "clean_articles": "warta.clean",
    "extract_events": "warta.events",
    "get_settings": "warta.settings",
    "process_batch": "warta.pipeline",
    "raw_articles": "warta.ingest",
}

if TYPE_CHECKING:  # pragma: no cover
    from warta.actors import actor_mentions
    from warta.clean import article_citations, clean_articles
    from warta.events import assign_clusters, extract_events
    from warta.ingest import raw_articles
    from warta.pipeline import process_batch
    from warta.settings import get_settings


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        import importlib

        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'warta' has no attribute {name!r}")
