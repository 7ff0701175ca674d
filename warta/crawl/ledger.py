"""The fetch ledger's rows: one per URL and content version, and one for a URL's failure, skip or deferral.

A fetched page is keyed by its content hash, so each content version of a URL is
one row; asking again and finding it unchanged only moves that row's ``checked_at``.
A failed, skipped or deferred URL is one row of that outcome with its status and
reason, updated while it stays so. The warehouse keeps the rows (``fetches``, see
``warehouse/fetches.py``); this module only builds them and reads them back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

import polars as pl

from warta.crawl.fetching import Fetch, Validators

FETCH_SCHEMA = {
    "url": pl.String,
    "version": pl.String,  # the content hash of a fetched version; else the outcome
    "kind": pl.String,  # article, feed, sitemap
    "outcome": pl.String,  # fetched, unchanged, failed, skipped, deferred
    "status": pl.Int32,
    "reason": pl.String,
    "final_url": pl.String,
    "redirects": pl.List(pl.String),
    "content_type": pl.String,
    "bytes": pl.Int64,
    "content_hash": pl.String,
    "etag": pl.String,
    "last_modified": pl.String,
    "listed_in": pl.String,
    "listed_date": pl.Datetime("us", "UTC"),
    "warc_file": pl.String,
    "record_key": pl.String,
    "attempts": pl.Int32,
    "checked_at": pl.Datetime("us", "UTC"),
    "crawl_id": pl.String,
}


@dataclass(frozen=True)
class PriorFetch:
    """What the ledger knows of a URL: its latest outcome, and its last fetched version."""

    outcome: str
    validators: Validators | None = None  # of the newest fetched version
    fetched_at: datetime | None = None  # when a version was last fetched or found unchanged
    archived: str | None = None  # where that version is archived (a WARC record key)


class FetchLedger(Protocol):
    """Where a crawl reads what earlier crawls fetched (the warehouse, in ``flows/crawl.py``)."""

    def prior(self, urls: list[str]) -> dict[str, PriorFetch]:
        """What the ledger knows of each of ``urls`` that it has seen."""


class EmptyLedger:
    """A ledger that has seen nothing: a first crawl."""

    def prior(self, urls: list[str]) -> dict[str, PriorFetch]:
        """Nothing is known."""
        return {}


def fetch_row(fetch: Fetch, crawl_id: str, listed_in: str | None = None, listed_date: datetime | None = None,
              warc_file: str | None = None, record_key: str | None = None) -> dict:
    """The ledger row of one fetch (or deferral); ``version`` names the row it updates."""
    version = fetch.content_hash if fetch.outcome in ("fetched", "unchanged") and fetch.content_hash else fetch.outcome
    return {
        "url": fetch.url, "version": version, "kind": fetch.kind, "outcome": fetch.outcome,
        "status": fetch.status, "reason": fetch.reason, "final_url": fetch.final_url,
        "redirects": list(fetch.redirects), "content_type": fetch.content_type,
        "bytes": len(fetch.body) if fetch.body is not None else None, "content_hash": fetch.content_hash,
        "etag": fetch.etag, "last_modified": fetch.last_modified, "listed_in": listed_in,
        "listed_date": listed_date, "warc_file": warc_file, "record_key": record_key,
        "attempts": fetch.attempts, "checked_at": fetch.fetched_at, "crawl_id": crawl_id,
    }


def fetch_frame(rows: list[dict]) -> pl.DataFrame:
    """The ledger rows of a crawl as a frame (the warehouse's ``fetches`` columns)."""
    return pl.DataFrame(rows, schema=FETCH_SCHEMA) if rows else pl.DataFrame(schema=FETCH_SCHEMA)
