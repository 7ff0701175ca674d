"""Staging: each batch writes its frames as Parquet partitions, loaded later in one transaction.

The staging folder doubles as a Parquet lake that DuckDB can query directly:
``SELECT * FROM read_parquet('<stage>/articles/*.parquet')``.
"""

from __future__ import annotations

import shutil
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


def publish_to_lake(stage_dir: Path | str, run_id: str, lake_dir: Path | None) -> None:
    """Keep the run's Parquet partitions in the lake as ``<lake>/<table>/run_id=<id>/part-*.parquet``.

    DuckDB reads the lake directly: ``read_parquet('<lake>/events/*/*.parquet', hive_partitioning=true)``.
    """
    if lake_dir is None:
        return
    for table_dir in Path(stage_dir).iterdir():
        if table_dir.is_dir() and table_dir.name in STAGED_TABLES:
            target = Path(lake_dir) / table_dir.name / f"run_id={run_id}"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(table_dir), str(target))
