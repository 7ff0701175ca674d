"""Connections to the DuckDB warehouse: short-lived, retried when locked, schema applied."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

WAREHOUSE_DIR = Path(__file__).resolve().parent
DDL_DIR = WAREHOUSE_DIR / "ddl"
VIEWS_DIR = WAREHOUSE_DIR / "views"
# Files stay readable by the duckdb command-line tool from PyPI (1.5.x).
STORAGE_VERSION = "v1.5.0"
_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (.*?)(?: \(PID (\d+)\))?(?: by user (\S+))?\.?(?:\s|$)")


class WarehouseLockedError(RuntimeError):
    """Another process holds the warehouse file open."""


def sql_files(folder: Path) -> list[Path]:
    """Return the ``.sql`` files of ``folder`` in the order they are applied."""
    return sorted(folder.glob("*.sql"))


def apply_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table and view that is missing; safe to run any number of times."""
    from warehouse.migrations import check_not_newer, migrate

    check_not_newer(con)  # before any DDL: never touch a warehouse from a newer Warta
    for path in sql_files(DDL_DIR):
        con.execute(path.read_text(encoding="utf-8"))
    migrate(con)
    for path in sql_files(VIEWS_DIR):
        con.execute(path.read_text(encoding="utf-8"))


# A sandboxed connection has no file system access (no COPY TO, ATTACH, read_csv of
# arbitrary files) and a locked configuration, so SQL typed by a user cannot write anywhere.
SANDBOX = {"enable_external_access": False, "lock_configuration": True}


def _connect_once(db: Path, read_only: bool, sandbox: bool) -> duckdb.DuckDBPyConnection:
    if read_only:
        return duckdb.connect(str(db), read_only=True, config=dict(SANDBOX) if sandbox else {})
    if sandbox:
        raise ValueError("only read-only connections can be sandboxed")
    from warta.settings import get_settings

    return duckdb.connect(
        str(db),
        config={
            "storage_compatibility_version": STORAGE_VERSION,
            # Bounds a large load's memory (DuckDB spills to disk beyond it); order is never relied on.
            "memory_limit": get_settings().duckdb_memory_limit,
            "preserve_insertion_order": False,
        },
    )


def connect(
    db: Path | str,
    *,
    read_only: bool = False,
    retries: int = 5,
    backoff: float = 0.5,
    sandbox: bool = False,
) -> duckdb.DuckDBPyConnection:
    """Open ``db``, retrying with exponential backoff while another process holds its lock.

    ``sandbox=True`` (read-only connections only) also takes away file system
    access, so the SQL run on it cannot write any file either; see
    :func:`query_connection`. After ``retries`` attempts a
    :class:`WarehouseLockedError` names the holder of the lock.
    """
    db = Path(db)
    if read_only and not db.exists():
        raise FileNotFoundError(f"warehouse not found: {db} (run `warta run` first)")
    if not read_only:
        db.parent.mkdir(parents=True, exist_ok=True)
    delay = backoff
    for attempt in range(retries + 1):
        try:
            return _connect_once(db, read_only, sandbox)
        except (duckdb.IOException, duckdb.ConnectionException) as exc:
            if not _is_busy(exc):
                raise
            if attempt == retries:
                raise WarehouseLockedError(_lock_message(db, str(exc), retries)) from exc
            time.sleep(delay)
            delay *= 2
    raise AssertionError("unreachable")  # pragma: no cover


def query_connection(db: Path | str, *, retries: int = 5, backoff: float = 0.5) -> duckdb.DuckDBPyConnection:
    """A connection for SQL typed by a user (``warta query``): read-only and sandboxed.

    It cannot change the warehouse (read-only), cannot write or read other files
    (no ``COPY ... TO``, ``ATTACH``, ``read_csv``, extension installs) and cannot
    turn those settings back on.
    """
    return connect(db, read_only=True, retries=retries, backoff=backoff, sandbox=True)


def _is_busy(exc: Exception) -> bool:
    """A lock held by another process, or a connection of this process opened in the other mode."""
    text = str(exc).lower()
    return "lock" in text or "different configuration" in text


def _lock_message(db: Path, error: str, retries: int) -> str:
    holder = _LOCK_HOLDER.search(error)
    who = "another process"
    if "different configuration" in error:
        who = "another connection of this process (a concurrent flow run or report) opened in the other mode"
    if holder:
        who = holder.group(1)
        if holder.group(2):
            who += f" (PID {holder.group(2)})"
    return (
        f"warehouse {db} is locked by {who}, still after {retries} retries. "
        "Close that DuckDB session (a read-only connection in a notebook or the duckdb CLI blocks loads too), "
        "or point --db at another file, then run again. Nothing was written."
    )


@contextmanager
def session(db: Path | str, *, read_only: bool = False, retries: int = 5, backoff: float = 0.5) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short-lived connection that is always closed; writable sessions get the schema applied."""
    con = connect(db, read_only=read_only, retries=retries, backoff=backoff)
    try:
        if not read_only:
            apply_schema(con)
        yield con
    finally:
        con.close()
