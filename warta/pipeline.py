"""The batch pipeline as plain functions: raw articles in, validated stage frames out.

Each stage is validated by the pandera model of the frame it produces (``schemas/``);
failing rows become quarantine rows with the reason. The Prefect tasks of
``flows/etl.py`` wrap these same functions; ``warta extract`` and the benchmark call
them directly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import polars as pl

from schemas.actor_mentions import ActorMentions, Actors
from schemas.citations import Citations
from schemas.clean_articles import CleanArticles
from schemas.events import Events
from schemas.raw_articles import RawArticles
from schemas.relations import related_frames
from schemas.validate import validate_split
from warta.actors import actor_mentions
from warta.clean import article_citations, clean_articles, mark_duplicates
from warta.events import extract_events
from warta.ingest.ledger import document_ledger, new_documents
from warta.quarantine import quarantine_frame


@dataclass
class BatchResult:
    """Every frame one batch produces, ready to stage, plus its document accounting."""

    articles: pl.DataFrame
    citations: pl.DataFrame
    mentions: pl.DataFrame
    actors: pl.DataFrame
    events: pl.DataFrame
    quarantine: pl.DataFrame
    documents: pl.DataFrame
    counts: dict[str, int] = field(default_factory=dict)

    def frames(self) -> dict[str, pl.DataFrame]:
        """The frames to stage, keyed by staged table name."""
        return {
            "articles": self.articles,
            "citations": self.citations,
            "mentions": self.mentions,
            "actors": self.actors,
            "events": self.events,
            "quarantine": self.quarantine,
            "documents": self.documents,
        }


def raw_quarantine_split(raw: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Validate raw articles; failing documents go to quarantine."""
    return validate_split(raw, RawArticles, "raw_articles", "source_file")


def validated_clean_articles(raw: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Clean raw articles; documents that cannot be cleaned or fail validation go to quarantine."""
    if raw.is_empty():
        return clean_articles(raw), quarantine_frame()
    clean = clean_articles(raw)
    failed = clean.filter(pl.col("clean_error").is_not_null())
    bad = failed.select(
        pl.lit("clean_articles").alias("stage"),
        pl.col("source_file").alias("record_key"),
        pl.col("clean_error").alias("reason"),
        pl.lit(None, dtype=pl.String).alias("payload"),
    )
    clean = clean.filter(pl.col("clean_error").is_null()).drop("clean_error")
    # CleanArticles says article_id is unique: a later document with the same URL or body is quarantined.
    clean, invalid = validate_split(clean, CleanArticles, "clean_articles", "source_file")
    if not clean.filter(pl.col("duplicate_of").is_not_null() & ~pl.col("duplicate_of").is_in(clean["article_id"].implode())).is_empty():
        clean = mark_duplicates(clean)  # a near-duplicate's original was quarantined: mark again without it
    return clean, pl.concat([bad, invalid])


def extract_batch(
    clean: pl.DataFrame, lap: Callable[[str], None] | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Run citations, actors and events on clean articles: ``(citations, mentions, actors, events, quarantine)``.

    Invalid extracted records are quarantined one by one, and so are records whose
    references do not resolve within the batch; their article still loads. ``lap``, if
    given, is called with "sources", "actors" and "events" as each stage ends (the
    benchmark times the stages with it).
    """
    lap = lap or (lambda stage: None)
    citations, q_cit = validate_split(article_citations(clean), Citations, "citations", "article_id")
    lap("sources")
    mentions, actors = actor_mentions(clean)
    mentions, q_men = validate_split(mentions, ActorMentions, "actor_mentions", "article_id")
    actors, q_act = validate_split(actors, Actors, "actors", "actor_id")
    lap("actors")
    events, q_evt = validate_split(extract_events(clean, mentions, actors), Events, "events", "event_id")
    related, q_rel = related_frames({"articles": clean, "actors": actors, "citations": citations,
                                     "mentions": mentions, "events": events})
    lap("events")
    return related["citations"], related["mentions"], actors, related["events"], pl.concat([q_cit, q_men, q_act, q_evt, q_rel])


def clean_batch(
    raw: pl.DataFrame, ingest_quarantine: pl.DataFrame, known: dict[str, str] | None = None
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, dict[str, int]]:
    """Skip unchanged documents, validate, clean and de-duplicate one batch.

    Returns ``(raw, clean, quarantine, counts)``; ``raw`` keeps only new or
    changed documents, with their ledger key.
    """
    documents_in = raw.height + ingest_quarantine.height
    raw, unchanged = new_documents(raw, known)
    raw_ok, q_raw = raw_quarantine_split(raw)
    clean, q_clean = validated_clean_articles(raw_ok)
    counts = {
        "documents_in": documents_in,
        "unchanged": unchanged,
        "raw_articles": raw.height,
        "clean_articles": clean.height,
        "quarantined_documents": ingest_quarantine.height + q_raw.height + q_clean.height,
    }
    return raw, clean, pl.concat([ingest_quarantine, q_raw, q_clean]), counts


def batch_result(cleaned: tuple, extracted: tuple) -> BatchResult:
    """Assemble one batch's frames and counts from ``clean_batch`` and ``extract_batch`` results."""
    raw, clean, q_docs, counts = cleaned
    citations, mentions, actors, events, q_records = extracted
    counts = {**counts, "mentions": mentions.height, "events": events.height,
              "citations": citations.height, "records_quarantined": q_records.height}
    return BatchResult(
        clean, citations, mentions, actors, events,
        pl.concat([q_docs, q_records]), document_ledger(raw, clean), counts,
    )


def process_batch(raw: pl.DataFrame, ingest_quarantine: pl.DataFrame, known: dict[str, str] | None = None) -> BatchResult:
    """Run one batch through every stage after ingest, as plain functions."""
    cleaned = clean_batch(raw, ingest_quarantine, known)
    return batch_result(cleaned, extract_batch(cleaned[1]))
