"""Assertions on the warehouse after a load, in the spirit of dbt's schema tests.

Each file of ``warehouse/assertions/`` is one SELECT that returns the rows breaking
one rule: unique keys, not-null columns, accepted values, foreign keys that resolve,
and the run's accounting (documents in = articles + quarantined + unchanged). The
loader runs them inside the load's transaction: a failing assertion raises
:class:`WarehouseAssertionError`, and the load is rolled back.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from schemas.vocabulary import vocabulary
from warehouse.db import sql_files

ASSERTIONS_DIR = Path(__file__).resolve().parent / "assertions"
EXAMPLES = 3


class WarehouseAssertionError(RuntimeError):
    """A post-load assertion found rows that break its rule."""


def failed_assertions(con: duckdb.DuckDBPyConnection, run_id: str) -> list[str]:
    """Run every assertion; return one line per failing assertion (empty when all hold).

    Parameters an assertion uses (``$run_id`` and the vocabularies, e.g.
    ``$event_types``) are bound, never pasted into the SQL.
    """
    params = {"run_id": run_id, **vocabulary()}
    failures = []
    for path in sql_files(ASSERTIONS_DIR):
        sql = path.read_text(encoding="utf-8")
        bound = {name: value for name, value in params.items() if f"${name}" in sql}
        rows = con.execute(f"SELECT * FROM ({sql}) LIMIT {EXAMPLES + 1}", bound).fetchall()
        if rows:
            more = "" if len(rows) <= EXAMPLES else ", ..."
            examples = "; ".join(repr(tuple(row)) for row in rows[:EXAMPLES])
            failures.append(f"{path.stem}: {examples}{more}")
    return failures


def assert_warehouse(con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    """Raise :class:`WarehouseAssertionError` naming every failing assertion."""
    failures = failed_assertions(con, run_id)
    if failures:
        raise WarehouseAssertionError("warehouse assertions failed, the load is rolled back: " + " | ".join(failures))
