"""Versioned schema migrations, recorded in ``schema_version``.

``warehouse/ddl`` creates missing tables; every later change to an existing
table is a numbered ``NNNN_description.sql`` here. A warehouse gets each
migration it lacks, in order, each inside one transaction together with its
``schema_version`` row, so a crash mid-migration leaves the previous version.
Migrations run on new warehouses too, so each one must be idempotent
(``ADD COLUMN IF NOT EXISTS``, ``UPDATE ... WHERE new_column IS NULL``).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

MIGRATIONS_DIR = Path(__file__).resolve().parent


class SchemaTooNewError(RuntimeError):
    """The warehouse was written by a newer Warta than this one."""


def available(folder: Path = MIGRATIONS_DIR) -> list[tuple[int, str, Path]]:
    """Return ``(version, description, path)`` for every migration file of ``folder``, oldest first."""
    found = []
    for path in sorted(Path(folder).glob("[0-9][0-9][0-9][0-9]_*.sql")):
        number, _, name = path.stem.partition("_")
        found.append((int(number), name.replace("_", " "), path))
    return found


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The newest migration recorded in this warehouse (0 if none)."""
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]


def check_not_newer(con: duckdb.DuckDBPyConnection, folder: Path = MIGRATIONS_DIR) -> None:
    """Raise :class:`SchemaTooNewError` if the warehouse was written by a newer schema than ``folder`` knows."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version' "
        "AND table_schema = 'main' AND table_catalog = current_database()"
    ).fetchone()[0]
    if not exists:
        return
    have = current_version(con)
    newest = max((m[0] for m in available(folder)), default=0)
    if have > newest:
        raise SchemaTooNewError(
            f"the warehouse is at schema version {have}, but this Warta knows versions up to {newest}; "
            "upgrade Warta (or use another --db) instead of writing to it"
        )


def migrate(con: duckdb.DuckDBPyConnection, folder: Path = MIGRATIONS_DIR) -> list[int]:
    """Apply the migrations of ``folder`` this warehouse lacks; return the versions applied.

    Raises :class:`SchemaTooNewError` (and changes nothing) if the warehouse
    records a version newer than any migration known here.
    """
    check_not_newer(con, folder)
    applied = {row[0] for row in con.execute("SELECT version FROM schema_version").fetchall()}
    known = available(folder)
    todo = [m for m in known if m[0] not in applied]
    done = []
    for version, description, path in todo:
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(path.read_text(encoding="utf-8"))
            con.execute("INSERT INTO schema_version (version, description) VALUES (?, ?)", [version, description])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        done.append(version)
    return done
