"""The cleaning stage: raw articles in, clean articles and their sources out.

``clean_articles(raw)`` returns one row per input row (``clean_error`` says why a
row cannot be used); ``article_citations(clean)`` lists who published and whom
each article cites. Both are pure functions on polars frames.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from warta.clean.article import clean_document
from warta.clean.duplicates import find_duplicates
from warta.clean.ids import article_id as _article_id
from warta.clean.ids import content_hash
from warta.clean.sources import article_citations
from warta.settings import get_settings

__all__ = ["clean_articles", "article_citations", "mark_duplicates", "CLEAN_SCHEMA"]

CLEAN_SCHEMA: dict[str, pl.DataType] = {
    "article_id": pl.String,
    "doc_id": pl.String,
    "source_file": pl.String,
    "url": pl.String,
    "title": pl.String,
    "published_at": pl.Datetime("us", "UTC"),
    "published_precision": pl.String,
    "outlet_id": pl.String,
    "dateline": pl.String,
    "editor": pl.String,
    "language": pl.String,
    "body": pl.String,
    # article, photo or video: a photo or video page's body is its captions.
    "page_kind": pl.String,
    "content_hash": pl.String,
    "duplicate_of": pl.String,
    # Evidence for article_citations: credits and "Sumber:" notes taken out of the body.
    "photo_credits": pl.List(pl.String),
    "source_notes": pl.List(pl.String),
    "clean_error": pl.String,
}


def _failed(rec: dict, error: str) -> dict:
    text = rec.get("text") or rec.get("html") or ""
    return {
        "article_id": _article_id(rec.get("url"), text),
        "title": None, "published_at": None, "published_precision": None, "outlet_id": None,
        "dateline": None, "editor": None, "language": "id", "body": "", "page_kind": "article",
        "photo_credits": [], "source_notes": [], "clean_error": error,
    }


def clean_articles(raw: pl.DataFrame) -> pl.DataFrame:
    """Clean a batch of raw articles: one output row per input row, in input order.

    Columns: see ``CLEAN_SCHEMA`` (docs/architecture.md "clean_articles", plus
    ``photo_credits``, ``source_notes`` and ``clean_error``). A row that cannot be
    cleaned keeps its ids and carries the reason in ``clean_error``.
    """
    settings = get_settings()
    rows = []
    for rec in raw.iter_rows(named=True):
        try:
            out = clean_document(rec, settings.min_body_chars)
        except Exception as exc:  # a bad document must not stop the batch
            out = _failed(rec, f"cleaning failed: {type(exc).__name__}: {exc}")
        if out["clean_error"] is None and len(out["body"]) > settings.max_body_chars:
            out["clean_error"] = f"body longer than max_body_chars ({len(out['body'])} > {settings.max_body_chars})"
        out["doc_id"] = rec.get("doc_id") or out["article_id"]
        out["source_file"] = rec.get("source_file") or ""
        out["url"] = out.get("url") or rec.get("url")  # a saved page knows its own address
        out["content_hash"] = content_hash(out["body"])
        rows.append(out)

    for r in rows:
        r["duplicate_of"] = None
    return mark_duplicates(pl.DataFrame(rows, schema=CLEAN_SCHEMA).select(list(CLEAN_SCHEMA)))


def mark_duplicates(clean: pl.DataFrame) -> pl.DataFrame:
    """Set ``duplicate_of`` of each near-duplicate to the earliest article it repeats.

    Rows with a ``clean_error`` take no part. Earliest means first published (undated
    last), then smallest article_id. Run again after rows are dropped, so that no
    article points at one that is gone.
    """
    settings = get_settings()
    ok = clean.with_row_index("__row")
    if "clean_error" in clean.columns:
        ok = ok.filter(pl.col("clean_error").is_null())
    far_future = dt.datetime.max.replace(tzinfo=dt.timezone.utc)
    dup = find_duplicates(
        ok["article_id"].to_list(),
        ok["body"].to_list(),
        ok["content_hash"].to_list(),
        [(p or far_future, a) for p, a in zip(ok["published_at"].to_list(), ok["article_id"].to_list())],
        settings.near_duplicate_threshold,
    )
    marks = dict(zip(ok["__row"].to_list(), dup))
    values = [marks.get(i) for i in range(clean.height)]
    return clean.with_columns(pl.Series("duplicate_of", values, dtype=pl.String))
