"""Staging: each batch writes its frames as Parquet partitions, loaded later in one transaction.

The staging folder doubles as a Parquet lake that DuckDB can query directly:
``SELECT * FROM read_parquet('<stage>/articles/*.parquet')``.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

STAGED_TABLES = ("articles", "citations", "actors", "mentions", "events", "quarantine", "documents")


def write_batch(stage_dir: Path | str, batch: int, frames: dict[str, pl.DataFrame]) -> dict[str, int]:
    """Write one batch's frames to ``stage_dir/<table>/part-<batch>.parquet``; return row counts."""
    counts: dict[str, int] = {}
    for table, frame in frames.items():
        if table not in STAGED_TABLES:
            raise ValueError(f"unknown staged table {table!r}")
        folder = Path(stage_dir) / table
        folder.mkdir(parents=True, exist_ok=True)
        frame.with_columns(pl.lit(batch, dtype=pl.Int32).alias("_batch")).write_parquet(
            folder / f"part-{batch:06d}.parquet"
        )
        counts[table] = frame.height
    return counts


def staged_files(stage_dir: Path | str, table: str) -> list[str]:
    """Return the Parquet partitions staged for ``table``, in batch order."""
    return sorted(str(p) for p in (Path(stage_dir) / table).glob("part-*.parquet"))
