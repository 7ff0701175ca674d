"""The fetch ledger of ``warta crawl`` in the warehouse (table ``fetches``): read before a crawl, written after.

The statements are the ``.sql`` files of ``warehouse/crawl/``.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from warehouse.db import session
from warta.crawl.fetching import Validators
from warta.crawl.ledger import PriorFetch

CRAWL_SQL = Path(__file__).resolve().parent / "crawl"


def _sql(name: str) -> str:
    return (CRAWL_SQL / f"{name}.sql").read_text(encoding="utf-8")


def _has_fetches(con) -> bool:
    return bool(con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'fetches'").fetchone()[0])


class WarehouseFetchLedger:
    """The ``fetches`` table of ``db`` as a crawl's :class:`~warta.crawl.ledger.FetchLedger` (read-only)."""

    def __init__(self, db: Path | str, retries: int = 5, backoff: float = 0.5) -> None:
        self.db = Path(db)
        self.retries, self.backoff = retries, backoff

    def _rows(self, name: str, params: dict) -> list[tuple]:
        if not self.db.exists():
            return []
        # Read-only, so a crawl can start while an analyst holds a read-only connection.
        with session(self.db, read_only=True, retries=self.retries, backoff=self.backoff) as con:
            if not _has_fetches(con):
                return []
            return con.execute(_sql(name), params).fetchall()

    def prior(self, urls: list[str]) -> dict[str, PriorFetch]:
        """What the ledger knows of each of ``urls``."""
        if not urls:
            return {}
        known = {}
        for url, outcome, etag, last_modified, content_hash, fetched_at, archived in self._rows("prior_fetches", {"urls": urls}):
            validators = Validators(etag, last_modified, content_hash) if content_hash else None
            known[url] = PriorFetch(outcome, validators, fetched_at, archived)
        return known


def record_fetches(db: Path | str, rows: pl.DataFrame, retries: int = 5, backoff: float = 0.5) -> int:
    """Merge a crawl's ledger rows into ``fetches`` in one transaction; return how many rows were given."""
    if rows.is_empty():
        return 0
    with session(db, retries=retries, backoff=backoff) as con:
        con.register("crawl_fetches", rows.to_arrow())
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(_sql("record_fetches"))
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        finally:
            con.unregister("crawl_fetches")
    return rows.height


def unloaded_archives(db: Path | str, retries: int = 5, backoff: float = 0.5) -> list[str]:
    """WARC files with fetched pages that no ``warta run`` has read into ``db`` yet."""
    db = Path(db)
    if not db.exists():
        return []
    with session(db, read_only=True, retries=retries, backoff=backoff) as con:
        if not _has_fetches(con):
            return []
        return [r[0] for r in con.execute(_sql("unloaded_archives")).fetchall()]
