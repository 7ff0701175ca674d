"""Boundary after ingest: one row per decoded input document."""

import pandera.polars as pa
from pandera.typing.polars import Series

from schemas.vocabulary import values


class RawArticles(pa.DataFrameModel):
    """A decoded input document with its provenance."""

    doc_id: Series[str] = pa.Field(str_length={"min_value": 1})
    source_file: Series[str] = pa.Field(str_length={"min_value": 1})
    url: Series[str] = pa.Field(nullable=True)
    format: Series[str] = pa.Field(isin=values("raw_formats"))
    text: Series[str] = pa.Field(nullable=True)
    html: Series[str] = pa.Field(nullable=True)
    title_hint: Series[str] = pa.Field(nullable=True)
    published_hint: Series[str] = pa.Field(nullable=True)
    raw_hash: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{64}$")

    @pa.dataframe_check(error="document has neither text nor html")
    def has_content(cls, data) -> bool:  # noqa: N805 - pandera passes the class
        """Each document carries text or HTML."""
        import polars as pl

        return data.lazyframe.select(pl.col("text").is_not_null() | pl.col("html").is_not_null())

    class Config:
        strict = False
