"""Split a frame into rows that pass a pandera model and quarantine rows that say why."""

from __future__ import annotations

import pandera.errors as pa_errors
import pandera.polars as pa
import polars as pl

from warta.quarantine import quarantine_frame


def validate_split(
    frame: pl.DataFrame, model: type[pa.DataFrameModel], stage: str, key: str
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Validate ``frame`` against ``model``; return ``(valid_rows, quarantine_rows)``.

    Row-level failures quarantine only the failing rows, each with the checks it
    failed. A frame-level failure (missing column, wrong dtype) quarantines every
    row, since none of them can be trusted.
    """
    if frame.is_empty():
        return frame, quarantine_frame()
    frame = _cast_null_columns(frame, model)
    try:
        model.validate(frame, lazy=True)
        return frame, quarantine_frame()
    except pa_errors.SchemaErrors as exc:
        cases = exc.failure_cases
    except (pa_errors.SchemaError, pl.exceptions.PolarsError) as exc:
        return frame.clear(), _all_rows(frame, stage, key, f"{model.__name__}: {exc}")
    frame_level = cases.filter(pl.col("index").is_null())
    if frame_level.height:
        reason = "; ".join(
            f"{c['check']} ({c['column']})" for c in frame_level.select("check", "column").unique().to_dicts()
        )
        return frame.clear(), _all_rows(frame, stage, key, f"{model.__name__}: {reason}")
    row_cases = _later_duplicates_only(frame, cases)
    if row_cases.is_empty():
        return frame, quarantine_frame()
    reasons = (
        row_cases.with_columns(
            pl.when(pl.col("check") == UNIQUE)
            .then(pl.format("duplicate {}: an earlier row of this batch has the same value", pl.col("column")))
            .otherwise(pl.format("{} failed {}", pl.col("column").fill_null("row"), pl.col("check")))
            .alias("why")
        )
        .group_by("index")
        .agg(pl.col("why").unique().sort().str.join("; "))
    )
    bad_index = reasons["index"].cast(pl.UInt32)
    indexed = frame.with_row_index("__row")
    bad = indexed.join(reasons.with_columns(pl.col("index").cast(pl.UInt32)), left_on="__row", right_on="index")
    valid = indexed.filter(~pl.col("__row").is_in(bad_index.implode())).drop("__row")
    quarantine = bad.select(
        pl.lit(stage).alias("stage"),
        pl.col(key).cast(pl.String).alias("record_key"),
        pl.format("{}: {}", pl.lit(model.__name__), pl.col("why")).alias("reason"),
        pl.lit(None, dtype=pl.String).alias("payload"),
    )
    return valid, quarantine


UNIQUE = "field_uniqueness"


def _later_duplicates_only(frame: pl.DataFrame, row_cases: pl.DataFrame) -> pl.DataFrame:
    """Uniqueness failures without the first row of each value: the first stays valid.

    pandera's polars backend reports every row of a duplicated value; a contract that
    says "unique" is met by keeping the first and quarantining the later ones.
    """
    unique = row_cases.filter(pl.col("check") == UNIQUE)
    if unique.is_empty():
        return row_cases
    firsts = []
    for column in unique["column"].unique().to_list():
        first_rows = frame.select(pl.col(column).is_first_distinct()).to_series()
        firsts.append(pl.DataFrame({"column": column, "index": first_rows.arg_true().cast(pl.Int64)}))
    first = pl.concat(firsts).with_columns(pl.lit(True).alias("first"))
    marked = row_cases.with_columns(pl.col("index").cast(pl.Int64)).join(first, on=["column", "index"], how="left")
    return marked.filter(~((pl.col("check") == UNIQUE) & pl.col("first").fill_null(False))).drop("first")


def _all_rows(frame: pl.DataFrame, stage: str, key: str, reason: str) -> pl.DataFrame:
    keys = frame[key].cast(pl.String) if key in frame.columns else pl.Series([f"row {i}" for i in range(frame.height)])
    return quarantine_frame([{"stage": stage, "record_key": k, "reason": reason, "payload": None} for k in keys])


def _cast_null_columns(frame: pl.DataFrame, model: type[pa.DataFrameModel]) -> pl.DataFrame:
    """Give all-null columns (dtype Null) the dtype the model expects."""
    columns = model.to_schema().columns
    casts = [
        pl.col(name).cast(columns[name].dtype.type)
        for name, dtype in frame.schema.items()
        if dtype == pl.Null and name in columns and columns[name].dtype is not None
    ]
    return frame.with_columns(casts) if casts else frame
