"""Quarantine rows: every document or record that cannot go on, with the reason."""

from __future__ import annotations

import polars as pl

QUARANTINE_SCHEMA = {
    "stage": pl.String,
    "record_key": pl.String,
    "reason": pl.String,
    "payload": pl.String,
}


def quarantine_row(stage: str, record_key: str, reason: str, payload: bytes | str | None = None) -> dict:
    """Build one quarantine record; a bytes payload is decoded leniently for display."""
    if isinstance(payload, bytes):
        payload = payload.decode("utf-8", errors="replace")
    return {"stage": stage, "record_key": record_key, "reason": reason, "payload": payload}


def quarantine_frame(rows: list[dict] | None = None) -> pl.DataFrame:
    """Return quarantine rows as a frame with the quarantine schema (empty when no rows)."""
    return pl.DataFrame(rows or [], schema=QUARANTINE_SCHEMA)
