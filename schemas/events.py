"""Boundary after event coding: PLOVER events with actors, date, place and evidence."""

import pandera.polars as pa
import polars as pl
from pandera.typing.polars import Series

from schemas.vocabulary import values


class Events(pa.DataFrameModel):
    """One coded event, with the sentence it was read from."""

    event_id: Series[str] = pa.Field(unique=True, str_length={"min_value": 1})
    article_id: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{16}$")
    event_type: Series[str] = pa.Field(isin=values("event_types"))
    mode: Series[str] = pa.Field(nullable=True, isin=values("event_modes"))
    context: Series[str] = pa.Field(nullable=True, isin=values("contexts"))
    cameo_root: Series[str] = pa.Field(nullable=True, str_matches=r"^\d{2}$")
    quad_class: Series[int] = pa.Field(nullable=True, isin=values("quad_classes"))
    actor1_id: Series[str] = pa.Field(nullable=True)
    actor2_id: Series[str] = pa.Field(nullable=True)
    event_date: Series[pl.Date] = pa.Field(nullable=True)
    date_precision: Series[str] = pa.Field(nullable=True, isin=values("date_precisions"))
    sentence_id: Series[int] = pa.Field(ge=0)
    sentence: Series[str] = pa.Field(str_length={"min_value": 1})
    confidence: Series[float] = pa.Field(ge=0.0, le=1.0)

    @pa.dataframe_check(error="actor2 is actor1")
    def distinct_actors(cls, data) -> bool:  # noqa: N805
        """An event does not have one actor on both sides."""
        return data.lazyframe.select(
            pl.col("actor1_id").is_null() | pl.col("actor2_id").is_null() | (pl.col("actor1_id") != pl.col("actor2_id"))
        )

    @pa.check("event_date", error="event_date before 1900")
    def plausible_event_date(cls, data) -> bool:  # noqa: N805
        """Event dates are not before 1900."""
        col = pl.col(data.key)
        return data.lazyframe.select(col.is_null() | (col.dt.year() >= 1900))

    class Config:
        strict = False
