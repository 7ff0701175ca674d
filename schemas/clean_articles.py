"""Boundary after cleaning: one row per article with its metadata and clean body."""

from typing import Optional

import pandera.polars as pa
import polars as pl
from pandera.typing.polars import Series

from schemas.vocabulary import values


class CleanArticles(pa.DataFrameModel):
    """A clean article; offsets of every later stage point into ``body``."""

    # Unique in a batch: a later document with the same id (same URL or body) is quarantined.
    article_id: Series[str] = pa.Field(unique=True, str_matches=r"^[0-9a-f]{16}$")
    doc_id: Series[str]
    source_file: Series[str]
    url: Series[str] = pa.Field(nullable=True)
    title: Series[str] = pa.Field(nullable=True, str_length={"min_value": 1, "max_value": 400})
    published_at: Series[pl.Datetime(time_unit="us", time_zone="UTC")] = pa.Field(nullable=True)
    published_precision: Series[str] = pa.Field(nullable=True, isin=values("published_precisions"))
    outlet_id: Series[str] = pa.Field(nullable=True)
    dateline: Series[str] = pa.Field(nullable=True)
    editor: Series[str] = pa.Field(nullable=True)
    language: Series[str] = pa.Field(str_length={"min_value": 2, "max_value": 3})
    body: Series[str] = pa.Field(str_length={"min_value": 1})
    # article, photo or video: a photo or video page's body is its captions. Optional, so
    # that frames staged before the column existed still validate.
    page_kind: Optional[Series[str]] = pa.Field(isin=values("page_kinds"))
    content_hash: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{64}$")
    duplicate_of: Series[str] = pa.Field(nullable=True, str_matches=r"^[0-9a-f]{16}$")

    @pa.check("published_at", error="published_at before 1900 or in the future")
    def plausible_publish_time(cls, data) -> bool:  # noqa: N805
        """A publish time lies between 1900 and a day after now."""
        from datetime import datetime, timedelta, timezone

        latest = datetime.now(timezone.utc) + timedelta(days=1)
        col = pl.col(data.key)
        return data.lazyframe.select(
            col.is_null() | ((col.dt.year() >= 1900) & (col <= pl.lit(latest)))
        )

    class Config:
        strict = False
