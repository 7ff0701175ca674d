"""The batch pipeline as plain functions: raw articles in, validated stage frames out.

Prefect tasks in ``flows/etl.py`` wrap these same functions; ``warta extract``
and the benchmarks call them directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from flows.actors import actor_mentions
from flows.clean import article_citations, clean_articles
from flows.events import extract_events
from flows.quarantine import quarantine_frame
from schemas.actor_mentions import ActorMentions, Actors
from schemas.citations import Citations
from schemas.clean_articles import CleanArticles
from schemas.events import Events
from schemas.raw_articles import RawArticles
from schemas.validate import validate_split

LEDGER_SCHEMA = {"record_key": pl.String, "raw_hash": pl.String, "outcome": pl.String, "article_id": pl.String}


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


def ledger_keys(raw: pl.DataFrame) -> pl.Series:
    """The ledger key of each raw document: its file, or file and id for JSONL documents."""
    return raw.select(
        pl.when(pl.col("format").str.starts_with("jsonl"))
        .then(pl.col("source_file").str.replace(r":\d+$", "") + "#" + pl.col("doc_id"))
        .otherwise(pl.col("source_file"))
        .alias("record_key")
    ).to_series()


def new_documents(raw: pl.DataFrame, known: dict[str, str] | None) -> tuple[pl.DataFrame, int]:
    """Drop documents whose content hash matches the ledger; return them and how many were unchanged."""
    raw = raw.with_columns(ledger_keys(raw))
    if not known:
        return raw, 0
    seen = pl.DataFrame({"record_key": list(known), "known_hash": list(known.values())}, schema={"record_key": pl.String, "known_hash": pl.String})
    fresh = raw.join(seen, on="record_key", how="left").filter(
        pl.col("known_hash").is_null() | (pl.col("known_hash") != pl.col("raw_hash"))
    )
    return fresh.drop("known_hash"), raw.height - fresh.height


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
    clean, invalid = validate_split(clean, CleanArticles, "clean_articles", "source_file")
    first = clean.select(pl.col("article_id").is_first_distinct()).to_series()
    duplicates = clean.filter(~first).select(
        pl.lit("clean_articles").alias("stage"),
        pl.col("source_file").alias("record_key"),
        pl.format("duplicate document: same article_id {} as an earlier document of this batch", pl.col("article_id")).alias("reason"),
        pl.lit(None, dtype=pl.String).alias("payload"),
    )
    return clean.filter(first), pl.concat([bad, invalid, duplicates])


def extract_batch(clean: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Run citations, actors and events on clean articles: ``(citations, mentions, actors, events, quarantine)``.

    Invalid extracted records are quarantined one by one; their article still loads.
    """
    citations, q_cit = validate_split(article_citations(clean), Citations, "citations", "article_id")
    mentions, actors = actor_mentions(clean)
    mentions, q_men = validate_split(mentions, ActorMentions, "actor_mentions", "article_id")
    actors, q_act = validate_split(actors, Actors, "actors", "actor_id")
    events, q_evt = validate_split(extract_events(clean, mentions, actors), Events, "events", "event_id")
    return citations, mentions, actors, events, pl.concat([q_cit, q_men, q_act, q_evt])


def document_ledger(raw: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """What each raw document of the batch became: an article, or quarantined."""
    if raw.is_empty():
        return pl.DataFrame(schema=LEDGER_SCHEMA)
    loaded = articles.select("source_file", "article_id")
    return (
        raw.select("record_key", "raw_hash", "source_file")
        .join(loaded, on="source_file", how="left")
        .select(
            "record_key",
            "raw_hash",
            pl.when(pl.col("article_id").is_null()).then(pl.lit("quarantined")).otherwise(pl.lit("article")).alias("outcome"),
            "article_id",
        )
    )


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
