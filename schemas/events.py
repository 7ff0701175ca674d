"""Boundary after event coding: PLOVER events with actors, date, place and evidence."""

import pandera.polars as pa
import polars as pl
from pandera.typing.polars import Series

EVENT_TYPES = [
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    "DISAPPROVE",
]


class Events(pa.DataFrameModel):
    """One coded event, with the sentence it was read from."""

    event_id: Series[str] = pa.Field(unique=True, str_length={"min_value": 1})
    article_id: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{16}$")
    event_type: Series[str] = pa.Field(isin=EVENT_TYPES)
    mode: Series[str] = pa.Field(nullable=True)
    context: Series[str] = pa.Field(nullable=True)
    cameo_root: Series[str] = pa.Field(nullable=True, str_matches=r"^\d{2}$")
    quad_class: Series[int] = pa.Field(nullable=True, isin=[1, 2, 3, 4])
    actor1_id: Series[str] = pa.Field(nullable=True)
    actor2_id: Series[str] = pa.Field(nullable=True)
    event_date: Series[pl.Date] = pa.Field(nullable=True)
    date_precision: Series[str] = pa.Field(nullable=True)
    sentence_id: Series[int] = pa.Field(ge=0)
    sentence: Series[str] = pa.Field(str_length={"min_value": 1})
    confidence: Series[float] = pa.Field(ge=0.0, le=1.0)

    @pa.check("event_date", error="event_date before 1900")
    def plausible_event_date(cls, data) -> bool:  # noqa: N805
        """Event dates are not before 1900."""
        col = pl.col(data.key)
        return data.lazyframe.select(col.is_null() | (col.dt.year() >= 1900))

    class Config:
        strict = False
