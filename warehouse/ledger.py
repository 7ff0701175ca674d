"""The ``documents`` ledger as stored in the warehouse: what earlier runs processed."""

from __future__ import annotations

from pathlib import Path

from warehouse.db import session


def read_ledger(db: Path) -> dict[str, str]:
    """Content hashes of the documents already processed into ``db`` (empty for a new warehouse)."""
    if not db.exists():
        return {}
    # Read-only, so a run can start while an analyst holds a read-only connection; only the load waits.
    with session(db, read_only=True) as con:
        if not con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'documents'").fetchone()[0]:
            return {}
        rows = con.execute("SELECT record_key, raw_hash FROM documents").fetchall()
    return dict(rows)
