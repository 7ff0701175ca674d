"""Boundary after source extraction: who published an article and whom it cites."""

import pandera.polars as pa
from pandera.typing.polars import Series


class Citations(pa.DataFrameModel):
    """One (article, source, role) link."""

    article_id: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{16}$")
    source_id: Series[str] = pa.Field(str_length={"min_value": 1})
    name: Series[str] = pa.Field(str_length={"min_value": 1})
    kind: Series[str] = pa.Field(isin=["outlet", "news_agency", "broadcaster", "government", "igo", "other"])
    role: Series[str] = pa.Field(isin=["publisher", "cited", "photo"])
    domain: Series[str] = pa.Field(nullable=True)
    country_code: Series[str] = pa.Field(nullable=True)

    class Config:
        strict = False
