"""Versioned schema migrations, recorded in ``schema_version``.

The DDL in ``warehouse/ddl`` always describes the newest schema, so a new
warehouse needs no migration: it is stamped with the newest version. An older
file gets each numbered ``NNNN_description.sql`` it lacks, in order, inside one
transaction per migration.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

MIGRATIONS_DIR = Path(__file__).resolve().parent


def available() -> list[tuple[int, str, Path]]:
    """Return ``(version, description, path)`` for every migration file, oldest first."""
    found = []
    for path in sorted(MIGRATIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.sql")):
        number, _, name = path.stem.partition("_")
        found.append((int(number), name.replace("_", " "), path))
    return found


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply the migrations this warehouse lacks; return the versions applied."""
    applied = {row[0] for row in con.execute("SELECT version FROM schema_version").fetchall()}
    todo = [m for m in available() if m[0] not in applied]
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
