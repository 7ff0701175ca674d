"""Boundary after actor extraction: mentions with offsets, and the actors they resolve to."""

import pandera.polars as pa
from pandera.typing.polars import Series

from schemas.vocabulary import values


class ActorMentions(pa.DataFrameModel):
    """One mention of an actor in an article's clean body."""

    article_id: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{16}$")
    actor_id: Series[str] = pa.Field(str_length={"min_value": 1})
    mention: Series[str] = pa.Field(str_length={"min_value": 1})
    start: Series[int] = pa.Field(ge=0)
    end: Series[int] = pa.Field(ge=1)
    sentence_id: Series[int] = pa.Field(ge=0)
    type: Series[str] = pa.Field(isin=values("mention_types"))
    role: Series[str] = pa.Field(nullable=True)

    @pa.dataframe_check(error="mention span is empty or reversed")
    def span_order(cls, data) -> bool:  # noqa: N805
        """``start`` lies before ``end``."""
        import polars as pl

        return data.lazyframe.select(pl.col("start") < pl.col("end"))

    class Config:
        strict = False


class Actors(pa.DataFrameModel):
    """One real-world actor, with a stable id."""

    actor_id: Series[str] = pa.Field(unique=True, str_length={"min_value": 1})
    name: Series[str] = pa.Field(str_length={"min_value": 1})
    actor_type: Series[str] = pa.Field(isin=values("actor_types"))
    country_code: Series[str] = pa.Field(nullable=True, str_matches=r"^[A-Z]{3}$")
    sector: Series[str] = pa.Field(nullable=True, isin=values("sectors"))

    class Config:
        strict = False
