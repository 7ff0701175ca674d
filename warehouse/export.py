"""Export a warehouse table or view to Parquet or CSV, for analysts' other tools."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from warehouse.db import connect

FORMATS = ("parquet", "csv")
_COPY_OPTIONS = {"parquet": "FORMAT parquet, COMPRESSION zstd", "csv": "FORMAT csv, HEADER true"}


class UnknownRelationError(ValueError):
    """The name given is neither a table nor a view of the warehouse."""


def relation_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Tables and views of the warehouse's main schema, sorted (the loader's ``staged_*`` views left out)."""
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
        "AND table_catalog = current_database() AND NOT starts_with(table_name, 'staged_') ORDER BY 1"
    ).fetchall()
    return [r[0] for r in rows]


def output_format(out: Path | str, fmt: str | None) -> str:
    """The export format: ``fmt`` if given, else the file suffix, else (a folder) Parquet.

    Raises ``ValueError`` for an unknown format, or a file suffix that is neither
    ``.parquet`` nor ``.csv`` or disagrees with ``fmt``: a ``.json`` file holding
    Parquet bytes helps nobody.
    """
    suffix = "" if _is_folder(out) else Path(out).suffix.lower().lstrip(".")
    if fmt:
        fmt = fmt.lower()
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
        if suffix and suffix != fmt:
            raise ValueError(f"--out {out} ends in .{suffix} but the format is {fmt}; name the file .{fmt}")
        return fmt
    if suffix and suffix not in FORMATS:
        raise ValueError(f"cannot tell the format of {out}: name the file .parquet or .csv, or give --format")
    return suffix or "parquet"


def _is_folder(out: Path | str) -> bool:
    """``out`` names a folder: it is one, it ends in a slash, or it has no file suffix."""
    text = str(out)
    return Path(out).is_dir() or text.endswith(("/", os.sep)) or not Path(text).suffix


def output_path(name: str, out: Path | str, fmt: str) -> Path:
    """Where the export goes: ``out`` itself, or ``out/NAME.FMT`` when ``out`` names a folder."""
    return Path(out) / f"{name}.{fmt}" if _is_folder(out) else Path(out)


def export_relation(
    db: Path | str,
    name: str,
    out: Path | str,
    fmt: str | None = None,
    *,
    retries: int = 5,
    backoff: float = 0.5,
) -> tuple[Path, int]:
    """Write table or view ``name`` of warehouse ``db`` to ``out``; return the file written and its row count.

    The connection is read-only, so an export never blocks on or changes the
    warehouse beyond DuckDB's own file lock. The file is written next to its
    target and renamed into place, so a failed export leaves no half-written file.
    """
    fmt = output_format(out, fmt)
    con = connect(db, read_only=True, retries=retries, backoff=backoff)
    try:
        names = relation_names(con)
        # Only names from the catalog reach the SQL text, so the name cannot inject SQL.
        match = {n.lower(): n for n in names}.get(name.lower())
        if match is None:
            raise UnknownRelationError(f"no table or view {name!r} in {db}; choose one of: {', '.join(names)}")
        target = output_path(match, out, fmt)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.partial")
        quoted_path = str(partial).replace("'", "''")
        quoted_name = match.replace('"', '""')
        try:
            rows = con.execute(
                f"COPY (SELECT * FROM \"{quoted_name}\") TO '{quoted_path}' ({_COPY_OPTIONS[fmt]})"
            ).fetchall()
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
    finally:
        con.close()
    return target, int(rows[0][0]) if rows else 0
