"""Boundary after source extraction: who published an article and whom it cites."""

import pandera.polars as pa
from pandera.typing.polars import Series

from schemas.vocabulary import values


class Citations(pa.DataFrameModel):
    """One (article, source, role) link."""

    article_id: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{16}$")
    source_id: Series[str] = pa.Field(str_length={"min_value": 1})
    name: Series[str] = pa.Field(str_length={"min_value": 1})
    kind: Series[str] = pa.Field(isin=values("source_kinds"))
    role: Series[str] = pa.Field(isin=values("citation_roles"))
    domain: Series[str] = pa.Field(nullable=True)
    country_code: Series[str] = pa.Field(nullable=True, str_matches=r"^[A-Z]{3}$")

    class Config:
        strict = False
